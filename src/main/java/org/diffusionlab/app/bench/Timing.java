package org.diffusionlab.app.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Wall-clock timing of a repeated action, summarised as percentiles. */
public final class Timing {
    public interface Action {
        void run() throws Exception;
    }

    private Timing() {
    }

    /** Runs {@code warmup} untimed repetitions, then times {@code n}; returns p50/p99/mean in the unit. */
    public static Map<String, Object> percentiles(String unit, int warmup, int n, Action action) throws Exception {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        double[] nanos = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double divisor = switch (unit) {
            case "ms" -> 1e6;
            case "us" -> 1e3;
            case "s" -> 1e9;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("unit", unit);
        figures.put("p50", round(nanos[n / 2] / divisor));
        figures.put("p99", round(nanos[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / divisor));
        figures.put("mean", round(Arrays.stream(nanos).average().orElse(0) / divisor));
        figures.put("n", n);
        return figures;
    }

    public static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
