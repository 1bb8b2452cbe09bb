package org.diffusionlab.core.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.diffusionlab.core.io.ModelArchive;
import org.junit.jupiter.api.Test;

/** A spec written out is exactly the "architecture" object of the manifests the app already ships (keys and order). */
class DenoiserSpecJsonTest {
    @Test
    void theBundledManifestsArchitecturesAreWrittenAgainByteForByte() throws Exception {
        for (String model : List.of("ddpm-mnist.zip", "ddpm-toy2d-two-moons.zip", "ddpm-toy2d-checkerboard.zip")) {
            ModelArchive archive = ModelArchive.read(Path.of("models", model));
            assertEquals(archive.manifest().get("architecture").toString(), DenoiserSpec.fromManifest(archive).toJson().toString(),
                    model);
        }
    }
}
