package org.diffusionlab.core.nn;

import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Element-wise maths on whole blocks with ND4J's legacy ops: one native call each, ~2 µs (transforms) to
 * ~10 µs (scalar and pairwise ops) of dispatch, measured; the newer "custom" ops cost more per call at these sizes.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** x ← max(x, 0). */
    public static void reluInPlace(Block x) {
        Nd4j.exec(new RectifiedLinear(x.array(), x.array(), 0.0));
    }

    /**
     * gradient ← gradient ⊙ [activation > 0], the ReLU backward step, given the ReLU's output
     * (the sign of a non-negative value is exactly that indicator); {@code scratch} has the same shape.
     */
    public static void reluBackwardInPlace(Block gradient, Block activation, Block scratch) {
        Nd4j.exec(new Sign(activation.array(), scratch.array()));
        Nd4j.exec(new MulOp(gradient.array(), scratch.array(), gradient.array()));
    }

    /** target ← σ(x) = 1 / (1 + e^(−x)). */
    public static void sigmoid(Block x, Block target) {
        Nd4j.exec(new Sigmoid(x.array(), target.array()));
    }

    /** target ← a − b. */
    public static void subtract(Block a, Block b, Block target) {
        Nd4j.exec(new SubOp(a.array(), b.array(), target.array()));
    }
}
