package org.diffusionlab.core.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two terms of a VAE's −ELBO for one image, or their mean over images, in nats (summed over pixels):
 * reconstruction E_q[−log p(x|z)] and KL(q(z|x) ‖ N(0, I)); −ELBO = reconstruction + KL.
 */
public record ElboTerms(double reconstructionNats, double klNats) {
    public static final String RECON = "recon_nats";
    public static final String KL = "kl_nats";
    public static final String NEG_ELBO = "neg_elbo_nats";

    public double negElboNats() {
        return reconstructionNats + klNats;
    }

    /** The values keyed as in training events: recon_nats, kl_nats, neg_elbo_nats. */
    public Map<String, Double> asMap() {
        Map<String, Double> values = new LinkedHashMap<>();
        values.put(RECON, reconstructionNats);
        values.put(KL, klNats);
        values.put(NEG_ELBO, negElboNats());
        return values;
    }

    public static ElboTerms mean(List<ElboTerms> terms) {
        double recon = 0;
        double kl = 0;
        for (ElboTerms t : terms) {
            recon += t.reconstructionNats;
            kl += t.klNats;
        }
        return new ElboTerms(recon / terms.size(), kl / terms.size());
    }
}
