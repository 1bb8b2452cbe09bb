package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.elbo.DiffusionChainReport;
import org.diffusionlab.core.elbo.DigitInput;
import org.diffusionlab.core.elbo.ElboKeys;
import org.diffusionlab.core.elbo.VaeElboReport;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "elbo", mixinStandardHelpOptions = true,
        description = "The bounds on log p(x) of one image, in nats; prints one JSON line. A VAE: ELBO (reconstruction"
                + " and KL terms), IWAE-K with its standard error and, for a 2-D latent, log p(x) by quadrature on a"
                + " refined grid and KL(q(z|x) || p(z|x)) = log p(x) - ELBO. A diffusion model: L_1 (reconstruction),"
                + " L_2 ... L_T, the prior term and the total, in nats and bits/dim.")
public final class ElboCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a VAE or digit diffusion model file (.zip), or one exported"
            + " from PyTorch (.onnx)")
    Path model;

    @Option(names = "--image", required = true, paramLabel = "FILE|digit:N|photo:NAME",
            description = "an image file (e.g. a drawing saved as PNG), a bundled digit (digit:0..9999; 9000.. are held out)"
                    + " or photo")
    String image;

    @Option(names = "--k", defaultValue = "5000", description = "importance samples for IWAE-K, 1..100000 (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--seed", defaultValue = "1", description = "sampling seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--grid", defaultValue = "200",
            description = "grid cells per side for a 2-D latent, 100..1000 (default: ${DEFAULT-VALUE})")
    int grid;

    @Override
    public Integer call() throws Exception {
        if (k < 1 || k > 100_000) {
            throw new BadInputException("--k must be from 1 to 100000, not " + k);
        }
        if (grid < 100 || grid > 1000) {
            throw new BadInputException("--grid must be from 100 to 1000, not " + grid);
        }
        float[] pixels = DigitInput.pixels(ImageArgument.load(image).picture());
        String kind = ModelFile.kind(model);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(ElboKeys.MODEL, model.getFileName().toString());
        line.put(ElboKeys.IMAGE, image);
        line.put(ElboKeys.KIND, kind);
        long start = System.nanoTime();
        if (VaeFile.KIND.equals(kind)) {
            NativeThreads.denseNetworks();
            Vae vae = ModelFile.vae(model);
            if (!vae.hasEncoder() || vae.architecture().inputSize() != pixels.length) {
                throw new BadInputException(model.getFileName() + ": the elbo command takes a VAE of 28×28 digits with an encoder");
            }
            line.putAll(VaeElboReport.compute(vae, pixels, k, seed, grid, VaeElboReport.REFINEMENTS, () -> false).asMap());
        } else if (DiffusionModel.KIND.equals(kind)) {
            DiffusionModel diffusion = ModelFile.diffusion(model);
            if (!diffusion.isImage() || diffusion.dimensions() != pixels.length) {
                throw new BadInputException(model.getFileName() + " models " + diffusion.dataSet()
                        + "; the elbo command takes a 28×28 digit model");
            }
            diffusion.applyThreadProfile();
            int steps = diffusion.schedule().steps();
            DiffusionChainReport report = DiffusionChainReport.compute(diffusion, DigitInput.signed(pixels), seed,
                    (t, term) -> {
                        if (t % 50 == 0 || t == steps) {
                            System.err.printf("\rL_t: %d/%d", t, steps);
                        }
                    }, () -> false);
            System.err.println();
            line.put(ElboKeys.SEED, seed);
            line.putAll(report.asMap());
        } else {
            throw new BadInputException(model.getFileName() + " is a '" + kind + "' model; elbo takes a VAE or a diffusion model");
        }
        line.put(ElboKeys.SECONDS, (System.nanoTime() - start) / 1e9);
        System.out.println(Json.line(line));
        return 0;
    }
}
