package org.diffusionlab.core.imported;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a model exported from PyTorch is, and the ONNX graphs that kind is made of. */
public enum ImportedKind {
    /** A VAE: q(z|x) and p(x|z), two graphs. */
    VAE(List.of(GraphPart.ENCODER, GraphPart.DECODER)),
    /** A VAE's decoder alone: the latent space without an encoder. */
    VAE_DECODER(List.of(GraphPart.DECODER)),
    /** A U-Net predicting the noise ε of x_t at step t. */
    EPS_UNET(List.of(GraphPart.UNET));

    private final List<GraphPart> parts;

    ImportedKind(List<GraphPart> parts) {
        this.parts = parts;
    }

    public List<GraphPart> parts() {
        return parts;
    }

    public boolean isVae() {
        return this != EPS_UNET;
    }

    /** The sidecar's spelling, e.g. "vae-decoder". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<ImportedKind> byId(String id) {
        for (ImportedKind kind : values()) {
            if (kind.id().equals(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** One graph of a model, with the input and output names the exporter gives it (tools/export_model.py). */
    public enum GraphPart {
        ENCODER(List.of("x"), List.of("mu", "logvar")),
        DECODER(List.of("z"), List.of("x_hat")),
        UNET(List.of("x", "t"), List.of("eps"));

        private final List<String> inputs;
        private final List<String> outputs;

        GraphPart(List<String> inputs, List<String> outputs) {
            this.inputs = inputs;
            this.outputs = outputs;
        }

        public List<String> inputs() {
            return inputs;
        }

        public List<String> outputs() {
            return outputs;
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
