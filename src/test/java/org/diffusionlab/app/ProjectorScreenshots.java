package org.diffusionlab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Page;
import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.text.Messages;
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

/**
 * Makes the README's projector screenshots from the real app (every view of its rail, bundled models, the real worker) on a headless
 * 1280×720 screen: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.diffusionlab.app.ProjectorScreenshots}. Not a test: it writes assets/screenshots/.
 */
public final class ProjectorScreenshots {
    private ProjectorScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("headless.geometry", "1280x720-32");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<MainWindow> window = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        BackgroundWorker worker = new BackgroundWorker();
        ModelShelf<Vae> vaes = new ModelShelf<>();
        ModelShelf<DiffusionModel> diffusions = new ModelShelf<>();
        AtomicReference<ReverseViewModel> reverse = new AtomicReference<>();
        AtomicReference<TrainViewModel> train = new AtomicReference<>();
        AtomicReference<RealModelsViewModel> real = new AtomicReference<>();
        onFx(() -> {
            DiffusionLabApp.loadFonts();
            ForwardViewModel forward = new ForwardViewModel(worker);
            forward.showPhoto(DiffusionLabApp.DEFAULT_PHOTO);
            train.set(new TrainViewModel(worker, vaes, diffusions));
            LatentViewModel latent = new LatentViewModel(worker, vaes);
            ElboViewModel elbo = new ElboViewModel();
            JensenViewModel jensen = new JensenViewModel(worker, elbo);
            real.set(new RealModelsViewModel(worker, vaes, diffusions));
            reverse.set(new ReverseViewModel(worker, diffusions));
            BundledModels.load(worker, vaes, diffusions);
            Stage s = new Stage();
            stage.set(s);
            window.set(new MainWindow(s, messages -> List.<Page>of(new ForwardView(forward, messages),
                    new ReverseView(reverse.get(), messages), new TrainView(train.get(), messages),
                    new LatentView(latent, messages), new ElboView(elbo, jensen, real.get(), messages))));
            s.setX(0);
            s.setY(0);
            s.setWidth(1280);
            s.setHeight(720);
            s.show();
            window.get().switchLanguage(Messages.VIETNAMESE);
            window.get().setTheme(Theme.DARK);
            window.get().setPresentation(true);
            window.get().show("reverse");
        });
        waitFor(() -> reverse.get().modelProperty().get() != null && reverse.get().playback().max() > 1);
        onFx(() -> reverse.get().playback().seek(reverse.get().playback().max() * 3 / 5));
        waitFor(() -> reverse.get().imageFrameProperty().get() != null
                && reverse.get().imageFrameProperty().get().position() == reverse.get().playback().max() * 3 / 5);
        Thread.sleep(500);
        onFx(() -> Snapshots.save(stage.get().getScene(), Path.of("assets/screenshots/projector-vi-dark.png")));

        onFx(() -> {
            window.get().switchLanguage(Messages.ENGLISH);
            window.get().show("elbo");
            ((TabPane) stage.get().getScene().lookup("#elbo-tabs")).getSelectionModel().select(3); // a real VAE
        });
        waitFor(() -> real.get().reportProperty().get() != null && !real.get().reportProperty().get().isPreview()
                && !real.get().vaeBusyProperty().get());
        Thread.sleep(800);
        onFx(() -> Snapshots.save(stage.get().getScene(), Path.of("assets/screenshots/projector-en-elbo.png")));

        onFx(() -> {
            window.get().switchLanguage(Messages.ENGLISH);
            window.get().setTheme(Theme.LIGHT);
            window.get().show("train");
            train.get().start();
        });
        waitFor(() -> train.get().progressProperty().get() > 0.12 && train.get().pictures().containsKey("samples"));
        Thread.sleep(800);
        onFx(() -> Snapshots.save(stage.get().getScene(), Path.of("assets/screenshots/projector-en-light.png")));
        onFx(() -> {
            train.get().stop();
            window.get().setPresentation(false); // leave the machine's display preferences at their defaults
        });
        worker.close();
        Platform.exit();
        System.exit(0);
    }

    private static void onFx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long end = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < end) {
            AtomicReference<Boolean> met = new AtomicReference<>(false);
            onFx(() -> met.set(condition.getAsBoolean()));
            if (met.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}
