package org.diffusionlab.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An ε-predictor for points: h₀ = x; h_{k+1} = SiLU(W_k h_k + U_k e(t) + b_k) for k < layers, with e(t) the
 * sinusoidal time embedding fed to every layer; ε̂ = W_out h_L + b_out (starting near zero).
 */
final class Mlp extends Denoiser {
    private final List<Linear> hidden = new ArrayList<>();
    private final List<Linear> time = new ArrayList<>();
    private final List<Silu> activations = new ArrayList<>();
    private final Linear out;

    Mlp(DenoiserSpec.MlpSpec spec, long seed) {
        super(spec, new ParameterSet(seed));
        ParameterSet p = parameters();
        int width = spec.dimensions();
        for (int k = 0; k < spec.layers(); k++) {
            hidden.add(new Linear(p, "hidden" + k, width, spec.hidden()));
            time.add(new Linear(p, "time" + k, spec.timeEmbedding(), spec.hidden(), 1 / Math.sqrt(spec.timeEmbedding())));
            activations.add(new Silu());
            width = spec.hidden();
        }
        out = new Linear(p, "out", width, spec.dimensions(), 1e-3);
        p.seal();
    }

    @Override
    INDArray forward(INDArray x, int[] t) {
        INDArray embedding = TimeEmbedding.of(t, ((DenoiserSpec.MlpSpec) spec()).timeEmbedding());
        INDArray h = x;
        for (int k = 0; k < hidden.size(); k++) {
            h = activations.get(k).forward(hidden.get(k).forward(h).addi(time.get(k).forward(embedding)));
        }
        return out.forward(h);
    }

    @Override
    void backward(INDArray gradOutput) {
        INDArray g = out.backward(gradOutput);
        for (int k = hidden.size() - 1; k >= 0; k--) {
            INDArray gradPre = activations.get(k).backward(g);
            time.get(k).backward(gradPre);
            g = hidden.get(k).backward(gradPre);
        }
    }
}
