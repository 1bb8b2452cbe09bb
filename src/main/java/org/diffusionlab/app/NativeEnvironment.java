package org.diffusionlab.app;

/**
 * Process-wide settings that native libraries read from the environment once, when they load; so this runs
 * first in every entry point, before anything touches ND4J.
 * <p>{@code OMP_WAIT_POLICY=PASSIVE}: OpenMP threads that finish a parallel region sleep instead of spinning.
 * ND4J's oneDNN convolutions and loops open hundreds of short regions per U-Net step; spinning workers took
 * cycles from the thread that does the work. Measured on the 2-core machine (U-Net with attention, batch 64):
 * 129 → 141 samples/s alone, and 6 → 64 samples/s beside a second training run, which spinning starved.
 * A value the user has set is kept.
 */
public final class NativeEnvironment {
    static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    private NativeEnvironment() {
    }

    public static void prepare() {
        if (System.getenv(WAIT_POLICY) != null || !System.getProperty("os.name", "").startsWith("Linux")) {
            return;
        }
        try {
            org.bytedeco.systems.global.linux.setenv(WAIT_POLICY, "PASSIVE", 0);
        } catch (Throwable e) { // no native helper for this platform: run with OpenMP's defaults
            System.err.println("note: could not set " + WAIT_POLICY + " (" + e + "); OpenMP keeps its defaults");
        }
    }
}
