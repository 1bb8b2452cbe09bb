package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diffusionlab.core.random.Gaussian;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class GroupNormTest {
    @Test
    void eachGroupIsStandardisedThenScaledAndShiftedPerChannel() {
        ParameterSet parameters = new ParameterSet(1);
        GroupNorm norm = new GroupNorm(parameters, "gn", 6, 3);
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
