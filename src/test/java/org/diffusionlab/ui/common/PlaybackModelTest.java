package org.diffusionlab.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlaybackModelTest {
    private final PlaybackModel playback = new PlaybackModel();

    @Test
    void advancesAtTheChosenRateWhateverTheFrameRate() {
        playback.maxProperty().set(1000);
        playback.stepsPerSecondProperty().set(50);
        playback.togglePlay();
        for (int frame = 0; frame < 60; frame++) {
            playback.advance(1 / 60.0);
        }
        assertEquals(50, playback.position(), 1);
        for (int frame = 0; frame < 10; frame++) {
            playback.advance(0.1);
        }
        assertEquals(100, playback.position(), 1);
    }

    @Test
    void stopsAtTheEndOrLoops() {
        playback.maxProperty().set(10);
        playback.stepsPerSecondProperty().set(500);
        playback.togglePlay();
        playback.advance(1);
        assertEquals(10, playback.position());
        assertFalse(playback.isPlaying());
        playback.togglePlay(); // at the end: play starts again from 0
        assertEquals(0, playback.position());
        playback.loopProperty().set(true);
        playback.advance(1);
        assertEquals(10, playback.position());
        assertTrue(playback.isPlaying());
        playback.advance(0.01);
        assertEquals(0, playback.position(), "loops back to the start");
    }

    @Test
    void waitsAtTheLastComputedPosition() {
        playback.maxProperty().set(100);
        playback.availableProperty().set(5);
        playback.stepsPerSecondProperty().set(50);
        playback.togglePlay();
        playback.advance(1);
        assertEquals(5, playback.position());
        assertTrue(playback.isPlaying(), "still playing: waiting for the rest");
        playback.availableProperty().set(40);
        playback.advance(0.2);
        assertEquals(15, playback.position());
        playback.seek(80);
        assertEquals(80, playback.position(), "seeking may run ahead of what is computed");
    }

    @Test
    void steppingPausesAndStaysInRange() {
        playback.maxProperty().set(3);
        playback.togglePlay();
        playback.stepForward();
        assertFalse(playback.isPlaying());
        playback.toEnd();
        playback.stepForward();
        assertEquals(3, playback.position());
        playback.toStart();
        playback.stepBack();
        assertEquals(0, playback.position());
        playback.seek(2);
        playback.maxProperty().set(1);
        assertEquals(1, playback.position(), "a shorter chain pulls the position in");
    }

    @Test
    void aReplayOfAnyChainLastsSeveralSecondsByDefault() {
        assertEquals(10, PlaybackModel.speedFor(50, PlaybackModel.REPLAY_SECONDS), "DDIM-50 in 5 s, not 1 s");
        assertEquals(200, PlaybackModel.speedFor(1000, PlaybackModel.REPLAY_SECONDS), "DDPM-1000 in 5 s");
        assertEquals(5, PlaybackModel.speedFor(10, PlaybackModel.REPLAY_SECONDS), "a short chain at the slowest speed");
        for (int steps : new int[] {50, 100, 250, 1000}) {
            double seconds = steps / PlaybackModel.speedFor(steps, PlaybackModel.REPLAY_SECONDS);
            org.junit.jupiter.api.Assertions.assertTrue(seconds >= 5 && seconds < 12, steps + " steps take " + seconds + " s");
        }
    }
}
