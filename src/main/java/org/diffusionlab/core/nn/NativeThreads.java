package org.diffusionlab.core.nn;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Thread settings for ND4J's native code, chosen per kind of work by measurement on the 2-core machines.
 * <p>
 * All three knobs are <b>process-wide</b>: OpenBLAS has one thread count for the whole process (ND4J's
 * {@code blas().setMaxThreads} and our direct {@link Blas} calls share one OpenBLAS), and libnd4j has one pool
 * size for its own ops ({@code maxMasterThreads}) and one element-wise threshold (shorter arrays stay on the
 * calling thread). ({@code Environment.setMaxThreads} is a no-op in this ND4J; only the environment variable
 * {@code OMP_NUM_THREADS} at start-up changes it.) Whoever starts a kind of work applies its profile first;
 * the app runs one training at a time, so they do not fight. oneDNN convolutions run on OpenMP threads, which
 * none of these knobs touch.
 * <ul>
 * <li>{@link #denseNetworks()}: one thread everywhere. The 784-400-20 VAE at batch 128 trains at ~23k
 * samples/s this way. Two OpenBLAS threads made it 3–10× slower, even on an idle machine (a product waits
 * for a descheduled or sleeping thread). And while the other core is busy, ND4J's two-thread pool made a
 * sigmoid over 128×784 values take 5.8 ms instead of 0.25 ms; the element-wise threshold alone did not
 * help, a pool of one did.</li>
 * <li>{@link #convolutions()}: every core for BLAS, ND4J's default pool and thresholds (conv nets want both
 * cores: 333 vs 252 samples/s).</li>
 * </ul>
 */
public final class NativeThreads {
    public static final String DENSE_BLAS_THREADS_PROPERTY = "diffusionlab.denseBlasThreads";
    private static final int DEFAULT_MASTER_THREADS = Nd4j.getEnvironment().maxMasterThreads();
    private static final int DEFAULT_ELEMENTWISE_THRESHOLD = Nd4j.getEnvironment().elementwiseThreshold();
    private static final int DEFAULT_TAD_THRESHOLD = Nd4j.getEnvironment().tadThreshold();

    private NativeThreads() {
    }

    /**
     * Small dense networks (the VAE): one BLAS thread (the system property {@value #DENSE_BLAS_THREADS_PROPERTY}
     * overrides it, e.g. on a machine with more cores) and ND4J's own ops on the calling thread.
     */
    public static void denseNetworks() {
        Nd4j.factory().blas().setMaxThreads(Integer.getInteger(DENSE_BLAS_THREADS_PROPERTY, 1));
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.getEnvironment().setElementwiseThreshold(Integer.MAX_VALUE);
        Nd4j.getEnvironment().setTadThreshold(Integer.MAX_VALUE);
    }

    /** Convolutional networks: all cores, ND4J's own element-wise thresholds. */
    public static void convolutions() {
        Nd4j.factory().blas().setMaxThreads(Runtime.getRuntime().availableProcessors());
        Nd4j.getEnvironment().setMaxMasterThreads(DEFAULT_MASTER_THREADS);
        Nd4j.getEnvironment().setElementwiseThreshold(DEFAULT_ELEMENTWISE_THRESHOLD);
        Nd4j.getEnvironment().setTadThreshold(DEFAULT_TAD_THRESHOLD);
    }

    /** The current settings, for reports. */
    public static String describe() {
        return "blas_threads=" + Nd4j.factory().blas().getMaxThreads() + ", nd4j_threads="
                + Nd4j.getEnvironment().maxMasterThreads() + ", elementwise_threshold="
                + Nd4j.getEnvironment().elementwiseThreshold();
    }
}
