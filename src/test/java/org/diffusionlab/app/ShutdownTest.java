package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingRun;
import org.diffusionlab.core.train.VaeTrainingSession;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.junit.jupiter.api.Test;

/** Closing the window mid-training stops the trainer thread within a step or so; nothing keeps running. */
class ShutdownTest {
    @Test
    void aRunningTrainerStopsAndItsThreadEnds() throws Exception {
        VaeTrainingConfig config = new VaeTrainingConfig(VaeArchitecture.digits(List.of(64), 2), 1, 1e-3, 32, 1000, 1);
        VaeTrainingSession session = new VaeTrainingSession(config, VaeDataset.digits(Digits.bundled()));
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch stepping = new CountDownLatch(3);
        TrainingRun run = new TrainingRun(session, event -> {
            events.add(event);
            if (event instanceof TrainingEvent.Step) {
                stepping.countDown();
            }
        });
        run.start();
        assertTrue(stepping.await(60, TimeUnit.SECONDS), "training started");
        assertTrue(Shutdown.stopTraining(run::stop, 10_000), "the trainer thread ended");
        assertFalse(run.isRunning());
        TrainingEvent.Finished end = assertInstanceOf(TrainingEvent.Finished.class, events.get(events.size() - 1));
        assertTrue(end.stoppedEarly());
    }
}
