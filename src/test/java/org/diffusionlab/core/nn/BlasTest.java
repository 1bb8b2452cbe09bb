package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Direct BLAS on blocks (whole arrays and slices at an offset) against ND4J's own matrix products. */
class BlasTest {

    private static double[] values(INDArray array) {
        return array.dup().castTo(DataType.DOUBLE).data().asDouble();
    }

    private static double[] values(Block block) {
        double[] v = new double[(int) block.length()];
        block.read(v, 0, 0, v.length);
        return v;
    }

    /** A block at offset 7 of a flat array, holding the values of {@code matrix}. */
    private static Block sliceOf(INDArray matrix) {
        INDArray flat = Nd4j.create(matrix.dataType(), 7 + matrix.length() + 5);
        Block block = Block.slice(flat, 7, (int) matrix.rows(), (int) matrix.columns());
        block.write(values(matrix), 0, 0, (int) matrix.length());
        return block;
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gemmMatchesNd4jForEveryTransposition(DataType type) {
        INDArray a = Nd4j.rand(type, 5, 3).subi(0.5);
        INDArray b = Nd4j.rand(type, 3, 4).subi(0.5);
        INDArray c0 = Nd4j.rand(type, 5, 4);
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                INDArray aStored = ta ? a.transpose().dup('c') : a;
                INDArray bStored = tb ? b.transpose().dup('c') : b;
                Block c = sliceOf(c0);
                Blas.gemm(sliceOf(aStored), ta, sliceOf(bStored), tb, c, 0.5, 2.0);
                INDArray expected = a.mmul(b).muli(0.5).addi(c0.mul(2.0));
                assertArrayEquals(values(expected), values(c), tolerance, "ta=" + ta + " tb=" + tb);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = DataType.class, names = {"FLOAT", "DOUBLE"})
    void gemvAxpyAndCopyMatchPlainArithmetic(DataType type) {
        INDArray a = Nd4j.rand(type, 4, 3);
        INDArray x = Nd4j.rand(type, 3, 1);
        INDArray xt = Nd4j.rand(type, 4, 1);
        double tolerance = type == DataType.FLOAT ? 1e-5 : 1e-12;

        Block y = Block.allocate(type, 4, 1);
        Blas.gemv(sliceOf(a), false, sliceOf(x), y, 2, 0);
        assertArrayEquals(values(a.mmul(x).muli(2)), values(y), tolerance);

        Block yt = Block.allocate(type, 3, 1);
        Blas.gemv(sliceOf(a), true, sliceOf(xt), yt, 1, 0);
        assertArrayEquals(values(a.transpose().mmul(xt)), values(yt), tolerance);

        Block target = sliceOf(xt);
        Blas.axpy(-3, sliceOf(xt), target);
        assertArrayEquals(values(xt.mul(-2)), values(target), tolerance);

        Block copy = Block.allocate(type, 1, 12);
        Blas.copy(sliceOf(a), copy);
        assertArrayEquals(values(a), values(copy), 0);
    }

    @Test
    void mismatchedShapesAreRefusedBeforeNativeCode() {
        Block a = Block.allocate(DataType.FLOAT, 2, 3);
        Block b = Block.allocate(DataType.FLOAT, 2, 3);
        Block c = Block.allocate(DataType.FLOAT, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> Blas.gemm(a, false, b, false, c, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Blas.copy(a, Block.allocate(DataType.FLOAT, 1, 5)));
        assertThrows(IllegalArgumentException.class, () -> Blas.copy(a, Block.allocate(DataType.DOUBLE, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> Block.slice(Nd4j.create(DataType.FLOAT, 10), 5, 2, 3));
    }
}
