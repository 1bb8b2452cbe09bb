package org.diffusionlab.core.nn;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.io.ModelArchive;

/** The architecture of a denoiser, as stored under {@code "architecture"} in a model's manifest. */
public sealed interface DenoiserSpec {

    /** The shape of one sample, e.g. [1, 28, 28] or [2]. */
    long[] sampleShape();

    /** A fresh network with weights initialised from the seed. */
    Denoiser build(long seed);

    /**
     * The number of weights {@link #build} allocates, known without allocating, so that a manifest asking for a
     * network its file does not hold is refused before the network is built.
     */
    long parameterCount();

    /** The manifest's {@code "architecture"} object: the spec's name, then its record components by name. */
    default ObjectNode toJson() {
        ObjectNode node = Json.MAPPER.createObjectNode().put("name", this instanceof UNetSpec ? UNetSpec.NAME : MlpSpec.NAME);
        node.setAll((ObjectNode) Json.MAPPER.valueToTree(this));
        return node;
    }

    /** One line for people, e.g. "MLP 2→128×3→2, 5 Fourier octaves, time embedding 64". */
    String describe();

    /**
     * The small U-Net for square grey images (see {@link UNet}); {@code attention} adds self-attention at the lowest
     * resolution (manifests written before it existed have no such field and load without it).
     */
    record UNetSpec(int imageSize, int channels, int groups, int timeEmbedding, boolean attention) implements DenoiserSpec {
        public static final String NAME = "unet";

        public UNetSpec {
            if (imageSize < 4 || imageSize % 4 != 0 || imageSize > 256) {
                throw new IllegalArgumentException("the U-Net needs an image side that is a multiple of 4 (4..256), not " + imageSize);
            }
            if (channels < groups || channels % groups != 0 || channels > 512) {
                throw new IllegalArgumentException("the U-Net's base channels (" + channels + ") must be a multiple of its "
                        + groups + " groups, at most 512");
            }
            checkEmbedding(timeEmbedding);
        }

        @Override
        public long[] sampleShape() {
            return new long[] {1, imageSize, imageSize};
        }

        @Override
        public Denoiser build(long seed) {
            return new UNet(this, seed);
        }

        @Override
        public long parameterCount() {
            long c = channels;
            long time = 4 * c;
            long count = timeEmbedding * time + time + time * time + time;
            count += 9 * c + c;
            count += block(c, c, time) + 9 * c * c + c;
            count += block(c, 2 * c, time) + 36 * c * c + 2 * c;
            count += block(2 * c, 4 * c, time);
            count += attention ? 2 * 4 * c + 4 * (16 * c * c + 4 * c) : 0;
            count += block(4 * c, 4 * c, time) + 8 * c * c + 2 * c;
            count += block(2 * c, 2 * c, time) + 2 * c * c + c;
            count += block(c, c, time) + 2 * c + 9 * c + 1;
            return count;
        }

        /** A residual block: two GroupNorms, two 3×3 convolutions, the time projection and a 1×1 skip if widths differ. */
        private static long block(long in, long out, long time) {
            return 2 * in + 9 * in * out + out + time * out + out + 2 * out + 9 * out * out + out
                    + (in == out ? 0 : in * out + out);
        }

        @Override
        public String describe() {
            String lowest = imageSize / 4 + "×" + imageSize / 4;
            return String.format(Locale.ROOT, "U-Net %d/%d/%d channels, %d groups, time embedding %d, %s",
                    channels, 2 * channels, 4 * channels, groups, timeEmbedding,
                    attention ? "self-attention at " + lowest : "no attention");
        }
    }

    /**
     * The MLP for points in a few dimensions (see {@link Mlp}); {@code octaves} > 0 adds sin(2ᵏx), cos(2ᵏx) of
     * every coordinate for k below it to the input, so sharp edges (a checkerboard) need fewer steps.
     */
    record MlpSpec(int dimensions, int hidden, int layers, int timeEmbedding, int octaves) implements DenoiserSpec {
        public static final String NAME = "mlp";

