package org.diffusionlab.core.vae;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.metric.Metric;

/**
 * The two terms of a VAE's −ELBO for one image, or their mean over images, in nats (summed over pixels):
 * reconstruction E_q[−log p(x|z)] and KL(q(z|x) ‖ N(0, I)); −ELBO = reconstruction + KL.
 */
public record ElboTerms(double reconstructionNats, double klNats) {
    public double negElboNats() {
        return reconstructionNats + klNats;
    }

    /** The values as training events carry them: {@link Metric#RECON}, {@link Metric#KL}, {@link Metric#NEG_ELBO}. */
    public Map<Metric, Double> asMap() {
        Map<Metric, Double> values = new LinkedHashMap<>();
        values.put(Metric.RECON, reconstructionNats);
        values.put(Metric.KL, klNats);
        values.put(Metric.NEG_ELBO, negElboNats());
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
