package org.diffusionlab.ui.reverse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.work.HeldWorker;
import org.diffusionlab.ui.common.work.ImmediateWorker;
import org.diffusionlab.ui.common.work.Worker;
import org.junit.jupiter.api.Test;

/** The Reverse view-model without a window: the chain's state machine on tiny untrained models. */
class ReverseViewModelTest {
    private final ModelShelf<DiffusionModel> shelf = new ModelShelf<>();

    private static DiffusionModel moons() {
        return new DiffusionModel(new DenoiserSpec.MlpSpec(2, 16, 1, 8).build(1), NoiseSchedule.linear(20), "two-moons");
    }

    private static DiffusionModel digits() {
        return new DiffusionModel(new DenoiserSpec.UNetSpec(28, 4, 4, 8, false).build(1), NoiseSchedule.linear(20), "digits");
    }

    private ReverseViewModel ddpm(Worker worker) {
        ReverseViewModel model = new ReverseViewModel(worker, shelf);
        model.samplerProperty().set(ReverseViewModel.SamplerKind.DDPM);
        return model;
    }

    @Test
    void withoutAModelItSaysSoAndAModelArrivingStartsTheChain() {
        ReverseViewModel model = ddpm(new ImmediateWorker());
        assertEquals(Localized.of("reverse.noModel"), model.statusProperty().get());
        assertNull(model.modelProperty().get());
        shelf.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"), moons());
        assertEquals("tiny moons", model.modelProperty().get().name(), "the first model is taken up");
        assertEquals(20, model.playback().max(), "DDPM visits every t of T = 20");
        assertEquals(1, model.computedSteps(), "position 0 needs one step: its state and prediction");
        ReverseViewModel.CloudFrame frame = model.cloudFrameProperty().get();
        assertEquals(0, frame.position());
        assertEquals(20, frame.t());
        assertEquals(2 * ReverseViewModel.CLOUD, frame.points().length);
    }

    @Test
    void seekingComputesUpToThePositionAndPlayingLooksAhead() {
        shelf.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"), moons());
        ReverseViewModel model = ddpm(new ImmediateWorker());
        model.playback().seek(7);
        assertEquals(8, model.computedSteps());
        assertEquals(7, model.cloudFrameProperty().get().position());
        assertEquals(20 - 7, model.cloudFrameProperty().get().t(), "after p DDPM steps the chain is at t = T − p");
        model.playback().playingProperty().set(true);
        assertEquals(8 + ReverseViewModel.LOOK_AHEAD, model.computedSteps(), "playing computes a few steps ahead");
        model.playback().playingProperty().set(false);
        model.playback().seek(20);
        assertEquals(20, model.computedSteps());
        assertEquals(0, model.cloudFrameProperty().get().t(), "the end of the chain is x₀");
        assertComputed("20", "20", "DDPM", model.statusProperty().get());
    }

    @Test
    void aChangeOfSettingsCancelsTheChainAndStartsAgainFromTheSameSeed() {
        shelf.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"), moons());
        ReverseViewModel model = ddpm(new ImmediateWorker());
        model.playback().seek(5);
        float[] before = model.cloudFrameProperty().get().points().clone();
        model.playback().playingProperty().set(true);
        model.seedProperty().set(2);
        assertEquals(false, model.playback().isPlaying(), "a restart stops playback");
        assertEquals(0, model.playback().position());
        assertEquals(1, model.computedSteps());
        model.seedProperty().set(1);
        model.playback().seek(5);
        assertTrue(java.util.Arrays.equals(before, model.cloudFrameProperty().get().points()), "the same seed, the same chain");
    }

    @Test
    void aStepStillUnderWayWhenTheSettingsChangeIsDropped() {
        shelf.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"), moons());
        HeldWorker worker = new HeldWorker();
        ReverseViewModel model = ddpm(worker);
        worker.releaseAll();                       // the chain is built and has taken its first step
        assertEquals(1, model.computedSteps());
        model.playback().seek(3);                  // the next step is now under way (held)
        model.seedProperty().set(9);               // cancels: that step belongs to the old chain
        assertEquals(0, model.computedSteps());
        worker.releaseOne();                       // the old step lands and must be ignored
        assertEquals(0, model.computedSteps(), "the old chain's step is dropped");
        worker.releaseAll();                       // the new chain is built and takes its first step
        assertEquals(1, model.computedSteps());
        assertComputed("1", "20", "DDPM", model.statusProperty().get());
    }

    @Test
    void badSamplerSettingsAreRefusedInWordsAndGoodOnesRecover() {
        shelf.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"), moons());
        ReverseViewModel model = new ReverseViewModel(new ImmediateWorker(), shelf);
        model.samplerProperty().set(ReverseViewModel.SamplerKind.DDIM);
        model.etaProperty().set(2);
        assertEquals(Localized.plainError("η must lie in [0, 1], not 2.0"), model.noticeProperty().get());
        assertEquals(0, model.computedSteps(), "no chain with a bad η");
        model.etaProperty().set(0);
        model.ddimStepsProperty().set(10);
        assertTrue(model.noticeProperty().get().isEmpty(), "the notice clears");
        assertEquals(10, model.playback().max(), "DDIM with ten steps");
        assertEquals(1, model.computedSteps());
    }

    @Test
    void switchingModelRestartsWithTheOtherKindOfPicture() {
        shelf.put("tiny moons", ModelShelf.Origin.TRAINED, Localized.of("message.plain", "tiny"), moons());
        ModelShelf.Entry<DiffusionModel> digits = shelf.put("tiny digits", ModelShelf.Origin.TRAINED,
                Localized.of("message.plain", "tiny"), digits());
        ReverseViewModel model = ddpm(new ImmediateWorker());
        model.playback().seek(3);
        assertNotNull(model.cloudFrameProperty().get());
        model.modelProperty().set(digits);
        assertTrue(model.isImageModel());
        assertNull(model.cloudFrameProperty().get(), "the old cloud is gone");
        ReverseViewModel.ImageFrame frame = model.imageFrameProperty().get();
        assertEquals(0, frame.position());
        assertEquals(ReverseViewModel.GRID, frame.samples().size());
        assertEquals(28, frame.detail().xt().width());
    }

    /** The status names the steps computed and the sampler, then the rate the worker computes them at. */
    private static void assertComputed(String computed, String steps, String sampler, Localized status) {
        assertEquals("reverse.status.computed", status.key());
        assertEquals(List.of(computed, steps, sampler), status.arguments().subList(0, 3));
        assertEquals(4, status.arguments().size(), "and the compute rate in steps per second");
    }

    @Test
    void theComputedStepsLineWritesEtaInTheReadersNumbers() {
        Object ddim = ReverseViewModel.samplerLabel(new Sampler.Ddim(50, 0));
        Localized line = Localized.of("reverse.status.computed", "31", "50", ddim, Numbers.fixedArgument(10, 0));
        assertEquals("Đã tính 31 / 50 bước · DDIM-50 (η = 0,0) · 10 bước/s", line.render(new Messages(Messages.VIETNAMESE)));
        assertEquals("Computed 31 of 50 steps · DDIM-50 (η = 0.0) · 10 steps/s", line.render(new Messages(Messages.ENGLISH)));
        assertEquals("DDPM", ReverseViewModel.samplerLabel(new Sampler.Ddpm(false)));
    }
}
