package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small U-Net ε-predictor for square grey images: three resolutions with c, 2c, 4c channels, residual
 * blocks with group normalisation and SiLU, the time embedding (sinusoidal → Linear → SiLU → Linear → SiLU)
 * added per channel in every block, and additive skip connections (a 1×1 convolution matches the channels at
 * the lower resolution, then nearest-neighbour ×2). Additive rather than concatenated skips keep the
 * full-resolution blocks at c channels: on two cores the 28×28 tensors dominate time and memory traffic.
 * <pre>
 * 28×28: conv 1→c, Res(c→c) ─────────────────────────────────── + → Res(c→c) → GN, SiLU, conv c→1
 * 14×14:   conv/2, Res(c→2c) ──────────────────── + → Res(2c→2c) → 1×1 2c→c, up ↗
 *  7×7 :     conv/2, Res(2c→4c), [Attn(4c)], Res(4c→4c) → 1×1 4c→2c, up ↗
 * </pre>
 * With {@code attention} a {@link SelfAttention} block sits between the two 7×7 blocks, as in the middle of the
 * DDPM U-Net: 49 pixels attend to each other at ~5% of the compute, and every part of a digit sees the rest.
 * The output convolution starts near zero, so an untrained net predicts ε̂ ≈ 0 (loss ≈ 1).
 */
final class UNet extends Denoiser {
    private final int c;
    private final Linear time1;
    private final Silu timeAct1 = new Silu();
    private final Linear time2;
    private final Silu timeAct2 = new Silu();
    private final Conv2d in;
    private final ResidualBlock down1;
    private final Conv2d pool1;
    private final ResidualBlock down2;
    private final Conv2d pool2;
    private final ResidualBlock mid1;
    private final SelfAttention midAttention;
    private final ResidualBlock mid2;
    private final Conv2d reduce2;
    private final Upsample upsample2 = new Upsample();
    private final ResidualBlock up2;
    private final Conv2d reduce1;
    private final Upsample upsample1 = new Upsample();
    private final ResidualBlock up1;
    private final GroupNorm outNorm;
    private final Conv2d out;

    UNet(DenoiserSpec.UNetSpec spec, long seed) {
        super(spec, new ParameterSet(seed));
        ParameterSet p = parameters();
        c = spec.channels();
        int g = spec.groups();
        int timeDim = 4 * c;
        time1 = new Linear(p, "time1", spec.timeEmbedding(), timeDim);
        time2 = new Linear(p, "time2", timeDim, timeDim);
        in = new Conv2d(p, "in", 1, c, 3, 1);
        down1 = new ResidualBlock(p, "down1", c, c, timeDim, g);
        pool1 = new Conv2d(p, "pool1", c, c, 3, 2);
        down2 = new ResidualBlock(p, "down2", c, 2 * c, timeDim, g);
        pool2 = new Conv2d(p, "pool2", 2 * c, 2 * c, 3, 2);
        mid1 = new ResidualBlock(p, "mid1", 2 * c, 4 * c, timeDim, g);
        midAttention = spec.attention() ? new SelfAttention(p, "midAttention", 4 * c, g) : null;
        mid2 = new ResidualBlock(p, "mid2", 4 * c, 4 * c, timeDim, g);
        reduce2 = new Conv2d(p, "reduce2", 4 * c, 2 * c, 1, 1);
        up2 = new ResidualBlock(p, "up2", 2 * c, 2 * c, timeDim, g);
        reduce1 = new Conv2d(p, "reduce1", 2 * c, c, 1, 1);
        up1 = new ResidualBlock(p, "up1", c, c, timeDim, g);
        outNorm = GroupNorm.withSilu(p, "out/norm", c, g);
        out = new Conv2d(p, "out", c, 1, 3, 1, 1e-3);
        p.seal();
    }

    private DenoiserSpec.UNetSpec unetSpec() {
        return (DenoiserSpec.UNetSpec) spec();
    }

    @Override
    INDArray forward(INDArray x, int[] t) {
        INDArray embedding = TimeEmbedding.of(t, unetSpec().timeEmbedding());
        INDArray time = timeAct2.forward(time2.forward(timeAct1.forward(time1.forward(embedding))));
        INDArray h1 = down1.forward(in.forward(x), time);
        INDArray h2 = down2.forward(pool1.forward(h1), time);
        INDArray m = mid1.forward(pool2.forward(h2), time);
        m = mid2.forward(midAttention == null ? m : midAttention.forward(m), time);
        INDArray u = up2.forward(upsample2.forward(reduce2.forward(m)).addi(h2), time);
        u = up1.forward(upsample1.forward(reduce1.forward(u)).addi(h1), time);
        return out.forward(outNorm.forward(u));
    }

    @Override
    void backward(INDArray gradOutput) {
        INDArray gradTime = Nd4j.zeros(gradOutput.dataType(), gradOutput.size(0), 4L * c);
        INDArray gradH1 = up1.backward(outNorm.backward(out.backward(gradOutput)), gradTime);
        INDArray gradH2 = up2.backward(reduce1.backward(upsample1.backward(gradH1)), gradTime);
        INDArray g = mid2.backward(reduce2.backward(upsample2.backward(gradH2)), gradTime);
        g = mid1.backward(midAttention == null ? g : midAttention.backward(g), gradTime);
        g = down2.backward(pool2.backward(g).addi(gradH2), gradTime);
        g = down1.backward(pool1.backward(g).addi(gradH1), gradTime);
        in.backward(g);
        time1.backward(timeAct1.backward(time2.backward(timeAct2.backward(gradTime))));
    }
}
