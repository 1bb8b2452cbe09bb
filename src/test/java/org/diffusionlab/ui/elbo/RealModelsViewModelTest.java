package org.diffusionlab.ui.elbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.elbo.VaeElboReport;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.work.Worker;
import org.junit.jupiter.api.Test;

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
        assertTrue(worker.posted.isEmpty(), "the stale job posts nothing");
        assertNull(model.reportProperty().get());
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
}
