package org.diffusionlab.core.nn;

import java.nio.FloatBuffer;
import java.util.stream.IntStream;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Group normalisation (Wu & He 2018) of NCHW activations, optionally followed by SiLU in the same pass: each
 * sample's channels fall into {@code groups} groups; each group is standardised over its channels and pixels,
 * x̂ = (x − mean)/√(var + 1e-5), then a = γ_c x̂ + β_c per channel, and y = a (plain) or y = a·σ(a) (with SiLU).
 * Backward: da = dy (plain) or dy·σ(a)(1 + a(1 − σ(a))); dγ_c = Σ da·x̂, dβ_c = Σ da;
 * dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂ x̂)) / √(var + 1e-5) per group, with dx̂ = γ_c da.
 * <p>One (sample, group) is one contiguous row of the NCHW array. Rows are copied to the Java heap and done in
 * parallel, one pass each way, instead of the dozen full-size ND4J ops (each allocating its output) that the
 * unfused pair cost. Backward recomputes x̂, a and σ(a) from the saved input and per-row statistics (cheaper
 * than keeping σ(a): 12.8 MB per layer at 28×28 to write and read back); mean(dx̂) = Σ_c γ_c dβ_c and
 * mean(dx̂ x̂) = Σ_c γ_c dγ_c come from the per-channel sums. Every inner loop uses one index for all its
 * arrays: C2 vectorises a loop only then (an offset into another array made the σ loop scalar, 13× slower).
 */
final class GroupNorm {
    static final double EPSILON = 1e-5;

    private final Parameter gain;
    private final Parameter shift;
    private final int groups;
    private final boolean silu;
    private INDArray input;
    private float[] means;
    private float[] inverseStds;

