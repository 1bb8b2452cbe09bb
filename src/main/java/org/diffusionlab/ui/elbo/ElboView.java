package org.diffusionlab.ui.elbo;

import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;

/**
 * ELBO: the derivation made live, in five tabs — the exact model, the mean-field floor, Jensen and IWAE, a real
 * VAE's posterior, and diffusion as a Markovian hierarchical VAE.
 */
public final class ElboView extends BorderPane implements Page {
    private final ExactPanel exact;
    private final PosteriorPanel posterior;
    private final ChainPanel chain;
    private final RealModelsViewModel real;

    public ElboView(ElboViewModel model, JensenViewModel jensen, RealModelsViewModel real, Messages messages) {
        setId("elbo-view");
        this.real = real;
        exact = new ExactPanel(model, messages);
        posterior = new PosteriorPanel(real, messages);
        chain = new ChainPanel(real, messages);
        TabPane tabs = new TabPane(tab("elbo-tab-exact", messages.get("elbo.tab.exact"), exact),
                tab("elbo-tab-mean-field", messages.get("elbo.tab.meanField"), new MeanFieldPanel(model, messages)),
                tab("elbo-tab-jensen", messages.get("elbo.tab.jensen"), new JensenPanel(jensen, messages)),
                tab("elbo-tab-vae", messages.get("elbo.tab.vae"), posterior),
                tab("elbo-tab-diffusion", messages.get("elbo.tab.diffusion"), chain));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setId("elbo-tabs");
        tabs.getTabs().forEach(tab -> Tip.of(messages, tab.getId()).on(tab));
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab.getContent() == posterior && real.reportProperty().get() == null && !real.vaeBusyProperty().get()) {
                real.requestPosterior();
            }
        });
        setCenter(tabs);
    }

    private static Tab tab(String id, String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    @Override
    public String id() {
        return "elbo";
    }

    @Override
    public Node node() {
        return this;
    }

    /** File → Open image…: the image becomes the real-model panels' input (read as the elbo command reads it). */
    @Override
    public void openImage(Path file) {
        real.openImage(file);
    }

    @Override
    public boolean opensImages() {
        return true;
    }

    ExactPanel exact() {
        return exact;
    }

    PosteriorPanel posterior() {
        return posterior;
    }

    ChainPanel chain() {
        return chain;
    }
}
