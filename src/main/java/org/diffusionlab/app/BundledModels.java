package org.diffusionlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.ModelDescriptions;
import org.diffusionlab.ui.common.work.Worker;

/** Puts the models shipped in models/ on the shelves at start-up, reading them on the worker thread. */
final class BundledModels {
    /** Read first, so they are the views' defaults: z2's plane is its whole latent space; the digit U-Net. */
    static final String DEFAULT_VAE = "vae-mnist-z2.zip";
    static final String DEFAULT_DIFFUSION = "ddpm-mnist.zip";

    private BundledModels() {
    }

    interface Reader<M> {
        ModelShelf.Entry<M> read(Path file) throws BadInputException;
    }

    static void load(Worker worker, ModelShelf<Vae> vaes, ModelShelf<DiffusionModel> diffusions) {
        load(worker, "vae-", DEFAULT_VAE, vaes, file -> {
            VaeFile.Loaded loaded = VaeFile.read(file);
            return new ModelShelf.Entry<>(loaded.fileName(), ModelShelf.Origin.BUNDLED, ModelDescriptions.vae(null,
                    loaded.vae().architecture(), loaded.heldOut() == null ? null : loaded.heldOut().negElboNats()), loaded.vae());
        });
        load(worker, "ddpm-", DEFAULT_DIFFUSION, diffusions, file -> {
            DiffusionModel model = DiffusionModel.read(file);
            return new ModelShelf.Entry<>(file.getFileName().toString(), ModelShelf.Origin.BUNDLED,
                    ModelDescriptions.diffusion(null, model), model);
        });
    }

    private static <M> void load(Worker worker, String prefix, String first, ModelShelf<M> shelf, Reader<M> reader) {
        worker.submit("bundled-" + prefix, () -> {
            List<ModelShelf.Entry<M>> loaded = new ArrayList<>();
            for (Path file : files(prefix, first)) {
                try {
                    loaded.add(reader.read(file));
                } catch (BadInputException e) {
                    System.err.println("skipping a bundled model: " + e.getMessage());
                }
            }
            return loaded;
        }, loaded -> loaded.forEach(e -> shelf.put(e.name(), e.title(), e.origin(), e.description(), e.model())),
                e -> System.err.println("bundled models: " + e.getMessage()));
    }

    private static List<Path> files(String prefix, String first) throws IOException {
        Path directory = Assets.models();
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".zip"))
                    .sorted(Comparator.comparing((Path p) -> !p.getFileName().toString().equals(first))
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }
}
