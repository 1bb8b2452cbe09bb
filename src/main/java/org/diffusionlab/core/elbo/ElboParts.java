package org.diffusionlab.core.elbo;

/**
 * Every term of the evidence decomposition for one x and one q(z|x), in nats:
 * log p(x) = ELBO + KL(q(z|x) ‖ p(z|x)) (Luo eqs. 9–15) and ELBO = E_q[log p(x|z)] − KL(q(z|x) ‖ p(z)) (eqs. 16–18).
 * {@code elbo} is computed from the split, {@code posteriorKl} from the two Gaussians, {@code logEvidence} from
 * p(x): three independent routes, so the identity is a check, not a definition.
 */
public record ElboParts(double logEvidence, double elbo, double posteriorKl, double expectedLogLikelihood,
        double priorKl) {
}
