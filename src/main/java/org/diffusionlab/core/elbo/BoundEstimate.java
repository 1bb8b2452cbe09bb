package org.diffusionlab.core.elbo;

/** A Monte-Carlo estimate and its standard error, in nats. */
public record BoundEstimate(double value, double standardError) {
}
