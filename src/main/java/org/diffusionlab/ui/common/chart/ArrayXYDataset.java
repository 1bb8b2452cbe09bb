package org.diffusionlab.ui.common.chart;

import java.util.List;

import org.jfree.data.xy.AbstractXYDataset;

/**
 * Series that share one x array, replaced whole with {@link #set}: one change event per update instead of
 * one per point, so a chart that changes every frame redraws once. Touch only on the FX thread.
 */
public final class ArrayXYDataset extends AbstractXYDataset {
    private final List<String> keys;
    private double[] x = new double[0];
    private double[][] y;

    public ArrayXYDataset(String... keys) {
        this.keys = List.of(keys);
        this.y = new double[keys.length][0];
    }

    /** Replaces every series; {@code ys[k]} must have the length of {@code xs}. */
    public void set(double[] xs, double[]... ys) {
        if (ys.length != keys.size()) {
            throw new IllegalArgumentException("expected " + keys.size() + " series, got " + ys.length);
        }
        this.x = xs;
        this.y = ys;
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int series) {
        return keys.get(series);
    }

    @Override
    public int getItemCount(int series) {
        return Math.min(x.length, y[series].length);
    }

    @Override
    public Number getX(int series, int item) {
        return x[item];
    }

    @Override
    public double getXValue(int series, int item) {
        return x[item];
    }

    @Override
    public Number getY(int series, int item) {
        return y[series][item];
    }

    @Override
    public double getYValue(int series, int item) {
        return y[series][item];
    }
}
