package org.diffusionlab.core.vae;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.diffusionlab.core.nn.Blas;
import org.diffusionlab.core.nn.Block;
import org.diffusionlab.core.nn.Dense;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every weight and bias of a VAE in one flat native buffer (so the optimiser and copies touch one array),
 * seen as {@link Dense} layers. Layer names are those of the model file: {@code encoder.0 …},
 * {@code encoder.mean}, {@code encoder.logvar}, {@code decoder.0 …}, {@code decoder.logits}. A gradient is
 * held in the same structure.
 */
public final class VaeParameters {
    private final VaeArchitecture architecture;
    private final Block all;
    private final List<Dense> encoder;
    private final Dense mean;
    private final Dense logVariance;
    private final List<Dense> decoder;
    private final Dense logits;
    private final List<Dense> layers;

    private VaeParameters(VaeArchitecture architecture, DataType type) {
        this.architecture = architecture;
        long count = architecture.parameterCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the VAE is too large: " + count + " parameters");
        }
        INDArray flat = Nd4j.create(type, count);
        this.all = Block.slice(flat, 0, 1, (int) count);
        List<Dense> ordered = new ArrayList<>();
        long[] offset = {0};
        List<Dense> encoderLayers = new ArrayList<>();
        int previous = architecture.inputSize();
        for (int i = 0; i < architecture.hidden().size(); i++) {
            encoderLayers.add(layer(flat, offset, "encoder." + i, previous, architecture.hidden().get(i), ordered));
            previous = architecture.hidden().get(i);
        }
        this.encoder = List.copyOf(encoderLayers);
        this.mean = layer(flat, offset, "encoder.mean", previous, architecture.latent(), ordered);
        this.logVariance = layer(flat, offset, "encoder.logvar", previous, architecture.latent(), ordered);
        List<Dense> decoderLayers = new ArrayList<>();
        previous = architecture.latent();
        for (int i = architecture.hidden().size() - 1, j = 0; i >= 0; i--, j++) {
            decoderLayers.add(layer(flat, offset, "decoder." + j, previous, architecture.hidden().get(i), ordered));
            previous = architecture.hidden().get(i);
        }
        this.decoder = List.copyOf(decoderLayers);
        this.logits = layer(flat, offset, "decoder.logits", previous, architecture.inputSize(), ordered);
        this.layers = Collections.unmodifiableList(ordered);
    }

    private static Dense layer(INDArray flat, long[] offset, String name, int inputs, int outputs, List<Dense> ordered) {
        Block weight = Block.slice(flat, offset[0], inputs, outputs);
        offset[0] += (long) inputs * outputs;
        Block bias = Block.slice(flat, offset[0], 1, outputs);
        offset[0] += outputs;
        Dense dense = new Dense(name, weight, bias);
        ordered.add(dense);
        return dense;
    }

    /** All zeros. */
    public static VaeParameters zeros(VaeArchitecture architecture, DataType type) {
        return new VaeParameters(architecture, type);
    }

    /**
     * PyTorch's default for linear layers: every weight and bias uniform in ±1/√inputs, drawn from {@code seed}
     * layer by layer in storage order, so the same seed gives the same network.
     */
    public static VaeParameters initial(VaeArchitecture architecture, DataType type, long seed) {
        VaeParameters parameters = new VaeParameters(architecture, type);
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[(int) parameters.size()];
        int index = 0;
        for (Dense layer : parameters.layers) {
            double bound = 1 / Math.sqrt(layer.inputs());
            long n = layer.weight().length() + layer.bias().length();
            for (long i = 0; i < n; i++) {
                values[index++] = (float) ((2 * random.nextDouble() - 1) * bound);
            }
        }
        parameters.write(values);
        return parameters;
    }

    public VaeArchitecture architecture() {
        return architecture;
    }

    public DataType dataType() {
        return all.dataType();
    }

    public long size() {
        return all.length();
    }

    public List<Dense> encoder() {
        return encoder;
    }

    public Dense mean() {
        return mean;
    }

    public Dense logVariance() {
        return logVariance;
    }

    public List<Dense> decoder() {
        return decoder;
    }

    public Dense logits() {
        return logits;
    }

    /** Every layer in storage order. */
    public List<Dense> layers() {
        return layers;
    }

    /** The whole buffer as one [1, size] block. */
    public Block all() {
        return all;
    }

    public void read(float[] target) {
        all.read(target, 0, 0, (int) size());
    }

    public void write(float[] source) {
        all.write(source, 0, 0, (int) size());
    }

    public float[] toFloatArray() {
        return all.toFloatArray();
    }

    public void copyFrom(VaeParameters other) {
        if (!other.architecture.equals(architecture)) {
            throw new IllegalArgumentException("cannot copy a " + other.architecture.describe() + " VAE into a "
                    + architecture.describe() + " one");
        }
        if (other.dataType() == dataType()) {
            Blas.copy(other.all, all);
        } else {
            write(other.toFloatArray());
        }
    }

    public VaeParameters copy(DataType type) {
        VaeParameters copy = new VaeParameters(architecture, type);
        copy.copyFrom(this);
        return copy;
    }

    /** True if no weight is NaN or infinite. */
    public boolean allFinite() {
        for (float value : toFloatArray()) {
            if (!Float.isFinite(value)) {
                return false;
            }
        }
        return true;
    }
}
