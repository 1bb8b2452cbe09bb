package org.diffusionlab.core.imported;

import java.io.IOException;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipFile;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.imported.ImportedKind.GraphPart;
import org.diffusionlab.core.onnx.OnnxSession;
import org.diffusionlab.core.vae.OnnxVae;
import org.diffusionlab.core.vae.Vae;

/**
 * A model exported from PyTorch that passed every check ({@link Inspection}): its sidecar and open ONNX Runtime
 * sessions, turned into the app's own kinds — a {@link Vae} or a {@link DiffusionModel} — which every view and
 * command then uses as it uses the app's models. Inference only. The sessions close when the model is collected.
 */
public final class ImportedModel {
    private static final Cleaner CLEANER = Cleaner.create();
    private final String file;
    private final Sidecar sidecar;
    private final Map<GraphPart, GraphSignature> signatures;
    private final Map<GraphPart, OnnxSession> sessions;

    ImportedModel(String file, Sidecar sidecar, Map<GraphPart, GraphSignature> signatures, Map<GraphPart, OnnxSession> sessions) {
        this.file = file;
        this.sidecar = sidecar;
        this.signatures = Map.copyOf(signatures);
        this.sessions = Map.copyOf(sessions);
    }

    /** Reads and checks {@code file}; a refusal names the check that failed. */
    public static ImportedModel open(Path file) throws BadInputException {
        return Inspection.of(file).require();
    }

    /** Whether {@code file} is one (a .onnx or .json, or a zip holding model.json), so callers know which reader to use. */
    public static boolean isImported(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".onnx") || name.endsWith(".json")) {
            return true;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry(ModelFiles.SIDECAR) != null;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Closes the sessions now (a model only inspected); the Vae or DiffusionModel made from it then stops working. */
    public void close() {
        sessions.values().forEach(OnnxSession::close);
    }

    public Sidecar sidecar() {
        return sidecar;
    }

    public String file() {
        return file;
    }

    public long parameterCount() {
        return signatures.values().stream().mapToLong(GraphSignature::parameters).sum();
    }

    /** The VAE; refused if this is a U-Net, or if its images are in colour (the VAE views and commands take grey). */
    public Vae vae() throws BadInputException {
        if (!sidecar.isVae()) {
            throw new BadInputException(file + ": a noise-prediction U-Net, not a VAE", "imported.notVae", file);
        }
        if (sidecar.image().channels() != 1) {
            throw new BadInputException(file + ": a VAE of " + sidecar.image() + " colour images; the views and commands that"
                    + " use VAEs take grey images", "imported.colourVae", file, sidecar.image().toString());
        }
        long[] x = sidecar.graphs().containsKey(GraphPart.ENCODER)
                ? sidecar.graphs().get(GraphPart.ENCODER).inputs().get("x") : new long[] {-1, sidecar.image().size()};
        OnnxVae vae = new OnnxVae(sidecar.vaeArchitecture(), sidecar.likelihood(), sessions.get(GraphPart.ENCODER),
                Arrays.copyOfRange(x, 1, x.length), sessions.get(GraphPart.DECODER), parameterCount(), describe());
        closeWhenCollected(vae);
        return vae;
    }

    /** The diffusion model: the U-Net with the sidecar's schedule ("digits" if its images are 1×28×28). */
    public DiffusionModel diffusion() throws BadInputException {
        if (sidecar.isVae()) {
            throw new BadInputException(file + ": a VAE, not a noise-prediction U-Net", "imported.notUnet", file);
        }
        Sidecar.ImageShape image = sidecar.image();
        String data = image.channels() == 1 && image.height() == 28 && image.width() == 28 ? DiffusionModel.DIGITS : IMAGES;
        DiffusionModel model = DiffusionModel.imported(new OnnxNoiseNetwork(sessions.get(GraphPart.UNET), sidecar, parameterCount(),
                describe()), sidecar.schedule(), data);
        closeWhenCollected(model);
        return model;
    }

    /** The data-set name of an imported U-Net whose images are not the bundled digits. */
    public static final String IMAGES = "images";

    /** E.g. "ONNX VAE 784-20 (pytorch 1.13.0)". */
    public String describe() {
        String what = switch (sidecar.kind()) {
            case VAE -> "VAE " + sidecar.image().size() + "-" + sidecar.latent();
            case VAE_DECODER -> "VAE decoder " + sidecar.latent() + "-" + sidecar.image().size();
            case EPS_UNET -> "U-Net " + sidecar.image();
        };
        return "ONNX " + what + " (" + signatures.values().iterator().next().producer() + ")";
    }

    private void closeWhenCollected(Object owner) {
        Map<GraphPart, OnnxSession> open = sessions;
        CLEANER.register(owner, () -> open.values().forEach(OnnxSession::close));
    }
}
