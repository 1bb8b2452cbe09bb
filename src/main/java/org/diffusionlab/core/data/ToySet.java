package org.diffusionlab.core.data;

import java.util.Locale;
import java.util.SplittableRandom;

import org.diffusionlab.core.BadInputException;

/**
 * Seeded 2-D point sets for diffusion demos, each scaled to roughly unit spread around the origin so the
 * prior N(0, I) and the data live on the same scale. Points come as x₀, y₀, x₁, y₁, ...
 */
public enum ToySet {
    /** A spiral r = θ for θ in [1.5π, 4.5π], with Gaussian jitter. */
    SWISS_ROLL("swiss-roll") {
        @Override
        void point(SplittableRandom random, float[] into, int offset) {
            double theta = 1.5 * Math.PI * (1 + 2 * random.nextDouble());
            into[offset] = (float) ((theta * Math.cos(theta) + 0.25 * normal(random)) / 7.5);
            into[offset + 1] = (float) ((theta * Math.sin(theta) + 0.25 * normal(random)) / 7.5);
        }
    },
    /** Two interleaving half circles (as scikit-learn's make_moons), with Gaussian jitter. */
    TWO_MOONS("two-moons") {
        @Override
        void point(SplittableRandom random, float[] into, int offset) {
            double angle = Math.PI * random.nextDouble();
            boolean upper = random.nextBoolean();
            double x = upper ? Math.cos(angle) : 1 - Math.cos(angle);
            double y = upper ? Math.sin(angle) : 0.5 - Math.sin(angle);
            into[offset] = (float) ((x - 0.5 + 0.05 * normal(random)) * 1.2);
            into[offset + 1] = (float) ((y - 0.25 + 0.05 * normal(random)) * 1.8);
        }
    },
    /** Eight tight Gaussians (σ = 0.07) evenly spaced on a circle of radius √2. */
    EIGHT_GAUSSIANS("8-gaussians") {
        @Override
        void point(SplittableRandom random, float[] into, int offset) {
            double angle = 2 * Math.PI * random.nextInt(8) / 8;
            into[offset] = (float) (Math.sqrt(2) * Math.cos(angle) + 0.07 * normal(random));
            into[offset + 1] = (float) (Math.sqrt(2) * Math.sin(angle) + 0.07 * normal(random));
        }
    },
    /** Uniform points on the dark squares of a 4×4 checkerboard over [−2, 2]². */
    CHECKERBOARD("checkerboard") {
        @Override
        void point(SplittableRandom random, float[] into, int offset) {
            double x = 4 * random.nextDouble() - 2;
            double column = Math.floor(x);
            double row = 2 * random.nextInt(2) - 2 + random.nextDouble();
            double y = row + (((int) column % 2 + 2) % 2);
            into[offset] = (float) (x / 1.15);
            into[offset + 1] = (float) (y / 1.15);
        }
    };

    private final String id;

    ToySet(String id) {
        this.id = id;
    }

    /** The name used on the command line and in model files, e.g. "swiss-roll". */
    public String id() {
        return id;
    }

    /** {@code count} points from the seed, as x₀, y₀, x₁, y₁, ... */
    public float[] sample(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] points = new float[2 * count];
        for (int i = 0; i < count; i++) {
            point(random, points, 2 * i);
        }
        return points;
    }

    abstract void point(SplittableRandom random, float[] into, int offset);

    private static double normal(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    public static ToySet byId(String id) throws BadInputException {
        for (ToySet set : values()) {
            if (set.id.equals(id.toLowerCase(Locale.ROOT))) {
                return set;
            }
        }
        throw new BadInputException("unknown 2-D data set '" + id + "'; known: swiss-roll, two-moons, 8-gaussians, checkerboard");
    }
}
