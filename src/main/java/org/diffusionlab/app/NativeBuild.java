package org.diffusionlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether this CPU can run the native ND4J build on the class path. The installer bundles only the
 * {@code linux-x86_64-onednn-avx2} build (8× faster convolutions than the plain one, and a second build would
 * add ~95 MB); on a CPU without AVX2 its library would stop the process with an illegal instruction as soon as
 * ND4J loads it. So the launcher asks first, and a CPU without AVX2 gets a sentence saying what to do instead.
 */
final class NativeBuild {
    static final String AVX2_BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libjnind4jcpu.so";
    private static final Pattern AVX2 = Pattern.compile("^flags\\s*:.*\\bavx2\\b", Pattern.MULTILINE);

    private NativeBuild() {
    }

    /** The message for the user when the bundled build cannot run here; empty when it can (or when unknown). */
    static Optional<String> problem() {
        boolean avx2Build = NativeBuild.class.getClassLoader().getResource(AVX2_BINDINGS) != null;
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!avx2Build || !Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            return problem(true, Files.readString(cpuinfo));
        } catch (IOException e) {
            return Optional.empty(); // cannot tell: let ND4J try
        }
    }

    static Optional<String> problem(boolean avx2Build, String cpuinfo) {
        if (!avx2Build || AVX2.matcher(cpuinfo).find()) {
            return Optional.empty();
        }
        return Optional.of("Diffusion Lab cannot start: this build of its maths library needs a processor with AVX2"
                + " (most x86-64 processors since 2013), and this one does not have it. Build the app from its source"
                + " with the plain native build instead: mvn -Dnd4j.extension= javafx:run (see README, Installer).");
    }
}
