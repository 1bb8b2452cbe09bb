package org.diffusionlab.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

import org.diffusionlab.app.DiffusionLabApp;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.widget.PictureRow;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Trains a real (small) VAE from the Train view's own buttons. */
@ExtendWith(ApplicationExtension.class)
class TrainViewTest {
    private static final String TRAIN_ELBO = TrainingCurves.series(TrainingCurves.TRAIN, Metric.NEG_ELBO);
    private TrainViewModel model;
    private TrainView view;
    private final ModelShelf<Vae> shelf = new ModelShelf<>();
    private final ModelShelf<DiffusionModel> diffusions = new ModelShelf<>();

    @Start
    void start(Stage stage) {
        DiffusionLabApp.loadFonts();
        model = new TrainViewModel(new ImmediateWorker(), shelf, diffusions);
        model.vae().hiddenProperty().set(64);
        model.vae().latentProperty().set(4);
        model.vae().epochsProperty().set(200);
        view = new TrainView(model, new Messages(Locale.ENGLISH));
        stage.setScene(new Scene(view, 1280, 800));
        stage.show();
    }

    @AfterEach
    void stopTraining() {
        model.stop();
    }

    private int trainPoints() {
        return model.curves().log().points(TRAIN_ELBO).size();
    }

    @Test
    void startPauseResumeStop(FxRobot robot) throws Exception {
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> trainPoints() >= 100 && model.progressProperty().get() > 0);
        ProgressBar bar = robot.lookup("#train-progress").queryAs(ProgressBar.class);
        assertTrue(bar.getProgress() > 0, "the progress bar moves");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.elboChart().plottedPoints(TRAIN_ELBO) > 0);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.pictures().containsKey("reconstructions"));
        assertNotNull(robot.lookup("#train-reconstructions").queryAs(PictureRow.class).picture(0), "pictures after an epoch");

        robot.clickOn("#train-pause");
        assertEquals(TrainViewModel.State.PAUSED, model.state());
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // at most the step under way may still land
        WaitForAsyncUtils.waitForFxEvents();
        int paused = trainPoints();
        WaitForAsyncUtils.sleep(700, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(paused, trainPoints(), "no new points while paused");

        robot.clickOn("#train-pause");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> trainPoints() > paused + 20);
        robot.clickOn("#train-stop");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.state() == TrainViewModel.State.STOPPED);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#train-progress-text").queryAs(Label.class).getText().startsWith("Stopped at step"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> shelf.entries().size() == 1);
        assertEquals(ModelShelf.Origin.TRAINED, shelf.entries().get(0).origin(), "the stopped run's model is offered to the other views");
        double last = model.curves().log().points(TRAIN_ELBO).get(trainPoints() - 1).value();
        double first = model.curves().log().points(TRAIN_ELBO).get(0).value();
        assertTrue(last < first * 0.6, "the loss fell: " + first + " → " + last);
    }

    @Test
    void aDiffusionModelOnATwoDimensionalSetTrainsWithItsOwnCurves(FxRobot robot) throws Exception {
        robot.clickOn("#train-kind-diffusion");
        assertTrue(robot.lookup("#train-chart-loss").query().isVisible(), "the diffusion charts replace the VAE's");
        robot.interact(() -> {
            model.diffusion().dataProperty().set("two-moons");
            model.diffusion().epochsProperty().set(2);
        });
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.state() == TrainViewModel.State.FINISHED);
        var loss = model.curves().log().points(TrainingCurves.series(TrainingCurves.TRAIN, Metric.LOSS));
        assertEquals(2 * (8000 / 256), loss.size(), "one L_simple point per step");
        assertTrue(loss.get(loss.size() - 1).value() < loss.get(0).value(), "L_simple falls");
        assertTrue(model.curves().log().points(TrainingCurves.series(TrainingCurves.HELD_OUT, Metric.NEG_ELBO_BITS)).size() >= 1,
                "the held-out −ELBO in bits/dim is a curve of its own");
        assertTrue(model.curves().lossByTime().size() >= 1, "the loss-by-t heat map has columns");
        assertNotNull(model.samplePointsProperty().get(), "samples of the 2-D model are shown");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> diffusions.entries().size() == 1);
        assertTrue(diffusions.entries().get(0).name().contains("two-moons"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void spinnersStayBoundAfterAGarbageCollection(FxRobot robot) {
        Spinner<Double> rate = robot.lookup("#train-learning-rate").queryAs(Spinner.class);
        for (int i = 0; i < 3; i++) {
            System.gc(); // a binding held only weakly would be gone now
        }
        robot.interact(() -> rate.getValueFactory().setValue(0.05));
        assertEquals(0.05, model.vae().learningRateProperty().get(), 1e-12);
        robot.interact(() -> model.vae().learningRateProperty().set(0.002));
        assertEquals(0.002, rate.getValue(), 1e-12);
    }

    @Test
    void everySettingHasARowOfItsOwn(FxRobot robot) {
        assertSeparate(robot, "#train-latent", "#train-hidden", "#train-beta", "#train-learning-rate", "#train-batch",
                "#train-epochs");
        robot.clickOn("#train-kind-diffusion");
        assertSeparate(robot, "#train-diffusion-data", "#train-diffusion-epochs", "#train-diffusion-batch",
                "#train-diffusion-learning-rate", "#train-diffusion-steps");
    }

    private static void assertSeparate(FxRobot robot, String... ids) {
        for (int i = 0; i < ids.length; i++) {
            Bounds a = sceneBounds(robot, ids[i]);
            assertTrue(a.getWidth() > 0 && a.getHeight() > 0, ids[i] + " is laid out");
            for (int j = i + 1; j < ids.length; j++) {
                Bounds b = sceneBounds(robot, ids[j]);
                assertTrue(a.getMaxY() <= b.getMinY() || b.getMaxY() <= a.getMinY(), ids[i] + " and " + ids[j] + " share a row");
            }
        }
    }

    private static Bounds sceneBounds(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return node.localToScene(node.getLayoutBounds());
    }

    @Test
    void anAbsurdLearningRateEndsWithTheNanMessage(FxRobot robot) throws Exception {
        Spinner<?> rate = robot.lookup("#train-learning-rate").queryAs(Spinner.class);
        robot.doubleClickOn(rate.getEditor()).eraseText(12).write("100").type(KeyCode.ENTER);
        assertEquals(100, model.vae().learningRateProperty().get(), 1e-9);
        robot.clickOn("#train-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.state() == TrainViewModel.State.FAILED);
        WaitForAsyncUtils.waitForFxEvents();
        String notice = robot.lookup("#train-notice").queryAs(Label.class).getText();
        assertTrue(notice.contains("not a finite number") && notice.contains("learning rate"), notice);
        assertTrue(robot.lookup("#train-notice").query().getStyleClass().contains("notice-error"));
        DialogPane dialog = robot.lookup("#train-failed-dialog").queryAs(DialogPane.class);
        assertTrue(dialog.getContentText().contains("not a finite number") && dialog.getContentText().contains("last good step"),
                dialog.getContentText());
        robot.interact(() -> ((Stage) dialog.getScene().getWindow()).close());
    }
}
