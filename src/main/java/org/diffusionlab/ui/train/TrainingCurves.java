package org.diffusionlab.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.ui.common.chart.CurveLog;

/**
 * The numbers a training run reports, kept for its charts and its CSV: VAE ELBO terms in nats per image;
 * a diffusion model's L_simple, its −ELBO terms in bits per dimension, and the loss by bucket of t.
 * Series are {@link #series}: "train/" or "heldout/" and the {@link Metric}'s key. FX thread only.
 */
public final class TrainingCurves {
    public static final String TRAIN = "train/";
    public static final String HELD_OUT = "heldout/";
    private static final List<Metric> VAE_TERMS = List.of(Metric.NEG_ELBO, Metric.RECON, Metric.KL);
    private static final List<Metric> ELBO_TERMS = List.of(Metric.NEG_ELBO, Metric.ELBO_RECON, Metric.ELBO_PRIOR,
            Metric.ELBO_DENOISING);

    private final CurveLog log = new CurveLog();
    private final List<double[]> lossByTime = new ArrayList<>();
    private final List<Long> lossByTimeSteps = new ArrayList<>();

    /** The series of a metric on training batches ({@link #TRAIN}) or held-out data ({@link #HELD_OUT}). */
    public static String series(String prefix, Metric metric) {
        return prefix + metric.key();
    }

    public CurveLog log() {
        return log;
    }

    /** Columns of the loss-by-t heat map (mean loss per bucket of t) and the step of each. */
    public List<double[]> lossByTime() {
        return lossByTime;
    }

    public List<Long> lossByTimeSteps() {
        return lossByTimeSteps;
    }

    public void clear() {
        log.clear();
        lossByTime.clear();
        lossByTimeSteps.clear();
    }

    /** A VAE step's or evaluation's −ELBO, reconstruction and KL, in nats per image. */
    void recordVae(String prefix, long step, Map<Metric, Double> values) {
        for (Metric metric : VAE_TERMS) {
            add(prefix, metric, step, values.get(metric));
        }
    }

    /**
     * A diffusion step's or evaluation's L_simple, and its −ELBO terms turned from nats per sample into bits per
     * dimension.
     */
    void recordDiffusion(String prefix, long step, Map<Metric, Double> values, int dimensions) {
        add(prefix, Metric.LOSS, step, values.get(Metric.LOSS));
        for (Metric term : ELBO_TERMS) {
            Double nats = values.get(term);
            add(prefix, term.inBitsPerDimension(), step, nats == null ? null : Metric.bitsPerDimension(nats, dimensions));
        }
    }

    private void add(String prefix, Metric metric, long step, Double value) {
        if (value != null) {
            log.add(series(prefix, metric), step, value);
        }
    }

    void recordLossByTime(long step, double[] bucketLoss) {
        lossByTime.add(bucketLoss);
        lossByTimeSteps.add(step);
    }
}
