package org.diffusionlab.core.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;

import org.diffusionlab.core.imported.Fixtures;
import org.diffusionlab.core.imported.ImportedModel;
import org.diffusionlab.core.io.Json;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** The app's DDIM sampler calling a U-Net exported from PyTorch retraces the chain PyTorch ran (make_fixtures.py). */
class ImportedChainTest {
    @Test
    void aDdim10ChainFromAFixedStartMatchesPyTorchsChain() throws Exception {
        JsonNode stored = Json.MAPPER.readTree(Files.readString(Fixtures.path("unet-tiny-28.ddim10.json")));
        DiffusionModel model = ImportedModel.open(Fixtures.path(Fixtures.UNET)).diffusion();
        int samples = stored.get("samples").asInt();
        float[] start = floats(stored.get("start"));
        ReverseChain chain = new ReverseChain(model, model.schedule(), new Sampler.Ddim(stored.get("steps").asInt(), 0),
                Nd4j.create(start, model.batchShape(samples), 'c'), model.schedule().steps(), 1, model.isImage());
        assertEquals(10, chain.steps());
        float[] end = chain.finish().dup('c').data().asFloat();
        assertArrayEquals(floats(stored.get("end")), end, 2e-4f);
    }

    private static float[] floats(JsonNode node) {
        float[] values = new float[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = node.get(i).floatValue();
        }
        return values;
    }
}
