package org.diffusionlab.core.metric;

/**
 * Every number a run or an evaluation reports, with the one spelling its key has everywhere: training events,
 * the Train view's curves and CSV ({@code train/<key>}, {@code heldout/<key>}), model manifests and the JSON the
 * {@code train-*} and {@code eval-*} commands print ({@link #heldOutKey()} for a held-out figure). Plain Java: views
 * may use it.
 */
public enum Metric {
    /** What a session minimises: a VAE's recon + β·KL in nats per image, a diffusion model's L_simple per dimension. */
    LOSS("loss", Unit.NONE, Per.BATCH),
    LEARNING_RATE("learning_rate", Unit.NONE, Per.BATCH),
    GRADIENT_NORM("gradient_norm", Unit.NONE, Per.BATCH),
    THREADS("threads", Unit.COUNT, Per.BATCH),
    /** A VAE's reconstruction term E_q[−log p(x|z)]. */
    RECON("recon_nats", Unit.NATS, Per.IMAGE),
    /** A VAE's KL(q(z|x) ‖ N(0, I)). */
    KL("kl_nats", Unit.NATS, Per.IMAGE),
    /** −ELBO: a VAE's recon + KL, a diffusion model's three terms summed. */
    NEG_ELBO("neg_elbo_nats", Unit.NATS, Per.IMAGE),
    NEG_ELBO_BITS("neg_elbo_bits_per_dim", Unit.BITS, Per.DIMENSION),
    /** A diffusion model's −E log p(x₀|x₁). */
    ELBO_RECON("elbo_recon_nats", Unit.NATS, Per.IMAGE),
    ELBO_RECON_BITS("elbo_recon_bits_per_dim", Unit.BITS, Per.DIMENSION),
    /** A diffusion model's KL(q(x_T|x₀) ‖ N(0, I)). */
    ELBO_PRIOR("elbo_prior_nats", Unit.NATS, Per.IMAGE),
    ELBO_PRIOR_BITS("elbo_prior_bits_per_dim", Unit.BITS, Per.DIMENSION),
    /** A diffusion model's Σ_{t=2..T} KL(q(x_{t−1}|x_t, x₀) ‖ p(x_{t−1}|x_t)). */
    ELBO_DENOISING("elbo_denoising_nats", Unit.NATS, Per.IMAGE),
    ELBO_DENOISING_BITS("elbo_denoising_bits_per_dim", Unit.BITS, Per.DIMENSION),
    /** The digit classifier's share of held-out digits it names right. */
    ACCURACY("accuracy", Unit.FRACTION, Per.IMAGE),
    /** Share of generated digits the classifier names with confidence (and the same for real held-out digits). */
    SAMPLE_CONFIDENT_FRACTION("sample_confident_fraction", Unit.FRACTION, Per.IMAGE),
    HELDOUT_CONFIDENT_FRACTION("heldout_confident_fraction", Unit.FRACTION, Per.IMAGE),
    CLASS_SHARE_MIN("class_share_min", Unit.FRACTION, Per.IMAGE),
    CLASS_SHARE_MAX("class_share_max", Unit.FRACTION, Per.IMAGE),
    /** Fréchet distance between the classifier's features of samples and of held-out digits, and its floor. */
    FRECHET_DISTANCE("feature_frechet_distance", Unit.NONE, Per.IMAGE),
    FRECHET_DISTANCE_FLOOR("feature_frechet_distance_floor", Unit.NONE, Per.IMAGE);

    public enum Unit { NONE, COUNT, NATS, BITS, FRACTION }

    /** What one value covers: one image (or 2-D sample), one dimension of it, or one training batch. */
    public enum Per { IMAGE, DIMENSION, BATCH }

    private static final String HELD_OUT = "heldout_";

    private final String key;
    private final Unit unit;
    private final Per per;

    Metric(String key, Unit unit, Per per) {
        this.key = key;
        this.unit = unit;
        this.per = per;
    }

    /** The one spelling of this metric's name. */
    public String key() { return key; }
    public Unit unit() { return unit; }
    public Per per() { return per; }

    /** The key of this figure measured on held-out data, as JSON lines and manifests write it: "heldout_" + key. */
    public String heldOutKey() {
        return key.startsWith(HELD_OUT) ? key : HELD_OUT + key;
    }

    /** The same term in bits per dimension, for a −ELBO term in nats per image; null for any other metric. */
    public Metric inBitsPerDimension() {
        return switch (this) {
            case NEG_ELBO -> NEG_ELBO_BITS;
            case ELBO_RECON -> ELBO_RECON_BITS;
            case ELBO_PRIOR -> ELBO_PRIOR_BITS;
            case ELBO_DENOISING -> ELBO_DENOISING_BITS;
            default -> null;
        };
    }

    /** Nats per image of {@code dimensions} numbers as bits per dimension: nats / (D · ln 2). */
    public static double bitsPerDimension(double nats, int dimensions) {
        return nats / (dimensions * Math.log(2));
    }
}
