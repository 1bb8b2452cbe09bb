package org.diffusionlab.core.onnx;

import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * One ONNX model loaded into ONNX Runtime for inference: float32 inputs by name, the first output back as floats.
 * Its threads sleep when idle rather than spin ({@code allow_spinning = 0}), since ND4J's threads share the cores.
 * Not thread-safe in use; close it to free its native memory.
 */
public final class OnnxSession implements AutoCloseable {
    private static final OrtEnvironment ENVIRONMENT = OnnxRuntimeStart.environment();
    private final OrtSession session;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OnnxSession(OrtSession session) {
        this.session = session;
    }

    /** Opens {@code model} (ONNX bytes) with {@code threads} threads inside one operation. */
    public static OnnxSession open(byte[] model, int threads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            return new OnnxSession(ENVIRONMENT.createSession(model, options));
        }
    }

    /** An input: numbers in C order and their shape. */
    public record Input(float[] data, long... shape) {
    }

    /** Runs the model and returns its first output's numbers in C order. */
    public float[] run(Map<String, Input> inputs) throws OrtException {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (Map.Entry<String, Input> input : inputs.entrySet()) {
                tensors.put(input.getKey(), OnnxTensor.createTensor(ENVIRONMENT, FloatBuffer.wrap(input.getValue().data()),
                        input.getValue().shape()));
            }
            try (OrtSession.Result result = session.run(tensors)) {
                FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                float[] numbers = new float[output.remaining()];
                output.get(numbers);
                return numbers;
            }
        } finally {
            tensors.values().forEach(OnnxTensor::close);
        }
    }

    /** Frees the session's native memory; a second call (say, the model's cleaner after an explicit close) does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            session.close();
        } catch (OrtException e) {
            // nothing to recover: the session's memory is freed or lost either way
        }
    }
}
