package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The sinusoidal time embedding of Vaswani et al. (2017) as used by Ho et al. (2020): for k = 0..d/2−1,
 * e_k = sin(t·ω_k) and e_{d/2+k} = cos(t·ω_k), with ω_k = 10000^(−k/(d/2 − 1)).
 */
public final class TimeEmbedding {
    private TimeEmbedding() {
    }

    public static float[] of(int t, int dimensions) {
        int half = dimensions / 2;
        float[] e = new float[dimensions];
        for (int k = 0; k < half; k++) {
            double frequency = Math.exp(-Math.log(10000) * k / Math.max(1, half - 1));
            e[k] = (float) Math.sin(t * frequency);
            e[half + k] = (float) Math.cos(t * frequency);
        }
        return e;
    }

    /** One row per time step: [t.length, dimensions]. */
    public static INDArray of(int[] t, int dimensions) {
        float[] rows = new float[t.length * dimensions];
        for (int i = 0; i < t.length; i++) {
            System.arraycopy(of(t[i], dimensions), 0, rows, i * dimensions, dimensions);
        }
        return Nd4j.create(rows, new long[] {t.length, dimensions}, 'c');
    }
}
