package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeBuildTest {
    private static final String HASWELL = "processor\t: 0\nflags\t\t: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2\n";
    private static final String SANDY_BRIDGE = "processor\t: 0\nflags\t\t: fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx\n"
            + "bugs\t\t: avx2_lookalike\n";

    @Test
    void anAvx2BuildRunsOnACpuWithAvx2() {
        assertTrue(NativeBuild.problem(true, HASWELL).isEmpty());
    }

    @Test
    void anAvx2BuildOnACpuWithoutAvx2GetsASentenceNotACrash() {
        String message = NativeBuild.problem(true, SANDY_BRIDGE).orElseThrow();
        assertTrue(message.contains("AVX2") && message.contains("-Dnd4j.extension="), message);
        assertFalse(message.contains("Exception"));
    }

    @Test
    void thePlainBuildRunsAnywhere() {
        assertTrue(NativeBuild.problem(false, SANDY_BRIDGE).isEmpty());
    }

    @Test
    void thisMachineCanRunTheBuildItTestsWith() {
        assertTrue(NativeBuild.problem().isEmpty(), "the tests load ND4J, so this CPU runs its build");
    }
}
