package org.diffusionlab.core.elbo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.diffusionlab.core.diffusion.DiffusionElbo;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.NoisePredictor;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A diffusion model read as a Markovian hierarchical VAE: the terms of its −ELBO (Luo eq. 58) for one image,
 * in nats — the reconstruction −log p_θ(x₀|x₁), the prior matching KL(q(x_T|x₀) ‖ N(0, I)) and each denoising
 * matching term L_t = KL(q(x_{t−1}|x_t,x₀) ‖ p_θ(x_{t−1}|x_t)) for t = 2 … T, all from {@link DiffusionElbo}
 * with the streams its {@code exact} uses, so Σ_t L_t and the total equal {@code exact}'s for the same seed.
 *
 * @param denoising L_t at index t (indices 0 and 1 are unused, NaN)
 */
public record DiffusionChainReport(double[] denoising, double reconstruction, double prior, int dimensions) {
    /** Told each L_t as soon as it is known (on the computing thread). */
    public interface StepListener {
        void step(int t, double denoisingTerm);
    }

    public int steps() {
        return denoising.length - 1;
    }

    public double denoisingSum() {
        double sum = 0;
        for (int t = 2; t < denoising.length; t++) {
            sum += denoising[t];
        }
        return sum;
    }

    /** −ELBO in nats. */
    public double total() {
        return reconstruction + prior + denoisingSum();
    }

    /** −ELBO in bits per dimension: nats / (D ln 2). */
    public double bitsPerDimension() {
        return total() / (dimensions * Math.log(2));
    }

    /**
     * Every term for one image ({@code signedImage} in [−1, 1], the model's sample shape), reporting each finished L_t
     * to {@code progress}; null if {@code cancelled} turns true between steps.
     */
    public static DiffusionChainReport compute(DiffusionModel model, float[] signedImage, long seed, StepListener progress,
            BooleanSupplier cancelled) {
        if (signedImage.length != model.dimensions()) {
            throw new IllegalArgumentException("the image has " + signedImage.length + " values, the model takes "
                    + model.dimensions());
        }
        return compute(model, model.schedule(), model.isImage(), Nd4j.create(signedImage, model.batchShape(1), 'c'), seed,
                progress, cancelled);
    }

    /** The same for any ε-predictor and one sample {@code x0} (a batch of one). */
    public static DiffusionChainReport compute(NoisePredictor model, NoiseSchedule schedule, boolean discrete, INDArray x0,
            long seed, StepListener progress, BooleanSupplier cancelled) {
        if (x0.size(0) != 1) {
            throw new IllegalArgumentException("one image at a time");
        }
        DiffusionElbo elbo = new DiffusionElbo(schedule, discrete);
        int steps = schedule.steps();
        double[] denoising = new double[steps + 1];
        denoising[0] = Double.NaN;
        denoising[1] = Double.NaN;
        for (int t = 2; t <= steps; t++) {
            if (cancelled.getAsBoolean()) {
                return null;
            }
            denoising[t] = elbo.denoisingKl(model, x0, new int[] {t}, seed, t)[0];
            progress.step(t, denoising[t]);
        }
        return new DiffusionChainReport(denoising, elbo.reconstruction(model, x0, seed)[0], elbo.priorKl(x0)[0],
                (int) x0.length());
    }

    /** The figures keyed as the {@code elbo} command prints them (nats, and bits/dim for the total). */
    public Map<String, Object> asMap() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(ElboKeys.STEPS, steps());
        values.put(ElboKeys.RECONSTRUCTION, reconstruction);
        values.put(ElboKeys.PRIOR, prior);
        values.put(ElboKeys.DENOISING, denoisingSum());
        values.put(ElboKeys.NEGATIVE_ELBO, total());
        values.put(ElboKeys.BITS_PER_DIMENSION, bitsPerDimension());
        List<Double> terms = new ArrayList<>();
        for (int t = 2; t < denoising.length; t++) {
            terms.add(denoising[t]);
        }
        values.put(ElboKeys.DENOISING_TERMS, terms);
        return values;
    }
}
