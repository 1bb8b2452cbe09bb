package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The 1×1 convolution of {@link Conv2d} as matrix products on each sample's [channels, H·W] rows, with the
 * weights W = [in, out]: y_n = Wᵀ x_n + b; dx_n = W dy_n; dW = Σ_n x_n dy_nᵀ; db = Σ_{n, pixels} dy.
 */
final class Pointwise {
    private Pointwise() {
    }

    static INDArray forward(INDArray x, INDArray weight, INDArray bias) {
        INDArray input = owned(x);
        int in = (int) x.size(1);
        int out = (int) bias.length();
        int pixels = (int) (x.size(2) * x.size(3));
        Block w = Block.slice(weight.reshape(in, out).dup('c'), 0, in, out);
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), out, x.size(2), x.size(3));
        for (int n = 0; n < x.size(0); n++) {
            Blas.gemm(w, true, sample(input, n, in, pixels), false, sample(y, n, out, pixels), 1, 0);
        }
        Nd4j.exec(new BroadcastAddOp(y, bias, y, 1));
        return y;
    }

    /** Writes dL/dW and dL/db into the parameters' gradients and returns dL/dx. */
    static INDArray backward(INDArray x, INDArray gradOut, Parameter weight, Parameter bias) {
        INDArray input = owned(x);
        INDArray grad = owned(gradOut);
        int in = (int) x.size(1);
        int out = (int) bias.length();
        int pixels = (int) (x.size(2) * x.size(3));
        Block w = Block.slice(weight.value().reshape(in, out).dup('c'), 0, in, out);
        Block gradW = Block.allocate(DataType.FLOAT, in, out);
        INDArray gradIn = Nd4j.createUninitialized(DataType.FLOAT, x.shape());
        for (int n = 0; n < x.size(0); n++) {
            Block dy = sample(grad, n, out, pixels);
            Blas.gemm(w, false, dy, false, sample(gradIn, n, in, pixels), 1, 0);
            Blas.gemm(sample(input, n, in, pixels), false, dy, true, gradW, 1, n == 0 ? 0 : 1);
        }
        weight.gradient().assign(gradW.array().reshape(weight.gradient().shape()));
        bias.gradient().assign(grad.sum(0, 2, 3));
        return gradIn;
    }

    private static Block sample(INDArray x, int n, int channels, int pixels) {
        return Block.slice(x, (long) n * channels * pixels, channels, pixels);
    }

    private static INDArray owned(INDArray x) {
        return x.isView() || x.ordering() != 'c' ? x.dup('c') : x;
    }
}
