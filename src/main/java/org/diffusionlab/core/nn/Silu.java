package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Swish;
import org.nd4j.linalg.api.ops.impl.transforms.strict.SwishDerivative;
import org.nd4j.linalg.factory.Nd4j;

/** SiLU(x) = x·σ(x) (the "swish" of libnd4j); its derivative σ(x)·(1 + x·(1 − σ(x))). */
final class Silu {
    private INDArray input;

    INDArray forward(INDArray x) {
        input = x;
        return Nd4j.exec(new Swish(x, x.ulike()));
    }

    INDArray backward(INDArray gradOut) {
        INDArray derivative = Nd4j.exec(new SwishDerivative(input, input.ulike()));
        return derivative.muli(gradOut);
    }
}
