package org.diffusionlab.core.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread settings for ND4J's native code, chosen per kind of work by measurement on the 2-core machines.
 * <p>
 * Both knobs are <b>process-wide</b>: OpenBLAS has one thread count for the whole process (ND4J's
 * {@code blas().setMaxThreads} and our direct {@link Blas} calls use the same OpenBLAS), and libnd4j has one
 * element-wise threshold (arrays shorter than it are processed on the calling thread). Whoever starts a kind
 * of work applies its profile first; the app runs one training at a time, so they do not fight. Convolutions
 * go through oneDNN and OpenMP, which neither knob touches.
 * <ul>
 * <li>{@link #denseNetworks()}: one BLAS thread, element-wise ops on the calling thread. The 784-400-20 VAE at
 * batch 128 trains at ~21k samples/s this way even with the other core busy; two OpenBLAS threads gain
 * little on an idle machine and, when the other core is busy, lose 3–10× (a GEMM waits for a descheduled
 * thread), and multi-threaded element-wise ops on 100k floats cost more in hand-off than they save.</li>
 * <li>{@link #convolutions()}: every core for BLAS and ND4J's defaults for element-wise ops (what the
 * conv nets want: 333 vs 252 samples/s with 2 threads).</li>
 * </ul>
 */
public final class NativeThreads {
    public static final String DENSE_BLAS_THREADS_PROPERTY = "diffusionlab.denseBlasThreads";
    private static final int DEFAULT_ELEMENTWISE_THRESHOLD = Nd4j.getEnvironment().elementwiseThreshold();
    private static final int DEFAULT_TAD_THRESHOLD = Nd4j.getEnvironment().tadThreshold();

    private NativeThreads() {
    }

    /**
     * Small dense networks (the VAE): one BLAS thread (the system property {@value #DENSE_BLAS_THREADS_PROPERTY}
     * overrides it, e.g. on a machine with more cores), element-wise work on the calling thread.
     */
    public static void denseNetworks() {
        Nd4j.factory().blas().setMaxThreads(Integer.getInteger(DENSE_BLAS_THREADS_PROPERTY, 1));
        Nd4j.getEnvironment().setElementwiseThreshold(Integer.MAX_VALUE);
        Nd4j.getEnvironment().setTadThreshold(Integer.MAX_VALUE);
    }

    /** Convolutional networks: all cores, ND4J's own element-wise thresholds. */
    public static void convolutions() {
        Nd4j.factory().blas().setMaxThreads(Runtime.getRuntime().availableProcessors());
        Nd4j.getEnvironment().setElementwiseThreshold(DEFAULT_ELEMENTWISE_THRESHOLD);
        Nd4j.getEnvironment().setTadThreshold(DEFAULT_TAD_THRESHOLD);
    }

    /** The current settings, for reports. */
    public static String describe() {
        return "blas_threads=" + Nd4j.factory().blas().getMaxThreads() + ", elementwise_threshold="
                + Nd4j.getEnvironment().elementwiseThreshold();
    }
}
