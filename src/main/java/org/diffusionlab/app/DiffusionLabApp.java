package org.diffusionlab.app;

import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.scene.text.Font;
import javafx.stage.Stage;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.widget.FileDialogs;
import org.diffusionlab.ui.common.work.BackgroundWorker;
import org.diffusionlab.ui.elbo.ElboView;
import org.diffusionlab.ui.elbo.ElboViewModel;
import org.diffusionlab.ui.elbo.JensenViewModel;
import org.diffusionlab.ui.elbo.RealModelsViewModel;
import org.diffusionlab.ui.forward.ForwardView;
import org.diffusionlab.ui.forward.ForwardViewModel;
import org.diffusionlab.ui.latent.LatentView;
import org.diffusionlab.ui.latent.LatentViewModel;
import org.diffusionlab.ui.reverse.ReverseView;
import org.diffusionlab.ui.reverse.ReverseViewModel;
import org.diffusionlab.ui.shell.MainWindow;
import org.diffusionlab.ui.train.TrainView;
import org.diffusionlab.ui.train.TrainViewModel;

/** The composition root: one worker thread, the view-models, and the window whose pages show them. */
public final class DiffusionLabApp extends Application {
    public static final String DEFAULT_PHOTO = "chelsea";
    private BackgroundWorker worker;
    private TrainViewModel train;

    @Override
    public void start(Stage stage) {
        loadFonts();
        worker = new BackgroundWorker();
        ForwardViewModel forward = new ForwardViewModel(worker);
        forward.showPhoto(DEFAULT_PHOTO);
        ModelShelf<Vae> vaes = new ModelShelf<>();
        ModelShelf<DiffusionModel> diffusions = new ModelShelf<>();
        train = new TrainViewModel(worker, vaes, diffusions);
        LatentViewModel latent = new LatentViewModel(worker, vaes);
        ReverseViewModel reverse = new ReverseViewModel(worker, diffusions);
        ElboViewModel elbo = new ElboViewModel();
        JensenViewModel jensen = new JensenViewModel(worker, elbo);
        RealModelsViewModel elboModels = new RealModelsViewModel(worker, vaes, diffusions);
        BundledModels.load(worker, vaes, diffusions);

        MainWindow window = new MainWindow(stage, messages -> List.<Page>of(new ForwardView(forward, messages),
                new ReverseView(reverse, messages), new TrainView(train, messages), new LatentView(latent, messages),
                new ElboView(elbo, jensen, elboModels, messages)));
        CloseGuard.install(stage, train, window::messages, owner -> FileDialogs.save(owner, window.messages().get("train.save"),
                "model.zip", "zip"), Platform::exit);
        stage.getIcons().add(new Image(DiffusionLabApp.class.getResourceAsStream("/org/diffusionlab/icons/app-icon.png")));
        stage.show();
    }

    @Override
    public void stop() {
        if (train != null) {
            Shutdown.stopTraining(train::stop, Shutdown.WAIT_MILLIS);
        }
        if (worker != null) {
            worker.close();
        }
    }

    /** The bundled DejaVu Sans carries every glyph the app writes: ᾱ, √, subscripts and Vietnamese. */
    public static void loadFonts() {
        for (String face : List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")) {
            Font.loadFont(DiffusionLabApp.class.getResourceAsStream("/org/diffusionlab/fonts/" + face), 13);
        }
    }
}
