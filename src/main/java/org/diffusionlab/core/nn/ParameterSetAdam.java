package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam (Kingma & Ba 2015) in ND4J arrays over a whole {@link ParameterSet} at once, on its flat arrays:
 * m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², θ ← θ − lr·m̂/(√v̂ + ε) with bias-corrected m̂, v̂.
 * Optional clipping of the global gradient norm first.
 */
public final class ParameterSetAdam {
    private final ParameterSet parameters;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final INDArray m;
    private final INDArray v;
    private long iteration;

    public ParameterSetAdam(ParameterSet parameters) {
        this(parameters, 0.9, 0.999, 1e-8);
    }

    public ParameterSetAdam(ParameterSet parameters, double beta1, double beta2, double epsilon) {
        this.parameters = parameters;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.m = Nd4j.zeros(DataType.FLOAT, parameters.count());
        this.v = Nd4j.zeros(DataType.FLOAT, parameters.count());
    }

    /** Scales the gradients so their global L2 norm is at most {@code maxNorm}; returns the norm before. */
    public double clipGradientNorm(double maxNorm) {
        double norm = parameters.gradients().norm2Number().doubleValue();
        if (norm > maxNorm && Double.isFinite(norm)) {
            parameters.gradients().muli(maxNorm / norm);
        }
        return norm;
    }

    /** One update with the current gradients. */
    public void step(double learningRate) {
        iteration++;
        INDArray g = parameters.gradients();
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.mul(g).muli(1 - beta2));
        double correction1 = 1 - Math.pow(beta1, iteration);
        double correction2 = 1 - Math.pow(beta2, iteration);
        double stepSize = learningRate * Math.sqrt(correction2) / correction1;
        INDArray denominator = Transforms.sqrt(v, true).addi(epsilon * Math.sqrt(correction2));
        parameters.values().subi(m.div(denominator).muli(stepSize));
    }

    /** The optimiser's state (m, v, iteration) for keeping and restoring the last good step. */
    public INDArray[] state() {
        return new INDArray[] {m, v};
    }

    public long iteration() {
        return iteration;
    }

    void setIteration(long iteration) {
        this.iteration = iteration;
    }
}
