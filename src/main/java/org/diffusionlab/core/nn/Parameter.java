package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One trainable array and the gradient of the loss with respect to it: views into the flat arrays of its
 * {@link ParameterSet}, outside any workspace. A backward pass writes the gradient in place (each parameter
 * is used once per forward pass).
 */
public final class Parameter {
    private final String name;
    private final long[] shape;
    private INDArray value;
    private INDArray gradient;

    Parameter(String name, long[] shape) {
        this.name = name;
        this.shape = shape.clone();
    }

    void bind(INDArray value, INDArray gradient) {
        this.value = value;
        this.gradient = gradient;
    }

    public String name() {
        return name;
    }

    public INDArray value() {
        return value;
    }

    public INDArray gradient() {
        return gradient;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long length() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
