package org.diffusionlab.core.random;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/** Standard normal noise N(0, I) from an explicit seed; never from ND4J's per-thread global generator. */
public final class Gaussian {
    private Gaussian() {
    }

    public static INDArray sample(long seed, long... shape) {
        INDArray target = Nd4j.createUninitialized(DataType.FLOAT, shape);
        fill(target, seed);
        return target;
    }

    public static void fill(INDArray target, long seed) {
        try (Random rng = Nd4j.getRandomFactory().getNewRandomInstance(seed)) {
            Nd4j.randn(target, rng);
        } catch (Exception e) {
            throw new IllegalStateException("could not close the random generator", e);
        }
    }
}
