package org.diffusionlab.core.elbo;

import org.diffusionlab.core.metric.Metric;

/**
 * The JSON keys of the {@code elbo} command's line, in one place (the view and the tests read the same names); the
 * −ELBO keys are the {@link Metric}s every other command prints.
 */
public final class ElboKeys {
    public static final String MODEL = "model";
    public static final String IMAGE = "image";
    public static final String KIND = "kind";
    public static final String SECONDS = "seconds";

    // a VAE
    public static final String LATENT = "latent";
    public static final String K = "k";
    public static final String SEED = "seed";
    public static final String ELBO = "elbo_nats";
    public static final String ELBO_STANDARD_ERROR = "elbo_standard_error_nats";
    public static final String EXPECTED_LOG_LIKELIHOOD = "expected_log_likelihood_nats";
    public static final String PRIOR_KL = "prior_kl_nats";
    public static final String IWAE = "iwae_nats";
    public static final String IWAE_STANDARD_ERROR = "iwae_standard_error_nats";
    public static final String GRID_LOG_EVIDENCE = "grid_log_px_nats";
    public static final String GRID_CELLS = "grid_cells";
    public static final String GRID_ESTIMATES = "grid_refinements_log_px_nats";
    public static final String POSTERIOR_KL = "posterior_kl_nats";
    public static final String Q_COVERAGE = "q_covers_posterior_mass_4sigma";
    public static final String REVERSE_KL = "kl_posterior_to_q_nats";

    // a diffusion model
    public static final String STEPS = "T";
    public static final String DENOISING_TERMS = "L_t_nats";
    public static final String RECONSTRUCTION = "reconstruction_nats";
    public static final String PRIOR = "prior_nats";
    public static final String DENOISING = "denoising_nats";
    public static final String NEGATIVE_ELBO = Metric.NEG_ELBO.key();
    public static final String BITS_PER_DIMENSION = Metric.NEG_ELBO_BITS.key();

    private ElboKeys() {
    }
}
