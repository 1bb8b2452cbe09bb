package org.diffusionlab.core.onnx;

import java.util.concurrent.atomic.AtomicReference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtLoggingLevel;

/**
 * Starts ONNX Runtime on a thread with 64 MB of stack. Its start-up needs more than a JVM thread's default: on the
 * main thread of a JVM launched with a long command line (the app's class path of 70 jars) it overflowed the stack
 * and killed the process without a word. Later calls run on any thread. (A class of its own, not a lambda inside
 * {@link OnnxSession}'s static initialiser, which the starting thread would wait on forever.)
 */
final class OnnxRuntimeStart {
    private OnnxRuntimeStart() {
    }

    static OrtEnvironment environment() {
        AtomicReference<OrtEnvironment> environment = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(null, () -> {
            try {
                environment.set(OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "diffusion-lab"));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "onnxruntime-start", 64L << 20);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while ONNX Runtime started", e);
        }
        if (environment.get() == null) {
            throw new IllegalStateException("ONNX Runtime did not start", failure.get());
        }
        return environment.get();
    }
}
