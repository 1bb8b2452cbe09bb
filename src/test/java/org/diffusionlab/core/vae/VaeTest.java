package org.diffusionlab.core.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The float[] API the UI calls. */
class VaeTest {
    private final MlpVae vae = Vae.initial(VaeArchitecture.digits(List.of(32), 4), 9);

    private static float[][] images(int count) {
        float[][] images = new float[count][784];
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < 784; j++) {
                images[i][j] = ((i * 31 + j * 7) % 11) / 10f;
            }
        }
        return images;
    }

    @Test
    void theOneVectorFastPathAgreesWithTheBatchDecoder() {
        float[][] latents = vae.samplePrior(3, 5);
        float[][] batch = vae.decode(latents);
        float[] pixels = new float[784];
        for (int i = 0; i < latents.length; i++) {
            vae.decode(latents[i], pixels);
            assertArrayEquals(batch[i], pixels, 1e-6f);
            assertArrayEquals(batch[i], vae.decode(latents[i]), 1e-6f);
        }
        for (float p : pixels) {
            assertTrue(p > 0 && p < 1);
        }
        assertThrows(IllegalArgumentException.class, () -> vae.decode(new float[3], pixels));
    }

    @Test
    void encodingIsTheSameInAnyChunkingAndReconstructDecodesTheMean() {
        float[][] many = images(VaeBatches.CHUNK + 3);
        GaussianPosterior all = vae.encode(many);
        GaussianPosterior last = vae.encode(Arrays.copyOfRange(many, VaeBatches.CHUNK, VaeBatches.CHUNK + 3));
        assertEquals(many.length, all.count());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(last.mean()[i], all.mean()[VaeBatches.CHUNK + i], 1e-6f);
            assertArrayEquals(last.logVariance()[i], all.logVariance()[VaeBatches.CHUNK + i], 1e-6f);
        }
        float[][] two = Arrays.copyOf(many, 2);
        assertArrayEquals(vae.decode(vae.encode(two).mean())[1], vae.reconstruct(two)[1], 1e-6f);
    }

    @Test
    void everyRandomThingFollowsItsSeed() {
        assertArrayEquals(vae.samplePrior(2, 1)[1], vae.samplePrior(2, 1)[1]);
        assertFalse(Arrays.equals(vae.samplePrior(2, 1)[1], vae.samplePrior(2, 2)[1]));
        float[][] images = images(5);
        assertEquals(vae.elbo(images, 3), vae.elbo(images, 3));
        assertEquals(vae.evaluate(images), vae.evaluate(images));
        GaussianPosterior posterior = vae.encode(images);
        assertArrayEquals(vae.sampleLatent(posterior, 8)[4], vae.sampleLatent(posterior, 8)[4]);
    }

    @Test
    void elboTermsAreMeansOfThePerImageTerms() {
        List<ElboTerms> each = vae.elbo(images(4), Vae.EVALUATION_SEED);
        ElboTerms mean = vae.evaluate(images(4));
        assertEquals(each.stream().mapToDouble(ElboTerms::negElboNats).average().orElseThrow(), mean.negElboNats(), 1e-9);
        for (ElboTerms t : each) {
            assertTrue(t.klNats() >= 0 && t.reconstructionNats() > 0);
        }
    }

    @Test
    void aCopyIsIndependent() {
        MlpVae copy = vae.copy();
        assertArrayEquals(vae.parameters().toFloatArray(), copy.parameters().toFloatArray());
        copy.parameters().write(new float[(int) copy.parameters().size()]);
        assertFalse(Arrays.equals(vae.parameters().toFloatArray(), copy.parameters().toFloatArray()));
    }
}
