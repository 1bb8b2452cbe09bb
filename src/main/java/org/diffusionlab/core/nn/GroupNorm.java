package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastAddOp;
import org.nd4j.linalg.api.ops.impl.broadcast.BroadcastMulOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Group normalisation (Wu & He 2018) of NCHW activations: each sample's channels fall into {@code groups}
 * groups; each group is standardised over its channels and pixels, x̂ = (x − mean)/√(var + 1e-5), then
 * y = γ_c x̂ + β_c per channel. Backward: dx = (dx̂ − mean(dx̂) − x̂·mean(dx̂ x̂)) / √(var + 1e-5) per group.
 */
final class GroupNorm {
    static final double EPSILON = 1e-5;

    private final Parameter gain;
    private final Parameter shift;
    private final int groups;
    private INDArray normalised;
    private INDArray inverseStd;

    GroupNorm(ParameterSet parameters, String name, int channels, int groups) {
        if (channels % groups != 0) {
            throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
        }
        this.gain = parameters.constant(name + "/gain", 1, channels);
        this.shift = parameters.constant(name + "/bias", 0, channels);
        this.groups = groups;
    }

    INDArray forward(INDArray x) {
        long rows = x.size(0) * groups;
        INDArray grouped = x.reshape('c', rows, x.length() / rows);
        INDArray centred = grouped.subColumnVector(grouped.mean(true, 1));
        INDArray variance = centred.mul(centred).mean(true, 1);
        inverseStd = Transforms.sqrt(variance.addi(EPSILON), false).rdivi(1.0);
        normalised = centred.muliColumnVector(inverseStd).reshape('c', x.shape());
        INDArray y = normalised.ulike();
        Nd4j.exec(new BroadcastMulOp(normalised, gain.value(), y, 1));
        Nd4j.exec(new BroadcastAddOp(y, shift.value(), y, 1));
        return y;
    }

    INDArray backward(INDArray gradOut) {
        shift.gradient().assign(gradOut.sum(0, 2, 3));
        gain.gradient().assign(gradOut.mul(normalised).sum(0, 2, 3));
        INDArray gradNormalised = gradOut.ulike();
        Nd4j.exec(new BroadcastMulOp(gradOut, gain.value(), gradNormalised, 1));
        long rows = inverseStd.length();
        long perRow = gradOut.length() / rows;
        INDArray g = gradNormalised.reshape('c', rows, perRow);
        INDArray xHat = normalised.reshape('c', rows, perRow);
        INDArray meanGrad = g.mean(true, 1);
        INDArray meanGradXHat = g.mul(xHat).mean(true, 1);
        INDArray gradIn = g.subiColumnVector(meanGrad).subi(xHat.mulColumnVector(meanGradXHat)).muliColumnVector(inverseStd);
        return gradIn.reshape('c', gradOut.shape());
    }
}
