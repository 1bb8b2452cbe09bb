package org.diffusionlab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.ui.common.Localized;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.Worker;

/** Puts the models shipped in models/ on the shelves at start-up, reading them on the worker thread. */
final class BundledModels {
    /** Loaded first, so it is the Latent view's default: its plane is the whole latent space. */
    static final String DEFAULT_VAE = "vae-mnist-z2.zip";

    private BundledModels() {
    }

    static void load(Worker worker, ModelShelf<Vae> vaes) {
        worker.submit("bundled-vaes", BundledModels::readVaes, loaded -> loaded.forEach(model -> vaes.put(model.fileName(),
                ModelShelf.Origin.BUNDLED, Localized.of("message.plain", model.summary()), model.vae())), e -> {
            System.err.println("bundled models: " + e.getMessage());
        });
    }

    private static List<VaeFile.Loaded> readVaes() throws IOException {
        List<Path> files = new ArrayList<>();
        Path directory = Assets.models();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> listing = Files.list(directory)) {
                listing.filter(p -> p.getFileName().toString().startsWith("vae-") && p.toString().endsWith(".zip"))
                        .sorted((a, b) -> a.getFileName().toString().equals(DEFAULT_VAE) ? -1
                                : b.getFileName().toString().equals(DEFAULT_VAE) ? 1 : a.compareTo(b))
                        .forEach(files::add);
            }
        }
        List<VaeFile.Loaded> loaded = new ArrayList<>();
        for (Path file : files) {
            try {
                loaded.add(VaeFile.read(file));
            } catch (org.diffusionlab.core.BadInputException e) {
                System.err.println("skipping a bundled model: " + e.getMessage());
            }
        }
        return loaded;
    }
}
