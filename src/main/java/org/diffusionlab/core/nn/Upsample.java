package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

/** Nearest-neighbour ×2 upsampling of NCHW activations; its gradient sums each 2×2 block. */
final class Upsample {
    private INDArray input;

    INDArray forward(INDArray x) {
        input = x;
        INDArray y = Nd4j.createUninitialized(DataType.FLOAT, x.size(0), x.size(1), 2 * x.size(2), 2 * x.size(3));
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d").addInputs(x).addOutputs(y).addIntegerArguments(2, 2, 1).build());
        return y;
    }

    INDArray backward(INDArray gradOut) {
        INDArray gradIn = Nd4j.createUninitialized(DataType.FLOAT, input.shape());
        Nd4j.exec(DynamicCustomOp.builder("upsampling2d_bp").addInputs(input, gradOut).addOutputs(gradIn)
                .addIntegerArguments(1).build());
        return gradIn;
    }
}