    private GroupNorm(ParameterSet parameters, String name, int channels, int groups, boolean silu) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        }
        this.gain = parameters.constant(name + "/gain", 1, channels);
        this.shift = parameters.constant(name + "/bias", 0, channels);
        this.groups = groups;
        this.silu = silu;
    }

    /** y = GN(x). */
    static GroupNorm plain(ParameterSet parameters, String name, int channels, int groups) {
        return new GroupNorm(parameters, name, channels, groups, false);
    }

    /** y = SiLU(GN(x)), the pair that opens every residual block and the output layer. */
    static GroupNorm withSilu(ParameterSet parameters, String name, int channels, int groups) {
        return new GroupNorm(parameters, name, channels, groups, true);
    }

    INDArray forward(INDArray x) {
        input = owned(x);
        Rows rows = new Rows(input.shape(), groups);
        means = new float[rows.count];
        inverseStds = new float[rows.count];
        float[] gamma = gain.value().toFloatVector();
        float[] beta = shift.value().toFloatVector();
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, input.shape());
        FloatBuffer in = input.data().asNioFloat();
        FloatBuffer out = y.data().asNioFloat();
        IntStream.range(0, rows.count).parallel().forEach(r -> {
            float[] v = new float[rows.length];
            in.get(r * rows.length, v);
            float mean = sum(v, 0, v.length) / v.length;
            float inverseStd = (float) (1 / Math.sqrt(centredSquares(v, mean) / v.length + EPSILON));
            means[r] = mean;
            inverseStds[r] = inverseStd;
            for (int k = 0; k < rows.channelsPerRow; k++) {
                int channel = rows.channel(r, k);
                float scale = gamma[channel] * inverseStd;
                float offset = beta[channel] - mean * scale;
                int from = k * rows.pixels;
                int to = from + rows.pixels;
                if (silu) {
                    for (int i = from; i < to; i++) {
                        float a = v[i] * scale + offset;
                        v[i] = a * sigmoid(a);
                    }
                } else {
                    for (int i = from; i < to; i++) {
                        v[i] = v[i] * scale + offset;
                    }
                }
            }
            out.put(r * rows.length, v);
        });
        return y;
    }

    INDArray backward(INDArray gradOut) {
        Rows rows = new Rows(input.shape(), groups);
        float[] gamma = gain.value().toFloatVector();
        float[] beta = shift.value().toFloatVector();
        float[][] gammaGrads = new float[rows.count][rows.channelsPerRow];
        float[][] betaGrads = new float[rows.count][rows.channelsPerRow];
        INDArray gradIn = Nd4j.createUninitialized(DataType.FLOAT, input.shape());
        FloatBuffer in = input.data().asNioFloat();
        FloatBuffer grad = owned(gradOut).data().asNioFloat();
        FloatBuffer out = gradIn.data().asNioFloat();
        IntStream.range(0, rows.count).parallel().forEach(r -> {
            float[] xHat = new float[rows.length];
            float[] da = new float[rows.length];
            in.get(r * rows.length, xHat);
            grad.get(r * rows.length, da);
            float mean = means[r];
            float inverseStd = inverseStds[r];
            double meanGrad = 0;
            double meanGradXHat = 0;
            for (int k = 0; k < rows.channelsPerRow; k++) {
                int channel = rows.channel(r, k);
                float g = gamma[channel];
                float b = beta[channel];
                int from = k * rows.pixels;
                int to = from + rows.pixels;
                for (int i = from; i < to; i++) {
                    xHat[i] = (xHat[i] - mean) * inverseStd;
                }
                if (silu) {
                    for (int i = from; i < to; i++) {
                        float a = g * xHat[i] + b;
                        float s = sigmoid(a);
                        da[i] *= s * (1 + a * (1 - s));
                    }
                }
                betaGrads[r][k] = sum(da, from, to);
                gammaGrads[r][k] = dot(da, xHat, from, to);
                meanGrad += g * (double) betaGrads[r][k];
                meanGradXHat += g * (double) gammaGrads[r][k];
            }
            float m = (float) (meanGrad / rows.length);
            float mx = (float) (meanGradXHat / rows.length);
            for (int k = 0; k < rows.channelsPerRow; k++) {
                float g = gamma[rows.channel(r, k)];
                int from = k * rows.pixels;
                for (int i = from; i < from + rows.pixels; i++) {
                    da[i] = (g * da[i] - m - xHat[i] * mx) * inverseStd;
                }
            }
            out.put(r * rows.length, da);
        });
        gain.gradient().assign(Nd4j.createFromArray(rows.perChannel(gammaGrads)));
        shift.gradient().assign(Nd4j.createFromArray(rows.perChannel(betaGrads)));
        return gradIn;
    }

    /*
     * The reductions keep eight running sums in local variables: Java adds one float sum strictly in order, one add
     * at a time, and does not vectorise it; eight independent sums keep the adders busy (0.18 ns per element
     * against 0.52 for one sum and 0.45 for eight kept in an array, one thread).
     */

    /** Σ a_i over [from, to). */
    private static float sum(float[] a, int from, int to) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        float rest = 0;
        for (; i < to; i++) {
            rest += a[i];
        }
        return rest + ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Σ a_i b_i over [from, to). */
    private static float dot(float[] a, float[] b, int from, int to) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
            s4 += a[i + 4] * b[i + 4];
            s5 += a[i + 5] * b[i + 5];
            s6 += a[i + 6] * b[i + 6];
            s7 += a[i + 7] * b[i + 7];
        }
        float rest = 0;
        for (; i < to; i++) {
            rest += a[i] * b[i];
        }
        return rest + ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /** Σ (v_i − mean)². */
    private static float centredSquares(float[] v, float mean) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        int i = 0;
        for (; i + 8 <= v.length; i += 8) {
            float d0 = v[i] - mean;
            float d1 = v[i + 1] - mean;
            float d2 = v[i + 2] - mean;
            float d3 = v[i + 3] - mean;
            float d4 = v[i + 4] - mean;
            float d5 = v[i + 5] - mean;
            float d6 = v[i + 6] - mean;
            float d7 = v[i + 7] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
            s4 += d4 * d4;
            s5 += d5 * d5;
            s6 += d6 * d6;
            s7 += d7 * d7;
        }
        float rest = 0;
        for (; i < v.length; i++) {
            rest += (v[i] - mean) * (v[i] - mean);
        }
        return rest + ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    /**
     * σ(a) = 1/(1 + e^(−a)) with e^(−a) = (e^(−a/32))^32: a degree-8 Taylor polynomial on [−1/2, 1/2] then five
     * squarings, in float arithmetic the JIT can vectorise (Math.exp cannot be). |a| is clamped at 16, where σ
     * is within 1.2e-7 of 0 or 1; absolute error ≤ 1e-6 (GroupNormTest).
     */
    static float sigmoid(float a) {
        float u = -Math.max(-16f, Math.min(a, 16f)) * (1f / 32);
        float e = 1 + u * (1 + u * (1f / 2 + u * (1f / 6 + u * (1f / 24 + u * (1f / 120
                + u * (1f / 720 + u * (1f / 5040 + u * (1f / 40320))))))));
        e *= e;
        e *= e;
        e *= e;
        e *= e;
        e *= e;
        return 1 / (1 + e);
    }

    /** An array in C order that owns its memory from offset 0, as the row copies need. */
    private static INDArray owned(INDArray x) {
        return x.isView() || x.ordering() != 'c' || x.offset() != 0 || x.dataType() != DataType.FLOAT
                ? x.castTo(DataType.FLOAT).dup('c') : x;
    }

    /** The rows of an NCHW array: row r = (sample r / groups, group r % groups), channelsPerRow × pixels long. */
    private record Rows(int count, int length, int channelsPerRow, int pixels, int channels) {
        Rows(long[] shape, int groups) {
            this((int) shape[0] * groups, (int) (shape[1] / groups * shape[2] * shape[3]), (int) shape[1] / groups,
                    (int) (shape[2] * shape[3]), (int) shape[1]);
        }

        int channel(int row, int k) {
            return row % (channels / channelsPerRow) * channelsPerRow + k;
        }

        /** Sums per-row, per-channel partial sums over the samples, in a fixed order. */
        float[] perChannel(float[][] partial) {
            double[] sums = new double[channels];
            for (int r = 0; r < count; r++) {
                for (int k = 0; k < channelsPerRow; k++) {
                    sums[channel(r, k)] += partial[r][k];
                }
            }
            float[] result = new float[channels];
            for (int c = 0; c < channels; c++) {
                result[c] = (float) sums[c];
            }
            return result;
        }
    }
}
