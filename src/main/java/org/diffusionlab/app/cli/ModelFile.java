package org.diffusionlab.app.cli;

import java.nio.file.Path;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.imported.ImportedModel;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;

/**
 * What {@code --model} names: the app's own model zip, or a model exported from PyTorch (tools/export_model.py: a
 * .zip holding model.json, the sidecar .json, or an .onnx beside it), read and checked by core.imported. Every command
 * that takes a model reads it here, so both kinds of file work wherever a model does.
 */
final class ModelFile {
    private ModelFile() {
    }

    static Vae vae(Path file) throws BadInputException {
        return ImportedModel.isImported(file) ? ImportedModel.open(file).vae() : VaeFile.read(file).vae();
    }

    static DiffusionModel diffusion(Path file) throws BadInputException {
        return ImportedModel.isImported(file) ? ImportedModel.open(file).diffusion() : DiffusionModel.read(file);
    }

    /** {@link VaeFile#KIND} or {@link DiffusionModel#KIND} for an imported model, else the archive's own kind. */
    static String kind(Path file) throws BadInputException {
        if (ImportedModel.isImported(file)) {
            return ImportedModel.open(file).sidecar().isVae() ? VaeFile.KIND : DiffusionModel.KIND;
        }
        return ModelArchive.read(file).kind();
    }
}
