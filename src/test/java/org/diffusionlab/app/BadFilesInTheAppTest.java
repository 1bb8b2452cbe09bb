package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import javafx.stage.Stage;

import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.diffusionlab.ui.latent.LatentViewModel;
import org.diffusionlab.ui.reverse.ReverseViewModel;
import org.diffusionlab.ui.train.TrainViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every view that opens files, given damaged ones: a message that names the file, and the current model stays. */
@ExtendWith(ApplicationExtension.class)
class BadFilesInTheAppTest {
    @TempDir
    Path dir;
    private final ModelShelf<DiffusionModel> diffusions = new ModelShelf<>();
    private final ModelShelf<Vae> vaes = new ModelShelf<>();

    @Start
    void start(Stage stage) {
        diffusions.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"),
                new DiffusionModel(new DenoiserSpec.MlpSpec(2, 16, 1, 8).build(1), NoiseSchedule.linear(10), "two-moons"));
        vaes.put("tiny vae", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"),
                Vae.initial(new VaeArchitecture(28, 28, List.of(8), 2), 1));
    }

    /** Damaged model files: truncated, a flipped bit, and not a zip at all. */
    private List<Path> badModels() throws Exception {
        byte[] toy = Files.readAllBytes(Path.of("models/ddpm-toy2d-two-moons.zip"));
        byte[] flipped = toy.clone();
        flipped[toy.length / 2] ^= 8;
        return List.of(Files.write(dir.resolve("cut-model.zip"), Arrays.copyOf(toy, toy.length / 2)),
                Files.write(dir.resolve("flipped-model.zip"), flipped),
                Files.writeString(dir.resolve("notes-model.zip"), "not a model"));
    }

    private static void assertRefused(Localized notice, Path file) {
        assertTrue(notice.error(), notice.toString());
        assertTrue(notice.arguments().toString().contains(file.getFileName().toString()), notice.toString());
    }

    @Test
    void theReverseViewKeepsItsModel(FxRobot robot) throws Exception {
        ReverseViewModel reverse = new ReverseViewModel(new ImmediateWorker(), diffusions);
        var before = reverse.modelProperty().get();
        assertNotNull(before);
        for (Path bad : badModels()) {
            robot.interact(() -> reverse.openModel(bad));
            assertRefused(reverse.noticeProperty().get(), bad);
            assertSame(before, reverse.modelProperty().get());
        }
        assertEquals(1, diffusions.entries().size(), "nothing joined the shelf");
    }

    @Test
    void theLatentViewKeepsItsModelAndDrawing(FxRobot robot) throws Exception {
        LatentViewModel latent = new LatentViewModel(new ImmediateWorker(), vaes);
        var before = latent.modelProperty().get();
        for (Path bad : badModels()) {
            robot.interact(() -> latent.openModel(bad));
            assertRefused(latent.noticeProperty().get(), bad);
            assertSame(before, latent.modelProperty().get());
        }
        byte[] png = Files.readAllBytes(Assets.root().resolve("images/rocket.png"));
        Path cut = Files.write(dir.resolve("cut-drawing.png"), Arrays.copyOf(png, png.length - 10));
        boolean[] shown = {false};
        robot.interact(() -> latent.encodeImage(cut, pixels -> shown[0] = true));
        assertRefused(latent.noticeProperty().get(), cut);
        assertTrue(!shown[0], "a truncated image is not drawn");
    }

    @Test
    void theTrainViewKeepsTheShelves(FxRobot robot) throws Exception {
        TrainViewModel train = new TrainViewModel(new ImmediateWorker(), vaes, diffusions);
        for (Path bad : badModels()) {
            robot.interact(() -> train.loadModel(bad));
            assertRefused(train.noticeProperty().get(), bad);
        }
        assertEquals(1, diffusions.entries().size());
        assertEquals(1, vaes.entries().size());
    }
}
