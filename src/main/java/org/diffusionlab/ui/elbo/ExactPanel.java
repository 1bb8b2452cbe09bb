package org.diffusionlab.ui.elbo;

import java.util.List;
import java.util.Map;

import javafx.animation.AnimationTimer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.diffusionlab.core.elbo.DiagonalGaussian;
import org.diffusionlab.core.elbo.ElboParts;
import org.diffusionlab.core.elbo.LinearGaussianModel;
import org.diffusionlab.ui.common.Observe;
import org.diffusionlab.ui.common.chart.ArrayXYDataset;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.chart.SeriesTips;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.widget.Controls;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Panel 1: the exact 1-latent model. Sliders for x, w, b, s and q's m and σ_q; the bar log p(x) = ELBO + KL; the
 * split ELBO; p(z), p(z|x) and q(z|x) over z; "Fit q" animating exact gradient ascent, with its path in (m, σ).
 */
final class ExactPanel extends BorderPane {
    private static final int POINTS = 241;

    private final ElboViewModel model;
    private final Messages messages;
    private final EvidenceBar bar = new EvidenceBar();
    private final Equations equations;
    private final Formula identity = new Formula("elbo-identity-tex");
    private final Formula split = new Formula("elbo-split-tex");
    private final Formula gaussianKl = new Formula("elbo-gauss-kl-tex");
    private final ArrayXYDataset densities;
    private final ArrayXYDataset path;
    private final AnimationTimer fitting;

    ExactPanel(ElboViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.equations = new Equations(messages);
        setId("elbo-exact");
        densities = new ArrayXYDataset(messages.get("elbo.prior"), messages.get("elbo.posterior"), messages.get("elbo.q"));
        path = new ArrayXYDataset(messages.get("elbo.fitPath"));
        fitting = new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (!model.fitStep()) {
                    stop();
                }
            }
        };

        Sliders sliders = new Sliders(messages);
        sliders.add("elbo-x", "x", -4, 4, model.xProperty());
        sliders.add("elbo-w", "w", -3, 3, model.wProperty());
        sliders.add("elbo-b", "b", -2, 2, model.bProperty());
        sliders.add("elbo-s", "s", 0.1, 2, model.sProperty());
        sliders.add("elbo-m", "m", -3, 3, model.mProperty());
        sliders.add("elbo-sigma-q", "σ_q", 0.05, 2, model.sigmaQProperty());
        Button fit = new Button(messages.get("elbo.fit"));
        fit.setId("elbo-fit");
        fit.setMaxWidth(Double.MAX_VALUE);
        fit.disableProperty().bind(model.fittingProperty());
        fit.setOnAction(e -> {
            model.startFit();
            fitting.start();
        });
        Label hint = new Label(messages.get("elbo.exact.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        VBox controls = new VBox(10, Controls.section(messages.get("elbo.section.model"), sliders.node()), fit, hint);
        controls.setPadding(new Insets(10));
        controls.setPrefWidth(300);
        controls.setMaxWidth(300);
        Tip.of(messages, "elbo.fit").tex(Equations.IDENTITY).on(fit);
        setLeft(Side.of(controls));

        JFreeChart densityChart = Charts.lines(messages.get("elbo.densities"), "z", messages.get("elbo.density"), densities);
        JFreeChart pathChart = Charts.lines(messages.get("elbo.fitPath"), "m", "σ_q", path);
        ((XYLineAndShapeRenderer) pathChart.getXYPlot().getRenderer()).setSeriesShapesVisible(0, true);
        ChartViewer densityViewer = new ChartViewer(densityChart);
        ChartViewer pathViewer = new ChartViewer(pathChart);
        SeriesTips.explain(densityChart, messages, Map.of(densities.getSeriesKey(0), "elbo.prior", densities.getSeriesKey(1),
                "elbo.posterior", densities.getSeriesKey(2), "elbo.q"));
        SeriesTips.explain(pathChart, messages, Map.of(path.getSeriesKey(0), "elbo.fitPath"));
        VBox formulas = new VBox(6, new Formula("elbo-model-tex", Equations.MODEL), identity, split, gaussianKl);
        GridPane centre = new GridPane();
        centre.setHgap(10);
        centre.setVgap(10);
        centre.setPadding(new Insets(10));
        centre.add(bar, 0, 0);
        centre.add(formulas, 1, 0);
        centre.add(densityViewer, 0, 1, 1, 1);
        centre.add(pathViewer, 1, 1);
        GridPane.setHgrow(densityViewer, Priority.ALWAYS);
        GridPane.setVgrow(densityViewer, Priority.ALWAYS);
        GridPane.setHgrow(pathViewer, Priority.ALWAYS);
        GridPane.setVgrow(pathViewer, Priority.ALWAYS);
        densityViewer.setPrefSize(420, 260);
        pathViewer.setPrefSize(300, 260);
        bar.setId("elbo-bar");
        Tip.of(messages, "elbo.bar").tex(Equations.IDENTITY).on(bar);
        setCenter(centre);

        Observe.present(model.partsProperty(), this::show);
        Observe.now(model.fitPathProperty(), this::showPath);
    }

    private void show(ElboParts parts) {
        bar.set(parts.logEvidence(), parts.elbo(), "log p(x) = " + Figures.six(messages, parts.logEvidence()),
                "ELBO = " + Figures.six(messages, parts.elbo()), "KL = " + Figures.six(messages, parts.posteriorKl()));
        DiagonalGaussian q = model.q();
        identity.setTex(equations.identity(parts));
        split.setTex(equations.split(parts.expectedLogLikelihood(), parts.priorKl(), parts.elbo()));
        gaussianKl.setTex(equations.gaussianKl(q.mean()[0], q.sigma()[0], parts.priorKl()));
        LinearGaussianModel exact = model.model();
        DiagonalGaussian posterior = exact.posterior(model.xProperty().get());
        double[] z = new double[POINTS];
        double[] prior = new double[POINTS];
        double[] post = new double[POINTS];
        double[] approx = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            z[i] = -4 + 8.0 * i / (POINTS - 1);
            double[] point = {z[i]};
            prior[i] = Math.exp(-0.5 * z[i] * z[i]) / Math.sqrt(2 * Math.PI);
            post[i] = Math.exp(posterior.logDensity(point));
            approx[i] = Math.exp(q.logDensity(point));
        }
        densities.set(z, prior, post, approx);
    }

    private void showPath(List<double[]> points) {
        double[] m = new double[points.size()];
        double[] sigma = new double[points.size()];
        for (int i = 0; i < m.length; i++) {
            m[i] = points.get(i)[0];
            sigma[i] = points.get(i)[1];
        }
        path.set(m, sigma);
    }

    /** The formulas with live numbers (for tests). */
    List<Formula> liveFormulas() {
        return List.of(identity, split, gaussianKl);
    }

    /** The bar (for tests). */
    EvidenceBar bar() {
        return bar;
    }
}
