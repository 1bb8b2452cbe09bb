package org.diffusionlab.core.onnx;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
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

    /** An input: float32 numbers (or, with {@link #integers}, int64 ones) in C order, and their shape. */
    public record Input(float[] data, long[] longs, long[] shape) {
        public Input(float[] data, long... shape) {
            this(data, null, shape);
        }

        public static Input integers(long[] values, long... shape) {
            return new Input(null, values, shape);
        }

        OnnxTensor tensor() throws OrtException {
            return data != null ? OnnxTensor.createTensor(ENVIRONMENT, FloatBuffer.wrap(data), shape)
                    : OnnxTensor.createTensor(ENVIRONMENT, LongBuffer.wrap(longs), shape);
        }
    }

    /** Runs the model and returns its first output's numbers in C order. */
    public float[] run(Map<String, Input> inputs) throws OrtException {
        return runAll(inputs).values().iterator().next();
    }

    /** Runs the model and returns every output's float32 numbers in C order, by name, in the graph's order. */
    public Map<String, float[]> runAll(Map<String, Input> inputs) throws OrtException {
        Map<String, OnnxTensor> tensors = new HashMap<>();
        try {
            for (Map.Entry<String, Input> input : inputs.entrySet()) {
                tensors.put(input.getKey(), input.getValue().tensor());
            }
            try (OrtSession.Result result = session.run(tensors)) {
                Map<String, float[]> outputs = new LinkedHashMap<>();
                for (Map.Entry<String, OnnxValue> output : result) {
                    FloatBuffer values = ((OnnxTensor) output.getValue()).getFloatBuffer();
                    float[] numbers = new float[values.remaining()];
                    values.get(numbers);
                    outputs.put(output.getKey(), numbers);
                }
                return outputs;
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
