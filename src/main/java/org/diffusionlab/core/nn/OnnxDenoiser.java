package org.diffusionlab.core.nn;

import java.util.Map;
import java.util.Optional;

import ai.onnxruntime.OrtException;

import org.diffusionlab.core.onnx.OnnxSession;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A U-Net's current weights compiled into ONNX Runtime ({@link UNetGraph}), for sampling: the same ε̂ as ND4J's
 * forward pass to float tolerance, in about a third of the time on two cores (docs/performance.md). Weights are
 * copied in when it is made, so it belongs to a model that no longer trains. Not thread-safe; close it when done.
 */
public final class OnnxDenoiser implements AutoCloseable {
    private final OnnxSession session;
    private final DenoiserSpec.UNetSpec spec;

    private OnnxDenoiser(OnnxSession session, DenoiserSpec.UNetSpec spec) {
        this.session = session;
        this.spec = spec;
    }

    /** The compiled network, or empty if {@code denoiser} is not a U-Net or ONNX Runtime cannot start here. */
    public static Optional<OnnxDenoiser> of(Denoiser denoiser) {
        if (!(denoiser.spec() instanceof DenoiserSpec.UNetSpec spec)) {
            return Optional.empty();
        }
        try {
            byte[] graph = UNetGraph.of(spec, denoiser.parameters());
            return Optional.of(new OnnxDenoiser(OnnxSession.open(graph, Runtime.getRuntime().availableProcessors()), spec));
        } catch (OrtException | RuntimeException | LinkageError e) {
            System.err.println("warning: ONNX Runtime is not available here (" + e.getMessage()
                    + "); the U-Net samples with ND4J, about 3 times slower");
            return Optional.empty();
        }
    }

    /** ε̂_θ(x_t, t) for a batch x [B, 1, s, s], one step per row. */
    public INDArray predictNoise(INDArray x, int[] t) {
        if (t.length != x.size(0)) {
            throw new IllegalArgumentException(t.length + " time steps for a batch of " + x.size(0));
        }
        long[] shape = x.shape();
        float[] embedding = TimeEmbedding.of(t, spec.timeEmbedding()).data().asFloat();
        try {
            float[] epsilon = session.run(Map.of(UNetGraph.X, new OnnxSession.Input(x.dup('c').data().asFloat(), shape),
                    UNetGraph.TIME, new OnnxSession.Input(embedding, t.length, spec.timeEmbedding())));
            return Nd4j.create(epsilon, shape, 'c');
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on the U-Net: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        session.close();
    }
}
