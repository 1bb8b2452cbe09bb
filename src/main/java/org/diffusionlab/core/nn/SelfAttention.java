package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Self-attention over the pixels of a feature map, one head, as in the middle of the DDPM U-Net:
 * h = GN(x); q_i = W_q·h_i, k_i = W_k·h_i, v_i = W_v·h_i per pixel i; A_ij = softmax_j(q_i·k_j/√C);
 * o_i = Σ_j A_ij v_j; y = x + W_o·o. Every pixel sees every other, so at 7×7 the net can agree on a digit's
 * whole shape in one step. W_o starts near zero: the block starts as the identity.
 * Backward through the softmax: dS_ij = A_ij (dA_ij − Σ_k dA_ik A_ik).
 * <p>The projections run on one [B·N, C] matrix of pixel rows ({@link Linear}'s gemm), each into an array of its
 * own, so q, k and v are [B, N, C] without a copy: 1×1 convolutions on NCHW took three times as long, and
 * slicing one fused [B·N, 3C] product into three copies cost more than the products.
 */
final class SelfAttention {
    private final GroupNorm norm;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear project;
    private final int channels;
    private final double scale;
    private INDArray q;
    private INDArray k;
    private INDArray v;
    private INDArray attention;

    SelfAttention(ParameterSet parameters, String name, int channels, int groups) {
        norm = GroupNorm.plain(parameters, name + "/norm", channels, groups);
        query = new Linear(parameters, name + "/query", channels, channels);
        key = new Linear(parameters, name + "/key", channels, channels);
        value = new Linear(parameters, name + "/value", channels, channels);
        project = new Linear(parameters, name + "/project", channels, channels, 1e-3);
        this.channels = channels;
        this.scale = 1 / Math.sqrt(channels);
    }

    /** x is [B, C, H, W]. */
    INDArray forward(INDArray x) {
        long batch = x.size(0);
        long pixels = x.size(2) * x.size(3);
        INDArray h = pixelRows(norm.forward(x));
        q = query.forward(h).reshape('c', batch, pixels, channels);
        k = key.forward(h).reshape('c', batch, pixels, channels);
        v = value.forward(h).reshape('c', batch, pixels, channels);
        INDArray scores = Nd4j.matmul(q, k, false, true, false).muli(scale);
        attention = Nd4j.exec(new SoftMax(scores, scores, 2))[0];
        INDArray o = Nd4j.matmul(attention, v, false, false, false);
        return featureMap(project.forward(o.reshape('c', batch * pixels, channels)), x.shape()).addi(x);
    }

    INDArray backward(INDArray gradOut) {
        long batch = gradOut.size(0);
        long pixels = gradOut.size(2) * gradOut.size(3);
        long rows = batch * pixels;
        INDArray gradO = project.backward(pixelRows(gradOut)).reshape('c', batch, pixels, channels);
        INDArray gradA = Nd4j.matmul(gradO, v, false, true, false).reshape('c', rows, pixels);
        INDArray a = attention.reshape('c', rows, pixels);
        INDArray gradS = gradA.subiColumnVector(gradA.mul(a).sum(true, 1)).muli(a).muli(scale)
                .reshape('c', batch, pixels, pixels);
        INDArray gradH = query.backward(Nd4j.matmul(gradS, k, false, false, false).reshape('c', rows, channels))
                .addi(key.backward(Nd4j.matmul(gradS, q, true, false, false).reshape('c', rows, channels)))
                .addi(value.backward(Nd4j.matmul(attention, gradO, true, false, false).reshape('c', rows, channels)));
        return norm.backward(featureMap(gradH, gradOut.shape())).addi(gradOut);
    }

    /** [B, C, H, W] as [B·H·W, C]: one row per pixel. */
    private static INDArray pixelRows(INDArray x) {
        return x.permute(0, 2, 3, 1).dup('c').reshape('c', x.size(0) * x.size(2) * x.size(3), x.size(1));
    }

    /** Pixel rows back to [B, C, H, W]. */
    private static INDArray featureMap(INDArray rows, long[] shape) {
        return rows.reshape('c', shape[0], shape[2], shape[3], shape[1]).permute(0, 3, 1, 2).dup('c');
    }
}
