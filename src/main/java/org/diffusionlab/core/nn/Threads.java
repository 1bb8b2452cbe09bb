package org.diffusionlab.core.nn;

import java.util.Arrays;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * How many threads ND4J's native ops use on the calling thread. On two cores shared with other work, two
 * OpenMP threads can be 3× slower than one (spinning threads fight for a core); on two idle cores, two are
 * faster for convolutions. {@link Tuner} measures and picks. See also {@link NativeThreads} for the element-wise
 * threshold that small dense networks want.
 */
public final class Threads {
    private Threads() {
    }

    /** OpenMP (oneDNN convolutions, libnd4j loops) and OpenBLAS (matrix products) both get this many threads. */
    public static void set(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    public static int available() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * After two warm-up steps and then at the end of every {@code period} steps, runs {@code trialSteps} steps
     * with each thread count from 1 to the number of cores, then keeps the fastest until the next trial; so a
     * long run adapts when other work starts or stops on the machine. Call {@link #beforeStep} and
     * {@link #afterStep} around every step.
     */
    public static final class Tuner {
        private final int period;
        private final int trialSteps;
        private final int maxThreads;
        private final double[] trialSeconds;
        private int current;
        private long step;

        public Tuner(int period, int trialSteps) {
            this.maxThreads = Math.max(1, available());
            this.trialSteps = trialSteps;
            this.period = Math.max(period, trialSteps * maxThreads + 1);
            this.trialSeconds = new double[maxThreads + 1];
            this.step = this.period - (long) trialSteps * maxThreads - 2;
            switchTo(maxThreads);
        }

        public void beforeStep() {
            int trial = trial();
            if (trial > 0) {
                switchTo(trial);
            } else if (step % period == 0) {
                int best = 1;
                for (int k = 2; k <= maxThreads; k++) {
                    if (trialSeconds[k] < trialSeconds[best]) {
                        best = k;
                    }
                }
                Arrays.fill(trialSeconds, 0);
                switchTo(best);
            }
        }

        public void afterStep(double seconds) {
            int trial = trial();
            if (trial > 0) {
                trialSeconds[trial] += seconds;
            }
            step++;
        }

        /** The thread count under trial at this step, or 0 outside the trial window. */
        private int trial() {
            long phase = step % period;
            long trialStart = period - (long) trialSteps * maxThreads;
            if (maxThreads == 1 || phase < trialStart) {
                return 0;
            }
            return (int) ((phase - trialStart) / trialSteps) + 1;
        }

        private void switchTo(int threads) {
            if (threads != current) {
                current = threads;
                set(threads);
            }
        }

        public int threads() {
            return current;
        }
    }
}
