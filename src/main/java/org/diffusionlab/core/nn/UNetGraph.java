package org.diffusionlab.core.nn;

import static org.diffusionlab.core.onnx.OnnxGraph.integer;
import static org.diffusionlab.core.onnx.OnnxGraph.ints;
import static org.diffusionlab.core.onnx.OnnxGraph.real;
import static org.diffusionlab.core.onnx.OnnxGraph.text;

import java.util.Arrays;
import java.util.Map;

import org.diffusionlab.core.io.NpyArray;
import org.diffusionlab.core.onnx.OnnxGraph;

/**
 * {@link UNet}'s forward pass written as an ONNX graph with its current weights, for inference on ONNX Runtime.
 * Layer by layer the same as {@code UNet.forward}; the inputs are x_t [B, 1, s, s] and the sinusoidal time
 * embedding [B, d] (computed in Java by {@link TimeEmbedding}), the output ε̂ [B, 1, s, s]. Group normalisation is
 * instance normalisation over [B, G, C/G·H·W] followed by the per-channel γ and β, as PyTorch exports it.
 */
final class UNetGraph {
    static final String X = "x";
    static final String TIME = "time_embedding";
    private final OnnxGraph graph = new OnnxGraph("diffusion-lab-unet");
    private final Map<String, NpyArray> weights;
    private final DenoiserSpec.UNetSpec spec;
    private String scales;

    private UNetGraph(DenoiserSpec.UNetSpec spec, Map<String, NpyArray> weights) {
        this.spec = spec;
        this.weights = weights;
    }

    static byte[] of(DenoiserSpec.UNetSpec spec, ParameterSet parameters) {
        return new UNetGraph(spec, parameters.toArrays()).build();
    }

    private byte[] build() {
        int side = spec.imageSize();
        String x = graph.input(X, -1, 1, side, side);
        String embedding = graph.input(TIME, -1, spec.timeEmbedding());
        String time = silu(linear("time2", silu(linear("time1", embedding))));
        String h1 = residual("down1", conv("in", x, 1), time);
        String h2 = residual("down2", conv("pool1", h1, 2), time);
        String m = residual("mid1", conv("pool2", h2, 2), time);
        if (spec.attention()) {
            m = attention("midAttention", m, side / 4);
        }
        m = residual("mid2", m, time);
        String u = residual("up2", graph.node("Add", upsample(conv("reduce2", m, 1)), h2), time);
        u = residual("up1", graph.node("Add", upsample(conv("reduce1", u, 1)), h1), time);
        String epsilon = conv("out", silu(groupNorm("out/norm", u)), 1);
        graph.output(epsilon, -1, 1, side, side);
        return graph.toBytes("diffusion-lab");
    }

    private String residual(String name, String x, String time) {
        String h = conv(name + "/conv1", silu(groupNorm(name + "/norm1", x)), 1);
        String perChannel = graph.node("Reshape", linear(name + "/time", time), graph.longs(name + "/time/shape", 0, -1, 1, 1));
        h = graph.node("Add", h, perChannel);
        String y = conv(name + "/conv2", silu(groupNorm(name + "/norm2", h)), 1);
        return graph.node("Add", y, weights.containsKey(name + "/skip/W") ? conv(name + "/skip", x, 1) : x);
    }

    /** h = GN(x); rows of pixels; softmax(q kᵀ/√C) v; W_o; back to a feature map; + x. */
    private String attention(String name, String x, int side) {
        long channels = weights.get(name + "/query/W").shape()[0];
        String rows = graph.node("Reshape", graph.node("Transpose", new String[] {groupNorm(name + "/norm", x)},
                ints("perm", 0, 2, 3, 1)), graph.longs(name + "/rows", 0, -1, channels));
        String q = matrixProduct(name + "/query", rows);
        String k = matrixProduct(name + "/key", rows);
        String v = matrixProduct(name + "/value", rows);
        String keysT = graph.node("Transpose", new String[] {k}, ints("perm", 0, 2, 1));
        String scores = graph.node("Mul", graph.node("MatMul", q, keysT),
                graph.weight(name + "/scale", new float[] {(float) (1 / Math.sqrt(channels))}));
        String attended = graph.node("MatMul", graph.node("Softmax", new String[] {scores}, integer("axis", -1)), v);
        String projected = matrixProduct(name + "/project", attended);
        String map = graph.node("Transpose", new String[] {graph.node("Reshape", projected,
                graph.longs(name + "/map", 0, side, side, channels))}, ints("perm", 0, 3, 1, 2));
        return graph.node("Add", map, x);
    }

    private String groupNorm(String name, String x) {
        int groups = spec.groups();
        long channels = weights.get(name + "/gain").data().length;
        String grouped = graph.node("Reshape", x, graph.longs(name + "/groups", 0, groups, -1));
        String normalised = graph.node("InstanceNormalization", new String[] {grouped,
                graph.weight(name + "/ones", filled(groups, 1), groups), graph.weight(name + "/zeros", filled(groups, 0), groups)},
                real("epsilon", (float) GroupNorm.EPSILON));
        String back = graph.node("Reshape", normalised, graph.node("Shape", x));
        String scaled = graph.node("Mul", back, weight(name + "/gain", 1, channels, 1, 1));
        return graph.node("Add", scaled, weight(name + "/bias", 1, channels, 1, 1));
    }

    /** A k×k convolution with libnd4j's "same" padding: stride 2 pads only after (28 → 14 → 7). */
    private String conv(String name, String x, int stride) {
        NpyArray w = weights.get(name + "/W");
        int kernel = (int) w.shape()[0];
        int pad = stride == 1 ? (kernel - 1) / 2 : 0;
        int padAfter = stride == 1 ? pad : 1;
        return graph.node("Conv", new String[] {x, graph.weight(name + "/W", outInKk(w), w.shape()[3], w.shape()[2], kernel, kernel),
                weight(name + "/b")}, ints("kernel_shape", kernel, kernel), ints("strides", stride, stride),
                ints("pads", pad, pad, padAfter, padAfter));
    }

    private String linear(String name, String x) {
        return graph.node("Gemm", x, weight(name + "/W"), weight(name + "/b"));
    }

    private String matrixProduct(String name, String x) {
        return graph.node("Add", graph.node("MatMul", x, weight(name + "/W")), weight(name + "/b"));
    }

    private String silu(String x) {
        return graph.node("Mul", x, graph.node("Sigmoid", x));
    }

    private String upsample(String x) {
        if (scales == null) {
            scales = graph.weight("upsample/scales", new float[] {1, 1, 2, 2}, 4);
        }
        return graph.node("Resize", new String[] {x, "", scales},
                text("mode", "nearest"), text("coordinate_transformation_mode", "asymmetric"), text("nearest_mode", "floor"));
    }

    private String weight(String name, long... dims) {
        NpyArray array = weights.get(name);
        return graph.weight(name, array.data(), dims.length == 0 ? array.shape() : dims);
    }

    /** [k, k, in, out] (libnd4j's layout) to [out, in, k, k] (ONNX's). */
    private static float[] outInKk(NpyArray w) {
        int k = (int) w.shape()[0];
        int in = (int) w.shape()[2];
        int out = (int) w.shape()[3];
        float[] result = new float[w.data().length];
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        result[((o * in + i) * k + a) * k + b] = w.data()[((a * k + b) * in + i) * out + o];
                    }
                }
            }
        }
        return result;
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        Arrays.fill(a, value);
        return a;
    }
}