        public MlpSpec {
            if (dimensions < 1 || dimensions > 64 || hidden < 1 || hidden > 4096 || layers < 1 || layers > 16) {
                throw new IllegalArgumentException("an MLP needs 1..64 dimensions, 1..4096 hidden units and 1..16 layers; got "
                        + dimensions + ", " + hidden + ", " + layers);
            }
            if (octaves < 0 || octaves > 16) {
                throw new IllegalArgumentException("the MLP's Fourier octaves must be from 0 to 16, not " + octaves);
            }
            checkEmbedding(timeEmbedding);
        }

        /** Octaves of Fourier input features unless told otherwise: enough to draw a checkerboard's edges. */
        public static final int DEFAULT_OCTAVES = 5;

        /** With the default Fourier input features ({@value #DEFAULT_OCTAVES} octaves). */
        public MlpSpec(int dimensions, int hidden, int layers, int timeEmbedding) {
            this(dimensions, hidden, layers, timeEmbedding, DEFAULT_OCTAVES);
        }

        /** Inputs to the first layer: the coordinates and their Fourier features. */
        public int inputs() {
            return dimensions * (1 + 2 * octaves);
        }

        @Override
        public long[] sampleShape() {
            return new long[] {dimensions};
        }

        @Override
        public Denoiser build(long seed) {
            return new Mlp(this, seed);
        }

        @Override
        public long parameterCount() {
            long count = 0;
            long width = inputs();
            for (int k = 0; k < layers; k++) {
                count += (width + 1) * hidden + (timeEmbedding + 1L) * hidden;
                width = hidden;
            }
            return count + (width + 1) * dimensions;
        }

        @Override
        public String describe() {
            return "MLP " + dimensions + "→" + hidden + "×" + layers + "→" + dimensions + ", " + octaves
                    + " Fourier octaves, time embedding " + timeEmbedding;
        }
    }

    private static void checkEmbedding(int timeEmbedding) {
        if (timeEmbedding < 4 || timeEmbedding % 2 != 0 || timeEmbedding > 1024) {
            throw new IllegalArgumentException("the time embedding needs an even size from 4 to 1024, not " + timeEmbedding);
        }
    }

    /** The U-Net's optional "attention" flag: absent (a model made before it existed) means none. */
    private static boolean attention(ModelArchive archive) throws BadInputException {
        JsonNode node = archive.manifest().at("/architecture/attention");
        if (node.isMissingNode()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new BadInputException(archive.name() + ": the manifest's 'architecture.attention' is " + node
                    + "; expected true or false");
        }
        return node.booleanValue();
    }

    /** Reads and checks the manifest's {@code "architecture"} object. */
    public static DenoiserSpec fromManifest(ModelArchive archive) throws BadInputException {
        String name = archive.field("architecture.name").asText();
        try {
            return switch (name) {
                case UNetSpec.NAME -> new UNetSpec(archive.intField("architecture.imageSize", 4, 256),
                        archive.intField("architecture.channels", 1, 512), archive.intField("architecture.groups", 1, 512),
                        archive.intField("architecture.timeEmbedding", 4, 1024), attention(archive));
                case MlpSpec.NAME -> new MlpSpec(archive.intField("architecture.dimensions", 1, 64),
                        archive.intField("architecture.hidden", 1, 4096), archive.intField("architecture.layers", 1, 16),
                        archive.intField("architecture.timeEmbedding", 4, 1024), archive.intField("architecture.octaves", 0, 16));
                default -> throw new BadInputException(archive.name() + ": unknown denoiser architecture '" + name
                        + "' (known: unet, mlp)");
            };
        } catch (IllegalArgumentException e) {
            throw new BadInputException(archive.name() + ": " + e.getMessage());
        }
    }
}
