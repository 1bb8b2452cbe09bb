package org.diffusionlab.app.bench;

import java.util.Map;

/** One named measurement; {@link #run()} returns its figures, printed by {@code bench} as one JSON line. */
public interface Benchmark {
    String name();

    /** Figures in insertion order; must include "unit". */
    Map<String, Object> run() throws Exception;
}
