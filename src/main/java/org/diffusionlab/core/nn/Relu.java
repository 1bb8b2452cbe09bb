package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** ReLU(x) = max(x, 0); its gradient passes where x > 0. */
final class Relu {
    private INDArray input;

    INDArray forward(INDArray x) {
        input = x;
        return Transforms.relu(x, true);
    }

    INDArray backward(INDArray gradOut) {
        return input.gt(0).castTo(gradOut.dataType()).muli(gradOut);
    }
}
