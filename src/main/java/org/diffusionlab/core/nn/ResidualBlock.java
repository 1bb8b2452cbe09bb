package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * h = conv₁(SiLU(GN₁(x))) + W_t·SiLU(time embedding) (per channel); y = conv₂(SiLU(GN₂(h))) + skip(x),
 * where skip is the identity or, when the channel count changes, a 1×1 convolution.
 */
final class ResidualBlock {
    private final GroupNorm norm1;
    private final Conv2d conv1;
    private final Linear time;
    private final GroupNorm norm2;
    private final Conv2d conv2;
    private final Conv2d skip;

    ResidualBlock(ParameterSet parameters, String name, int in, int out, int timeDim, int groups) {
        norm1 = GroupNorm.withSilu(parameters, name + "/norm1", in, groups);
        conv1 = new Conv2d(parameters, name + "/conv1", in, out, 3, 1);
        time = new Linear(parameters, name + "/time", timeDim, out);
        norm2 = GroupNorm.withSilu(parameters, name + "/norm2", out, groups);
        conv2 = new Conv2d(parameters, name + "/conv2", out, out, 3, 1);
        skip = in == out ? null : new Conv2d(parameters, name + "/skip", in, out, 1, 1);
    }

    /** {@code timeFeatures} is [B, timeDim], already through SiLU. */
    INDArray forward(INDArray x, INDArray timeFeatures) {
        INDArray h = conv1.forward(norm1.forward(x));
        Nd4j.exec(new BroadcastAddOp(h, time.forward(timeFeatures), h, 0, 1));
        INDArray y = conv2.forward(norm2.forward(h));
        return y.addi(skip == null ? x : skip.forward(x));
    }

    /** Returns dL/dx and adds dL/d(timeFeatures) into {@code gradTimeFeatures}. */
    INDArray backward(INDArray gradOut, INDArray gradTimeFeatures) {
        INDArray gradH = norm2.backward(conv2.backward(gradOut));
        gradTimeFeatures.addi(time.backward(gradH.sum(2, 3)));
        INDArray gradIn = norm1.backward(conv1.backward(gradH));
        return gradIn.addi(skip == null ? gradOut : skip.backward(gradOut));
    }
}
