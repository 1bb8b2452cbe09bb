package org.diffusionlab.ui.elbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

import org.diffusionlab.app.Cli;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.elbo.ElboKeys;
import org.diffusionlab.core.elbo.VaeElboReport;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.diffusionlab.ui.common.work.Worker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A computation in progress is cancelled when its input changes (run without JavaFX: plain properties). */
class RealModelsViewModelTest {
    /** Holds submitted jobs until the test runs them, as a busy worker thread would. */
    private static final class HeldWorker implements Worker {
        final List<Runnable> jobs = new ArrayList<>();
        final List<Runnable> posted = new ArrayList<>();

        @Override
        public <T> void submit(String lane, Callable<T> work, Consumer<T> onResult, Consumer<Exception> onError) {
            jobs.add(() -> {
                try {
                    onResult.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
            });
        }

        @Override
        public void post(Runnable action) {
            posted.add(action);
        }
    }

    @Test
    void aNewDigitCancelsThePosteriorBeingComputedAndOnlyTheNewOneIsShown() throws Exception {
        HeldWorker worker = new HeldWorker();
        ModelShelf<Vae> vaes = new ModelShelf<>();
        Vae vae = VaeFile.read(Path.of("models/vae-mnist-z2.zip")).vae();
        vaes.put("z2", ModelShelf.Origin.BUNDLED, Localized.of("message.plain", ""), vae);
        RealModelsViewModel model = new RealModelsViewModel(worker, vaes, new ModelShelf<DiffusionModel>());
        model.requestPosterior();                 // digit 9003
        model.digitProperty().set(9010);          // changes while the first job waits
        assertEquals(2, worker.jobs.size());
        worker.jobs.get(0).run();                 // the first job sees it is stale and stops
        worker.posted.forEach(Runnable::run);
        worker.posted.clear();
        assertNull(model.reportProperty().get(), "the stale job shows nothing");
        assertNull(model.seenProperty().get());
        assertTrue(model.vaeBusyProperty().get());
        worker.jobs.get(1).run();
        worker.posted.forEach(Runnable::run);
        VaeElboReport shown = model.reportProperty().get();
        assertNotNull(shown);
        VaeElboReport expected = VaeElboReport.compute(vae, org.diffusionlab.core.data.Digits.bundled().pixels(9010),
                RealModelsViewModel.K, RealModelsViewModel.SEED, VaeElboReport.GRID_SIZE, VaeElboReport.REFINEMENTS,
                () -> false);
        assertEquals(expected.elbo().value(), shown.elbo().value(), 1e-12);
        assertEquals(expected.gridLogEvidence(), shown.gridLogEvidence(), 1e-12);
    }

    /** The figures the panel shows for an input, from the view-model run on {@link ImmediateWorker}. */
    private static VaeElboReport shown(RealModelsViewModel model) {
        assertNotNull(model.reportProperty().get(), model.noticeProperty().get().toString());
        return model.reportProperty().get();
    }

    @Test
    void aDrawingSavedAsPngGivesTheFiguresOfTheElboCommandAsADrawingAndAsAFile(@TempDir Path folder) throws Exception {
        ModelShelf<Vae> vaes = new ModelShelf<>();
        vaes.put("z2", ModelShelf.Origin.BUNDLED, Localized.of("message.plain", ""), VaeFile.read(Path.of("models/vae-mnist-z2.zip")).vae());
        RealModelsViewModel model = new RealModelsViewModel(new ImmediateWorker(Runnable::run), vaes, new ModelShelf<DiffusionModel>());
        float[] drawing = new float[28 * 28];      // a ring, like a drawn 0, in steps of 1/255 as a PNG keeps them
        for (int row = 0; row < 28; row++) {
            for (int col = 0; col < 28; col++) {
                double r = Math.hypot((col - 13.5) / 6, (row - 13.5) / 9);
                drawing[row * 28 + col] = Math.round(255 * Math.max(0, 1 - 4 * Math.abs(r - 1))) / 255f;
            }
        }
        Path png = folder.resolve("drawing.png");
        BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < drawing.length; i++) {
            image.getRaster().setSample(i % 28, i / 28, 0, Math.round(drawing[i] * 255));
        }
        ImageIO.write(image, "png", png.toFile());

        model.useDrawing(drawing);
        assertEquals(RealModelsViewModel.Source.DRAWING, model.inputProperty().get().source());
        VaeElboReport asDrawing = shown(model);
        model.openImage(png);
        assertEquals(RealModelsViewModel.Source.FILE, model.inputProperty().get().source());
        VaeElboReport asFile = shown(model);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true));
        try {
            assertEquals(0, Cli.execute("elbo", "--model", "models/vae-mnist-z2.zip", "--image", png.toString(), "--k",
                    String.valueOf(RealModelsViewModel.K), "--seed", String.valueOf(RealModelsViewModel.SEED)));
        } finally {
            System.setOut(original);
        }
        JsonNode line = Json.MAPPER.readTree(out.toString().trim());
        for (VaeElboReport report : List.of(asDrawing, asFile)) {
            assertEquals(line.get(ElboKeys.ELBO).asDouble(), report.elbo().value(), 1e-12);
            assertEquals(line.get(ElboKeys.IWAE).asDouble(), report.iwae().value(), 1e-12);
            assertEquals(line.get(ElboKeys.GRID_LOG_EVIDENCE).asDouble(), report.gridLogEvidence(), 1e-12);
            assertEquals(line.get(ElboKeys.POSTERIOR_KL).asDouble(), report.posteriorKl(), 1e-12);
        }
        assertTrue(Double.isFinite(model.firstPictureSecondsProperty().get()));
        assertTrue(model.finishedSecondsProperty().get() >= model.firstPictureSecondsProperty().get());
    }

    @Test
    void aFileThatIsNoImageIsRefusedInWordsAndTheInputStays(@TempDir Path folder) throws Exception {
        RealModelsViewModel model = new RealModelsViewModel(new ImmediateWorker(Runnable::run), new ModelShelf<Vae>(),
                new ModelShelf<DiffusionModel>());
        Path bad = folder.resolve("seven.png");
        Files.writeString(bad, "not a picture");
        RealModelsViewModel.Input before = model.inputProperty().get();
        model.openImage(bad);
        assertEquals(before, model.inputProperty().get());
        assertTrue(model.noticeProperty().get().error());
        assertTrue(model.noticeProperty().get().render(new Messages(Locale.ENGLISH)).contains("seven.png"),
                model.noticeProperty().get().render(new Messages(Locale.ENGLISH)));
        model.useDrawing(new float[28 * 28]);
        assertEquals(before, model.inputProperty().get(), "a blank drawing is refused");
        assertEquals("elbo.input.blank", model.noticeProperty().get().key());
    }
}
