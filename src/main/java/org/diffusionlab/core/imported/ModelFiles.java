package org.diffusionlab.core.imported;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.Limits;
import org.diffusionlab.core.io.ZipEntries;

/**
 * The files of a model exported from PyTorch: one zip holding {@code model.json} and the .onnx graphs it names, or
 * the sidecar {@code name.json} beside {@code name.onnx} (or {@code name.encoder.onnx} and {@code name.decoder.onnx}).
 * Opening the .zip, the .json or any of the .onnx files finds the rest. Every size is checked before it is read.
 */
final class ModelFiles {
    static final String SIDECAR = "model.json";
    private final String name;
    private final byte[] sidecar;
    private final Map<String, byte[]> zipped;
    private final Path folder;

    private ModelFiles(String name, byte[] sidecar, Map<String, byte[]> zipped, Path folder) {
        this.name = name;
        this.sidecar = sidecar;
        this.zipped = zipped;
        this.folder = folder;
    }

    static ModelFiles open(Path file) throws BadInputException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(name + ": no such file");
        }
        if (name.endsWith(".zip")) {
            Map<String, byte[]> entries = ZipEntries.readAll(file, entry -> ZipEntries.isPlainName(entry)
                    && (entry.equals(SIDECAR) || entry.endsWith(".onnx")), SIDECAR + " and .onnx graphs");
            byte[] sidecar = entries.get(SIDECAR);
            if (sidecar == null) {
                throw new BadInputException(name + ": the zip has no " + SIDECAR + " (the sidecar tools/export_model.py writes)");
            }
            return new ModelFiles(name, sidecar, entries, null);
        }
        Path sidecarFile = sidecarOf(file);
        return new ModelFiles(name, read(sidecarFile, Limits.MAX_SIDECAR_BYTES), null, file.toAbsolutePath().getParent());
    }

    private static Path sidecarOf(Path file) throws BadInputException {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            return file;
        }
        if (!name.endsWith(".onnx")) {
            throw new BadInputException(name + ": not a model file (expected .zip, .onnx or .json)");
        }
        String stem = name.substring(0, name.length() - ".onnx".length());
        Path beside = file.resolveSibling(stem + ".json");
        int part = stem.lastIndexOf('.');
        if (!Files.exists(beside) && part > 0) {
            beside = file.resolveSibling(stem.substring(0, part) + ".json");
        }
        if (!Files.exists(beside)) {
            throw new BadInputException(name + ": no sidecar beside it (" + stem + ".json, which tools/export_model.py writes"
                    + " with the graph); an .onnx file alone does not say what the model is");
        }
        return beside;
    }

    String name() {
        return name;
    }

    byte[] sidecar() {
        return sidecar;
    }

    /** A graph's bytes by the file name the sidecar gives. */
    byte[] graph(String file) throws BadInputException {
        if (zipped != null) {
            byte[] bytes = zipped.get(file);
            if (bytes == null) {
                throw new BadInputException(name + ": the sidecar names " + file + ", which the zip does not hold");
            }
            return bytes;
        }
        return read(folder.resolve(file), Limits.MAX_ENTRY_BYTES);
    }

    private static byte[] read(Path file, long cap) throws BadInputException {
        String name = file.getFileName().toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(name + ": no such file");
            }
            long size = Files.size(file);
            if (size == 0) {
                throw new BadInputException(name + ": the file is empty");
            }
            if (size > cap) {
                throw new BadInputException(name + ": " + (size >> 20) + " MB, more than the " + (cap >> 20) + " MB accepted");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInputException(name + ": could not be read (" + e.getMessage() + ")", e);
        }
    }
}
