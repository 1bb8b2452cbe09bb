package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.io.Figures;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.vae.ElboTerms;
import org.diffusionlab.core.vae.MlpVae;
import org.diffusionlab.core.vae.Vae;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "eval-vae", mixinStandardHelpOptions = true,
        description = "Evaluate a VAE model file on the 1,000 held-out digits; prints one JSON line (nats per image).")
public final class EvalVaeCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "a VAE model file (.zip), or one exported from PyTorch (.onnx)")
    Path model;

    @Option(names = "--samples", defaultValue = "1", description = "draws of z ~ q(z|x) per image for the reconstruction term,"
            + " 1..1000; the first is the one the app's figures use (default: ${DEFAULT-VALUE})")
    int samples;

    @Override
    public Integer call() throws Exception {
        Vae vae = ModelFile.vae(model);
        Digits digits = Digits.bundled();
        float[][] heldOut = digits.pixels(digits.heldOutStart(), Digits.HELD_OUT);
        NativeThreads.denseNetworks();
        long start = System.nanoTime();
        ElboTerms terms = vae.evaluate(heldOut, samples);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> line = new LinkedHashMap<>();
        String name = model.getFileName().toString();
        line.put("model", name);
        line.put("architecture", vae instanceof MlpVae ? vae.architecture().describe() : vae.describe());
        line.put("images", heldOut.length);
        line.put("samples_per_image", samples);
        line.put(Metric.NEG_ELBO.heldOutKey(), round(terms.negElboNats()));
        line.put(Metric.RECON.heldOutKey(), round(terms.reconstructionNats()));
        line.put(Metric.KL.heldOutKey(), round(terms.klNats()));
        line.put("noise_seed", Vae.EVALUATION_SEED);
        line.put("seconds", round(seconds));
        Figures.requireFinite(name, line);
        System.out.println(Json.line(line));
        return 0;
    }

    private static double round(double value) {
        return Figures.round(value, 3);
    }
}
