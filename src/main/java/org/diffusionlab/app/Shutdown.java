package org.diffusionlab.app;

import java.util.List;

/**
 * Closing the window while a model trains or samples: ask the training run to stop (it does within one step), wait
 * a few seconds for the "trainer" thread to leave native code, then let the process end even if a worker job is
 * still inside a long sampling chain (those threads are daemons, and {@link Main} exits when the app returns).
 */
final class Shutdown {
    static final String TRAINER_THREAD = "trainer";
    static final long WAIT_MILLIS = 5000;

    private Shutdown() {
    }

    /** Requests the stop and waits up to {@code waitMillis} for every trainer thread to end; true if they all did. */
    static boolean stopTraining(Runnable stopRequest, long waitMillis) {
        stopRequest.run();
        long deadline = System.currentTimeMillis() + waitMillis;
        List<Thread> trainers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(TRAINER_THREAD) && t.isAlive()).toList();
        for (Thread trainer : trainers) {
            try {
                trainer.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return trainers.stream().noneMatch(Thread::isAlive);
    }
}
