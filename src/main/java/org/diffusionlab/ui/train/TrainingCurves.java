package org.diffusionlab.ui.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.vae.ElboTerms;
import org.diffusionlab.ui.common.CurveLog;

/**
 * The numbers a training run reports, kept for its charts and its CSV: VAE ELBO terms in nats per image;
 * a diffusion model's L_simple, its −ELBO terms in bits per dimension, and the loss by bucket of t.
 * Keys are "train/…" for training batches and "heldout/…" for held-out evaluations. FX thread only.
 */
public final class TrainingCurves {
    public static final String TRAIN = "train/";
    public static final String HELD_OUT = "heldout/";
    /** Diffusion keys: L_simple, and the −ELBO and its terms in bits per dimension. */
    public static final String LOSS = "loss";
    public static final String NEG_ELBO_BPD = "neg_elbo_bpd";
    public static final List<String> ELBO_TERMS = List.of(NEG_ELBO_BPD, "recon", "prior", "denoising");

    private final CurveLog log = new CurveLog();
    private final List<double[]> lossByTime = new ArrayList<>();
    private final List<Long> lossByTimeSteps = new ArrayList<>();

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
    void recordVae(String prefix, long step, Map<String, Double> values) {
        for (String key : List.of(ElboTerms.NEG_ELBO, ElboTerms.RECON, ElboTerms.KL)) {
            Double value = values.get(key);
            if (value != null) {
                log.add(prefix + key, step, value);
            }
        }
    }

    /**
     * A diffusion step's or evaluation's L_simple, and its −ELBO terms turned from nats per sample into bits per
     * dimension (nats / (D·ln 2)).
     */
    void recordDiffusion(String prefix, long step, Map<String, Double> values, int dimensions) {
        Double loss = values.get(prefix.equals(TRAIN) ? "loss" : "heldout_loss");
        if (loss != null) {
            log.add(prefix + LOSS, step, loss);
        }
        double perDimension = 1 / (dimensions * Math.log(2));
        for (String term : ELBO_TERMS) {
            Double nats = values.get(term.equals(NEG_ELBO_BPD) ? "neg_elbo_nats" : "elbo_" + term + "_nats");
            if (nats != null) {
                log.add(prefix + term, step, nats * perDimension);
            }
        }
    }

    void recordLossByTime(long step, double[] bucketLoss) {
        lossByTime.add(bucketLoss);
        lossByTimeSteps.add(step);
    }
}
