package org.diffusionlab.core.imported;

import java.util.Map;

import ai.onnxruntime.OrtException;

import org.diffusionlab.core.diffusion.ImportedNetwork;
import org.diffusionlab.core.onnx.OnnxSession;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A user's ε-prediction U-Net on ONNX Runtime: x_t [B, C, H, W] (or rows [B, C·H·W], as the graph takes them) and t
 * (int64 or float32, the app's step t = 1 given as the sidecar's first step) → ε̂ of x_t's shape.
 */
record OnnxNoiseNetwork(OnnxSession session, Sidecar sidecar, long parameterCount, String describe) implements ImportedNetwork {

    @Override
    public INDArray predictNoise(INDArray xt, int[] t) {
        if (t.length != xt.size(0)) {
            throw new IllegalArgumentException(t.length + " time steps for a batch of " + xt.size(0));
        }
        long[] shape = sidecar.graphs().get(ImportedKind.GraphPart.UNET).inputs().get("x").clone();
        shape[0] = t.length;
        int offset = sidecar.time().firstStep() - 1;
        float[] steps = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            steps[i] = t[i] + offset;
        }
        OnnxSession.Input time = sidecar.time().integer() ? OnnxSession.Input.integers(ModelCheck.longs(steps), t.length)
                : new OnnxSession.Input(steps, t.length);
        try {
            float[] eps = session.runAll(Map.of("x", new OnnxSession.Input(xt.dup('c').data().asFloat(), shape), "t", time))
                    .get("eps");
            return Nd4j.create(eps, xt.shape(), 'c');
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the U-Net: " + e.getMessage(), e);
        }
    }

    @Override
    public long[] sampleShape() {
        Sidecar.ImageShape image = sidecar.image();
        return new long[] {image.channels(), image.height(), image.width()};
    }
}
