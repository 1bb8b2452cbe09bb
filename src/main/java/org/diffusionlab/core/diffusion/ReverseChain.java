package org.diffusionlab.core.diffusion;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Reverse denoising of a batch, one step per {@link #next()}: start from x_T ~ N(0, I) or from data noised to
 * step t with q(x_t | x₀), then apply a {@link Sampler} until t = 0. Every random draw derives from one seed
 * (the start noise from stream 0, the noise of step k from stream k), so the same seed replays exactly, and a
 * DDPM and a DDIM chain from one seed start from the same x_T.
 * <p>Pull-based: the caller (a worker thread, never the FX thread) asks for one step at a time and may stop
 * at any step; nothing runs in between. Not thread-safe.
 */
public final class ReverseChain implements Iterator<ReverseFrame> {
    private final NoisePredictor model;
    private final NoiseSchedule schedule;
    private final Sampler sampler;
    private final long[] shape;
    private final int samples;
    private final int dimensions;
    private final long seed;
    private final boolean clipX0;
    private final int[] timesteps;
    private INDArray x;
    private int taken;

    private ReverseChain(DiffusionModel model, Sampler sampler, INDArray start, int startT, long seed, boolean clipX0) {
        this(model, model.schedule(), sampler, start, startT, seed, clipX0);
        model.applyThreadProfile();
    }

    ReverseChain(NoisePredictor model, NoiseSchedule schedule, Sampler sampler, INDArray start, int startT, long seed,
                 boolean clipX0) {
        this.model = model;
        this.schedule = schedule;
        this.sampler = sampler;
        this.shape = start.shape();
        this.samples = (int) shape[0];
        this.dimensions = (int) (start.length() / samples);
        this.seed = seed;
        this.clipX0 = clipX0;
        this.timesteps = sampler.timesteps(startT);
        this.x = start;
    }

    /** {@code samples} samples from pure noise x_T ~ N(0, I). Clips x̂₀ to [−1, 1] for image models. */
    public static ReverseChain fromNoise(DiffusionModel model, Sampler sampler, int samples, long seed) {
        checkCount(samples);
        INDArray start = Gaussian.sample(Seeds.derive(seed, 0), model.batchShape(samples));
        return new ReverseChain(model, sampler, start, model.schedule().steps(), seed, model.isImage());
    }

    /**
     * Starts from data noised to step {@code startT}: x_t = √ᾱ_t x₀ + √(1−ᾱ_t) ε, with ε the same start noise
     * {@link #fromNoise} would use. {@code x0} holds {@code samples} samples one after another, in model space.
     */
    public static ReverseChain fromData(DiffusionModel model, Sampler sampler, float[] x0, int samples, int startT,
                                        long seed) {
        checkCount(samples);
        if (x0.length != samples * model.dimensions()) {
            throw new IllegalArgumentException("expected " + samples + " samples of " + model.dimensions()
                    + " numbers, got " + x0.length + " numbers");
        }
        if (startT < 1 || startT > model.schedule().steps()) {
            throw new IllegalArgumentException("the start step must be from 1 to " + model.schedule().steps() + ", not " + startT);
        }
        INDArray eps = Gaussian.sample(Seeds.derive(seed, 0), model.batchShape(samples));
        INDArray start = new ForwardProcess(model.schedule()).sampleXt(Nd4j.create(x0, model.batchShape(samples), 'c'), startT, eps);
        return new ReverseChain(model, sampler, start, startT, seed, model.isImage());
    }

    private static void checkCount(int samples) {
        if (samples < 1 || samples > 100_000) {
            throw new IllegalArgumentException("the number of samples must be from 1 to 100000, not " + samples);
        }
    }

    /** Steps in the whole chain. */
    public int steps() {
        return timesteps.length;
    }

    /** Steps done so far. */
    public int taken() {
        return taken;
    }

    /** The time step of the current state (0 when finished). */
    public int currentT() {
        return taken < timesteps.length ? timesteps[taken] : 0;
    }

    /** The current state (x_T at the start, the samples at the end), as plain numbers. */
    public float[] current() {
        return x.dup('c').data().asFloat();
    }

    public int samples() {
        return samples;
    }

    public int dimensions() {
        return dimensions;
    }

    public Sampler sampler() {
        return sampler;
    }

    @Override
    public boolean hasNext() {
        return taken < timesteps.length;
    }

    /** Takes one step and reports it. */
    @Override
    public ReverseFrame next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the chain has reached t = 0");
        }
        int t = timesteps[taken];
        int tNext = taken + 1 < timesteps.length ? timesteps[taken + 1] : 0;
        INDArray xt = x;
        INDArray[] prediction = predict(xt, t);
        INDArray next = advance(xt, t, tNext, prediction[0], prediction[1]);
        taken++;
        return new ReverseFrame(taken, timesteps.length, t, tNext, samples, dimensions, floats(xt), floats(prediction[0]),
                floats(prediction[1]), floats(next), sampler.sigma(schedule, t, tNext));
    }

    /** Runs every remaining step without copying frames out; returns the finished samples. */
    public INDArray finish() {
        while (hasNext()) {
            int t = timesteps[taken];
            int tNext = taken + 1 < timesteps.length ? timesteps[taken + 1] : 0;
            INDArray[] prediction = predict(x, t);
            advance(x, t, tNext, prediction[0], prediction[1]);
            taken++;
        }
        return x;
    }

    /** ε̂ and x̂₀ = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t, clipped to [−1, 1] when clipping is on. */
    private INDArray[] predict(INDArray xt, int t) {
        int[] steps = new int[samples];
        Arrays.fill(steps, t);
        INDArray epsHat = model.predictNoise(xt, steps);
        INDArray x0Hat = xt.sub(epsHat.mul(schedule.sqrtOneMinusAlphaBar(t))).divi(schedule.sqrtAlphaBar(t));
        if (clipX0) {
            x0Hat = Transforms.min(Transforms.max(x0Hat, -1.0, false), 1.0, false);
        }
        return new INDArray[] {epsHat, x0Hat};
    }

    private INDArray advance(INDArray xt, int t, int tNext, INDArray epsHat, INDArray x0Hat) {
        INDArray z = sampler.sigma(schedule, t, tNext) > 0 ? Gaussian.sample(Seeds.derive(seed, taken + 1L), shape) : null;
        x = sampler.step(schedule, xt, t, tNext, epsHat, x0Hat, z);
        return x;
    }

    private static float[] floats(INDArray array) {
        return array.dup('c').data().asFloat();
    }
}
