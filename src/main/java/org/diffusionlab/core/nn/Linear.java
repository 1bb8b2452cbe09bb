package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** y = x·W + b for x of shape [batch, in]. */
final class Linear {
    private final Parameter weight;
    private final Parameter bias;
    private INDArray input;

    Linear(ParameterSet parameters, String name, int in, int out) {
        this(parameters, name, in, out, 1 / Math.sqrt(in));
    }

    Linear(ParameterSet parameters, String name, int in, int out, double bound) {
        this.weight = parameters.uniform(name + "/W", bound, in, out);
        this.bias = parameters.uniform(name + "/b", bound, out);
    }

    INDArray forward(INDArray x) {
        input = x;
        return x.mmul(weight.value()).addiRowVector(bias.value());
    }

    INDArray backward(INDArray gradOut) {
        Nd4j.gemm(input, gradOut, weight.gradient(), true, false, 1.0, 0.0);
        bias.gradient().assign(gradOut.sum(0));
        return gradOut.mmul(weight.value().transpose());
    }
}
