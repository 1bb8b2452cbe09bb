package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A k×k convolution with "same" padding over NCHW activations, on libnd4j's conv2d / conv2d_bp (oneDNN).
 * Weights are [k, k, in, out] (libnd4j's default layout; its backprop ignores the other layouts in
 * 1.0.0-M2.1). With stride 2 the side halves, rounding up (28 → 14 → 7).
 * <p>A 1×1 convolution is a matrix product per sample, y_n = Wᵀ x_n + b with x_n = [in, H·W], and runs as
 * sgemm on each sample's rows: conv2d_bp took 7–10× its forward time for these (2× is the arithmetic).
 */
final class Conv2d {
    private final Parameter weight;
    private final Parameter bias;
    private final int kernel;
    private final int stride;
    private final int out;
    private INDArray input;

    Conv2d(ParameterSet parameters, String name, int in, int out, int kernel, int stride) {
        this(parameters, name, in, out, kernel, stride, 1 / Math.sqrt((double) in * kernel * kernel));
    }

    Conv2d(ParameterSet parameters, String name, int in, int out, int kernel, int stride, double bound) {
        this.weight = parameters.uniform(name + "/W", bound, kernel, kernel, in, out);
        this.bias = parameters.uniform(name + "/b", bound, out);
        this.kernel = kernel;
        this.stride = stride;
        this.out = out;
    }

    INDArray forward(INDArray x) {
        input = x;
        if (pointwise()) {
            return Pointwise.forward(x, weight.value(), bias.value());
        }
        long side = (x.size(2) + stride - 1) / stride;
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), out, side, side);
        Nd4j.exec(op("conv2d").addInputs(x, weight.value(), bias.value()).addOutputs(y).build());
        return y;
    }

    /** Writes dL/dW and dL/db into the parameters' gradients and returns dL/dx. */
    INDArray backward(INDArray gradOut) {
        if (pointwise()) {
            return Pointwise.backward(input, gradOut, weight, bias);
        }
        INDArray gradIn = Nd4j.createUninitialized(DataType.FLOAT, input.shape());
        Nd4j.exec(op("conv2d_bp").addInputs(input, weight.value(), bias.value(), gradOut)
                .addOutputs(gradIn, weight.gradient(), bias.gradient()).build());
        return gradIn;
    }

    private boolean pointwise() {
        return kernel == 1 && stride == 1;
    }

    private DynamicCustomOp.DynamicCustomOpsBuilder op(String name) {
        // kH, kW, sH, sW, pH, pW, dH, dW, same-padding, NCHW, weights [kH, kW, iC, oC]
        return DynamicCustomOp.builder(name).addIntegerArguments(kernel, kernel, stride, stride, 0, 0, 1, 1, 1, 0, 0);
    }
}
