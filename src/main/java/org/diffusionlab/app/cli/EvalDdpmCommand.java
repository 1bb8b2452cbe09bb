package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.diffusion.DiffusionElbo;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.eval.DigitClassifier;
import org.diffusionlab.core.eval.SampleQuality;
import org.diffusionlab.core.io.Figures;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.io.ModelArchive;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.Threads;
import org.diffusionlab.core.random.Seeds;
import org.nd4j.linalg.factory.Nd4j;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "eval-ddpm", mixinStandardHelpOptions = true,
        description = "Judge a digit diffusion model: sample it, classify the samples, compare classifier features with "
                + "held-out digits, and compute the exact held-out −ELBO. Prints one JSON object.")
public final class EvalDdpmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "a digit diffusion model (.zip), or one exported from PyTorch (.onnx)")
    Path model;

    @Option(names = "--classifier", defaultValue = "models/digit-classifier.zip",
            description = "the digit classifier (default: ${DEFAULT-VALUE})")
    Path classifier;

    @Option(names = "--n", defaultValue = "1000", description = "samples to draw (default: ${DEFAULT-VALUE})")
    int count;

    @Mixin
    SamplerOptions sampler = new SamplerOptions();

    @Option(names = "--seed", defaultValue = "1", description = "sampling seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--elbo-images", defaultValue = "100",
            description = "held-out digits for the exact −ELBO (every t; 0 skips it) (default: ${DEFAULT-VALUE})")
    int elboImages;

    @Option(names = "--threads", defaultValue = "0", description = "native threads (0: all cores) (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--grid", description = "also write the first 64 samples as a PNG grid")
    Path grid;

    @Option(names = "--write-metrics", description = "store the figures in the model file's manifest (metrics)")
    boolean writeMetrics;

    @Override
    public Integer call() throws Exception {
        if (count < 10 || count > 100_000) {
            throw new IllegalArgumentException("--n must be from 10 to 100000, not " + count);
        }
        if (elboImages < 0 || elboImages > Digits.HELD_OUT) {
            throw new IllegalArgumentException("--elbo-images must be from 0 to " + Digits.HELD_OUT);
        }
        Threads.set(threads > 0 ? threads : Threads.available());
        DiffusionModel diffusion = ModelFile.diffusion(model);
        if (!diffusion.isImage() || diffusion.dimensions() != 784) {
            throw new BadInputException(model.getFileName() + ": eval-ddpm judges 28×28 digit models; this one models "
                    + diffusion.dataSet());
        }
        DigitClassifier judge = DigitClassifier.read(classifier);
        DiffusionData digits = DiffusionData.digits(Digits.bundled());

        long start = System.nanoTime();
        float[] samples = new float[count * 784];
        int batch = 250;
        for (int from = 0; from < count; from += batch) {
            int n = Math.min(batch, count - from);
            float[] part = ReverseChain.fromNoise(diffusion, sampler.sampler(), n, Seeds.derive(seed, from))
                    .finish().dup('c').data().asFloat();
            System.arraycopy(part, 0, samples, from * 784, part.length);
            System.err.printf("\rsampled %d/%d", from + n, count);
        }
        double samplingSeconds = (System.nanoTime() - start) / 1e9;
        System.err.println();
        Figures.requireFiniteSamples(model.getFileName().toString(), samples);

        int reference = digits.heldOutCount();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("model", model.getFileName().toString());
        result.put("sampler", sampler.sampler().label());
        result.put("n", count);
        result.put("seed", seed);
        Map<Metric, Double> quality = SampleQuality.of(judge.classify(samples, count), judge.classify(digits.heldOut(), reference),
                judge.classify(Arrays.copyOf(digits.train(), reference * 784), reference));
        quality.forEach((metric, value) -> result.put(metric.key(), round(value)));
        result.put("sampling_seconds", round(samplingSeconds));
        if (elboImages > 0) {
            start = System.nanoTime();
            float[] images = Arrays.copyOf(digits.heldOut(), elboImages * 784);
            DiffusionElbo.Terms terms = new DiffusionElbo(diffusion.schedule(), true)
                    .exact(diffusion, Nd4j.create(images, diffusion.batchShape(elboImages), 'c'), seed);
            result.put(Metric.NEG_ELBO_BITS.heldOutKey(), round(terms.bitsPerDimension()));
            result.put(Metric.NEG_ELBO.heldOutKey(), round(terms.total()));
            result.put(Metric.ELBO_RECON.heldOutKey(), round(terms.reconstruction()));
            result.put(Metric.ELBO_PRIOR.heldOutKey(), round(terms.prior()));
            result.put(Metric.ELBO_DENOISING.heldOutKey(), round(terms.denoising()));
            result.put("heldout_neg_elbo_images", elboImages);
            result.put("elbo_seconds", round((System.nanoTime() - start) / 1e9));
        }
        Figures.requireFinite(model.getFileName().toString(), result);
        System.out.println(Json.line(result));
        if (grid != null) {
            SamplePictures.write(diffusion, Arrays.copyOf(samples, Math.min(64, count) * 784), grid);
            System.err.println("wrote " + grid);
        }
        if (writeMetrics && diffusion.isImported()) {
            System.err.println("not stored: " + model.getFileName() + " was exported from PyTorch, and its files are left as they are");
        } else if (writeMetrics) {
            ModelArchive archive = ModelArchive.read(model);
            ObjectNode metrics = archive.manifest().withObject("/metrics");
            result.forEach((key, value) -> {
                if (value instanceof Number number && !key.equals("n") && !key.equals("seed")) {
                    metrics.put(key, number.doubleValue());
                }
            });
            metrics.put("evaluation_command", Reproduce.command(spec));
            metrics.put("evaluation_sampler", sampler.sampler().label());
            metrics.put("evaluation_samples", count);
            archive.write(model);
            System.err.println("stored the figures in " + model);
        }
        return 0;
    }

    private static double round(double value) {
        return Figures.round(value, 4);
    }
}
