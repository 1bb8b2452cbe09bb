package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.diffusionlab.core.random.Gaussian;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class GroupNormTest {
    @Test
    void eachGroupIsStandardisedThenScaledAndShiftedPerChannel() {
        ParameterSet parameters = new ParameterSet(1);
        GroupNorm norm = GroupNorm.plain(parameters, "gn", 6, 3);
        parameters.seal();
        parameters.all().get(0).value().assign(org.nd4j.linalg.factory.Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}));
        parameters.all().get(1).value().assign(org.nd4j.linalg.factory.Nd4j.create(new float[] {0, 0, 0, 0, 0, 10}));
        INDArray x = Gaussian.sample(4, 2, 6, 3, 3).muli(5).addi(7);
        double[][][][] in = to4d(x);
        double[][][][] out = to4d(norm.forward(x));
        for (int b = 0; b < 2; b++) {
            for (int g = 0; g < 3; g++) {
                double mean = 0;
                double squares = 0;
                for (int c = 2 * g; c < 2 * g + 2; c++) {
                    for (double[] row : in[b][c]) {
                        for (double v : row) {
                            mean += v;
                            squares += v * v;
                        }
                    }
                }
                mean /= 18;
                double std = Math.sqrt(squares / 18 - mean * mean + GroupNorm.EPSILON);
                for (int c = 2 * g; c < 2 * g + 2; c++) {
                    for (int i = 0; i < 3; i++) {
                        for (int j = 0; j < 3; j++) {
                            double expected = (c + 1) * (in[b][c][i][j] - mean) / std + (c == 5 ? 10 : 0);
                            assertEquals(expected, out[b][c][i][j], 1e-3, "b " + b + " c " + c);
                        }
                    }
                }
            }
        }
    }

    /**
     * The one-pass forward and backward (plain, and fused with SiLU) against SameDiff's autodiff of the unfused
     * ops in double precision: the output, dL/dx, dL/dγ and dL/dβ for L = Σ w·y with random w, γ and β.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void outputAndEveryGradientMatchAutodiffOfTheUnfusedOps(boolean silu) {
        int batch = 3;
        int channels = 8;
        int groups = 4;
        int side = 5;
        ParameterSet parameters = new ParameterSet(1);
        GroupNorm norm = silu ? GroupNorm.withSilu(parameters, "gn", channels, groups)
                : GroupNorm.plain(parameters, "gn", channels, groups);
        parameters.seal();
        Parameter gain = parameters.all().get(0);
        Parameter shift = parameters.all().get(1);
        gain.value().assign(Gaussian.sample(11, channels).muli(0.8).addi(1));
        shift.value().assign(Gaussian.sample(12, channels).muli(0.5));
        INDArray x = Gaussian.sample(13, batch, channels, side, side).muli(3).addi(2);
        INDArray w = Gaussian.sample(14, batch, channels, side, side);
        INDArray y = norm.forward(x);
        INDArray gradX = norm.backward(w);

        SameDiff sd = SameDiff.create();
        SDVariable vx = sd.var("x", x.castTo(DataType.DOUBLE));
        SDVariable vGain = sd.var("gain", gain.value().castTo(DataType.DOUBLE).reshape(1, channels, 1, 1));
        SDVariable vShift = sd.var("shift", shift.value().castTo(DataType.DOUBLE).reshape(1, channels, 1, 1));
        SDVariable grouped = vx.reshape(batch, groups, channels / groups * side * side);
        SDVariable centred = grouped.sub(grouped.mean(true, 2));
        SDVariable variance = centred.mul(centred).mean(true, 2);
        SDVariable normalised = centred.div(sd.math.sqrt(variance.add(GroupNorm.EPSILON)))
                .reshape(batch, channels, side, side);
        SDVariable a = normalised.mul(vGain).add(vShift);
        SDVariable out = silu ? a.mul(sd.nn.sigmoid(a)) : a;
        out.mul(sd.constant(w.castTo(DataType.DOUBLE))).sum().markAsLoss();
        INDArray expectedY = out.eval();
        Map<String, INDArray> grads = sd.calculateGradients(null, "x", "gain", "shift");

        assertClose(expectedY, y, 2e-5, "y");
        assertClose(grads.get("x"), gradX, 2e-5, "dL/dx");
        assertClose(grads.get("gain").reshape(channels), gain.gradient(), 2e-5, "dL/dγ");
        assertClose(grads.get("shift").reshape(channels), shift.gradient(), 2e-5, "dL/dβ");
    }

    @Test
    void theVectorisableSigmoidIsWithinOneMillionthOfTheExactOne() {
        double worst = 0;
        for (int i = -400_000; i <= 400_000; i++) {
            float a = i * 1e-4f;
            worst = Math.max(worst, Math.abs(GroupNorm.sigmoid(a) - 1 / (1 + Math.exp(-(double) a))));
        }
        assertTrue(worst <= 1e-6, "worst error " + worst);
        assertEquals(0, GroupNorm.sigmoid(-1e30f), 2e-7);
        assertEquals(1, GroupNorm.sigmoid(1e30f), 2e-7);
    }

    private static void assertClose(INDArray expected, INDArray actual, double relative, String what) {
        double[] e = expected.castTo(DataType.DOUBLE).data().asDouble();
        double[] got = actual.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        assertEquals(e.length, got.length, what + " length");
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], got[i], relative * scale + 1e-6, what + " at " + i);
        }
    }

    private static double[][][][] to4d(INDArray x) {
        double[] flat = x.castTo(DataType.DOUBLE).data().asDouble();
        double[][][][] a = new double[(int) x.size(0)][(int) x.size(1)][(int) x.size(2)][(int) x.size(3)];
        int k = 0;
        for (double[][][] b : a) {
            for (double[][] c : b) {
                for (double[] row : c) {
                    for (int j = 0; j < row.length; j++) {
                        row[j] = flat[k++];
                    }
                }
            }
        }
        return a;
    }
}
