package org.diffusionlab.ui.common.chart;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every point of every curve of a run, by series key, in the order they came: the single source of truth
 * that charts redraw from and CSV export writes. Plain Java, FX thread only.
 */
public final class CurveLog {
    public record Point(long step, double value) {
    }

    private final Map<String, List<Point>> series = new LinkedHashMap<>();

    public void add(String key, long step, double value) {
        series.computeIfAbsent(key, k -> new ArrayList<>()).add(new Point(step, value));
    }

    public List<Point> points(String key) {
        return Collections.unmodifiableList(series.getOrDefault(key, List.of()));
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(series.keySet());
    }

    public int size() {
        return series.values().stream().mapToInt(List::size).sum();
    }

    public void clear() {
        series.clear();
    }

    /** Long format, one row per point: {@code series,step,value}. */
    public String toCsv() {
        StringBuilder csv = new StringBuilder("series,step,value\n");
        series.forEach((key, points) -> {
            for (Point p : points) {
                csv.append(key).append(',').append(p.step()).append(',')
                        .append(String.format(Locale.ROOT, "%.6g", p.value())).append('\n');
            }
        });
        return csv.toString();
    }
}
