package org.diffusionlab.core.diffusion;

import java.util.TreeMap;

import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.random.Gaussian;
import org.diffusionlab.core.random.Seeds;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One picture's forward chain x₀ → x_T from one seed, either jumping with q(x_t | x₀) (one ε for every t)
 * or iterating q(x_t | x_{t−1}) (fresh noise z_s for every step s, derived from the seed). Iterated states are
 * checkpointed, so scrubbing to any t replays at most {@value #CHECKPOINT_EVERY} steps.
 * Not thread-safe: one worker thread owns it.
 */
public final class NoisingChain {
    public enum Mode { JUMP, ITERATE }

    /** The state at step t: x_t and the noise that explains it, ε = (x_t − √ᾱ_t x₀)/√(1−ᾱ_t), both planar. */
    public record Frame(int t, float[] xt, float[] noise) {
    }

    static final int CHECKPOINT_EVERY = 25;

    private final Picture picture;
    private final ForwardProcess process;
    private final long seed;
    private final Mode mode;
    private final INDArray x0;
    private final INDArray jumpNoise;
    private final TreeMap<Integer, INDArray> checkpoints = new TreeMap<>();

    public NoisingChain(Picture picture, NoiseSchedule schedule, long seed, Mode mode) {
        this.picture = picture;
        this.process = new ForwardProcess(schedule);
        this.seed = seed;
        this.mode = mode;
        this.x0 = Nd4j.create(picture.signedValues(), picture.shape());
        this.jumpNoise = mode == Mode.JUMP ? Gaussian.sample(seed, picture.shape()) : null;
        checkpoints.put(0, x0);
    }

    public Picture picture() {
        return picture;
    }

    public NoiseSchedule schedule() {
        return process.schedule();
    }

    public Mode mode() {
        return mode;
    }

    public long seed() {
        return seed;
    }

    public Frame frame(int t) {
        if (t < 0 || t > schedule().steps()) {
            throw new IllegalArgumentException("t must lie in 0.." + schedule().steps() + ", got " + t);
        }
        INDArray xt;
        INDArray noise;
        if (mode == Mode.JUMP) {
            xt = process.sampleXt(x0, t, jumpNoise);
            noise = jumpNoise;
        } else {
            xt = iterateTo(t);
            noise = process.impliedNoise(x0, xt, t);
        }
        return new Frame(t, xt.data().asFloat(), noise.data().asFloat());
    }

    private INDArray iterateTo(int t) {
        var start = checkpoints.floorEntry(t);
        INDArray x = start.getValue();
        for (int s = start.getKey() + 1; s <= t; s++) {
            x = process.step(x, s, stepNoise(s));
            if (s % CHECKPOINT_EVERY == 0) {
                checkpoints.put(s, x);
            }
        }
        return x;
    }

    /** z_s, the fresh noise of step s in the iterated chain. */
    INDArray stepNoise(int s) {
        return Gaussian.sample(Seeds.derive(seed, s), picture.shape());
    }

    /** KL(q(x_T | x₀) ‖ N(0, I)) in nats for this picture. */
    public double priorKl() {
        return process.priorKl(x0);
    }
}
