package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diffusionlab.app.CliRun;
import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.io.Figures;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A model whose weights overflow reports no figure and draws no picture: one line, exit code 2. */
class FiniteFiguresTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final CliRun cli = new CliRun();

    /** The model with every weight multiplied by {@code factor}: finite, but it overflows float arithmetic. */
    private Path scaled(Path model, float factor, String name) throws Exception {
        ModelArchive archive = ModelArchive.read(model);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        archive.arrays().forEach((key, array) -> {
            float[] data = array.data().clone();
            for (int i = 0; i < data.length; i++) {
                data[i] = data[i] * factor + Math.signum(data[i]) * factor;
            }
            arrays.put(key, new NpyArray(array.shape(), data));
        });
        Path target = dir.resolve(name);
        new ModelArchive(name, archive.manifest(), arrays).write(target);
        return target;
    }

    @Test
    void figuresAreRoundedInDecimalAndNonFiniteOnesRefused() {
        assertEquals(1.235, Figures.round(1.23456, 3));
        assertEquals(Double.POSITIVE_INFINITY, Figures.round(Double.POSITIVE_INFINITY, 3), "not 9.22e15");
        assertTrue(Double.isNaN(Figures.round(Double.NaN, 3)), "not 0");
        BadInputException e = assertThrows(BadInputException.class,
                () -> Figures.requireFinite("m.zip", Map.of("heldout_kl_nats", Double.POSITIVE_INFINITY)));
        assertEquals("m.zip: heldout_kl_nats is infinite, so nothing is reported (the model's weights overflow or its"
                + " training diverged)", e.getMessage());
    }

    @Test
    void aVaeWhoseWeightsOverflowPrintsNoFigures() throws Exception {
        Path good = dir.resolve("vae.zip");
        VaeArchitecture architecture = new VaeArchitecture(28, 28, List.of(8), 2);
        VaeFile.write(good, Vae.initial(architecture, 1), new VaeFile.Training(new VaeTrainingConfig(architecture, 1, 1e-3, 8,
                1, 1), "c", "d", "s", 1, null));
        Path huge = scaled(good, 5e3f, "huge-vae.zip");
        CliRun.Result result = cli.run("eval-vae", "--model", huge.toString());
        String line = result.refusal();
        assertTrue(line.startsWith("error: huge-vae.zip: ") && line.matches(".*(infinite|not a number).*"), line);
        assertEquals("", result.out(), "no JSON line with a rounded infinity");
    }

    @Test
    void weightsFarBeyondTrainedOnesAreRefusedAtLoadByName() throws Exception {
        Path huge = scaled(Path.of("models/ddpm-toy2d-two-moons.zip"), 1e30f, "huge-ddpm.zip");
        Path png = dir.resolve("points.png");
        String line = cli.refused("sample-ddpm", "--model", huge.toString(), "--out", png.toString());
        assertTrue(line.startsWith("error: huge-ddpm.zip: the weight '") && line.contains("far larger than a trained weight"),
                line);
        assertFalse(Files.exists(png));
    }

    @Test
    void noPictureIsDrawnFromNonFiniteSamples() throws Exception {
        DiffusionModel model = DiffusionModel.read(Path.of("models/ddpm-toy2d-two-moons.zip"));
        Path png = dir.resolve("points.png");
        float[] samples = {0.5f, -0.2f, Float.NaN, 1f};
        BadInputException e = assertThrows(BadInputException.class, () -> SamplePictures.write(model, samples, png));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        assertFalse(Files.exists(png));
    }

    @Test
    void aDivergingTrainingRunEndsWithExitTwoAndWritesNothing() throws Exception {
        Path model = dir.resolve("vae.zip");
        CliRun.Result result = cli.run("train-vae", "--latent", "16", "--hidden", "400", "--lr", "100", "--epochs", "1",
                "--out", model.toString());
        assertEquals(2, result.code(), result.err());
        String last = result.err().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.startsWith("error: Training stopped at step") && last.contains("not a finite number")
                && last.contains("Nothing was written to " + model), last);
        assertFalse(Files.exists(model));
    }
}
