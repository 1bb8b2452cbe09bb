package org.diffusionlab.ui.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.diffusionlab.core.data.Picture;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.vae.GaussianPosterior;
import org.diffusionlab.core.vae.Vae;

/** The Latent view's worker-side work: decoding to rasters, q(z|x) of one image, a loaded picture as a digit. */
public final class LatentImages {
    private LatentImages() {
    }

    static List<Raster> rasters(Vae vae, float[][] images) {
        List<Raster> rasters = new ArrayList<>(images.length);
        for (float[] image : images) {
            rasters.add(Raster.of(image, vae.architecture().width(), vae.architecture().height(), 1, 0f, 1f));
        }
        return List.copyOf(rasters);
    }

    /** q(z|x) of one image, a z = μ + σ ⊙ ε with ε from the seed, its reconstruction and KL(q ‖ N(0, I)). */
    static LatentViewModel.Posterior posterior(Vae vae, float[] image, long seed) {
        GaussianPosterior q = vae.encode(new float[][] {image});
        int size = vae.architecture().latent();
        float[] mean = q.mean()[0];
        float[] sigma = new float[size];
        float[] epsilon = new float[size];
        float[] z = new float[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int k = 0; k < size; k++) {
            sigma[k] = (float) q.sigma(0, k);
            epsilon[k] = (float) random.nextGaussian();
            z[k] = mean[k] + sigma[k] * epsilon[k];
        }
        Raster input = Raster.of(image, vae.architecture().width(), vae.architecture().height(), 1, 0f, 1f);
        return new LatentViewModel.Posterior(input, mean, sigma, epsilon, z, vae.decodeRaster(z), q.kl(0));
    }

    /**
     * A picture (already scaled to fit) as grey pixels in [0, 1], centred on a width × height canvas. MNIST
     * convention: bright ink on a dark background, so dark-on-light images are inverted first.
     */
    static float[] toGrey(Picture picture, int width, int height) {
        int plane = picture.width() * picture.height();
        float[] grey = new float[plane];
        double mean = 0;
        for (int i = 0; i < plane; i++) {
            float sum = 0;
            for (int c = 0; c < picture.channels(); c++) {
                sum += picture.values()[c * plane + i];
            }
            grey[i] = sum / picture.channels();
            mean += grey[i];
        }
        boolean invert = mean / plane > 0.5;
        float[] canvas = new float[width * height];
        int left = (width - picture.width()) / 2;
        int top = (height - picture.height()) / 2;
        for (int row = 0; row < picture.height(); row++) {
            for (int col = 0; col < picture.width(); col++) {
                float v = grey[row * picture.width() + col];
                canvas[(top + row) * width + left + col] = invert ? 1 - v : v;
            }
        }
        return canvas;
    }
}
