package org.diffusionlab.core.nn;

/**
 * A fully connected layer y = x·W + b on a batch of rows x, with W of shape [inputs, outputs] and b of
 * shape [outputs] (the layout the model files store). The weight and bias are blocks inside a flat buffer.
 */
public record Dense(String name, Block weight, Block bias) {
    public Dense {
        if (bias.rows() != 1 || bias.cols() != weight.cols()) {
            throw new IllegalArgumentException(name + ": bias must be [1, " + weight.cols() + "]");
        }
    }

    public int inputs() {
        return weight.rows();
    }

    public int outputs() {
        return weight.cols();
    }

    /** output = 1·bᵀ + input·W; {@code ones} is a [rows, 1] column of ones. */
    public void forward(Block input, Block output, Block ones) {
        Blas.gemm(ones, false, bias, false, output, 1, 0);
        Blas.gemm(input, false, weight, false, output, 1, 1);
    }

    /**
     * Back-propagates {@code outputGradient} (∂loss/∂output, one row per example): writes
     * ∂W = scale·inputᵀ·outputGradient and ∂b = scale·outputGradientᵀ·1 into {@code gradient}, and, if
     * {@code inputGradient} is not null, ∂input = outputGradient·Wᵀ + inputGradientBeta·inputGradient.
     */
    public void backward(Block input, Block outputGradient, Dense gradient, Block inputGradient, double inputGradientBeta,
            Block ones, double scale) {
        Blas.gemm(input, true, outputGradient, false, gradient.weight, scale, 0);
        Blas.gemv(outputGradient, true, ones, gradient.bias, scale, 0);
        if (inputGradient != null) {
            Blas.gemm(outputGradient, false, weight, true, inputGradient, 1, inputGradientBeta);
        }
    }
}
