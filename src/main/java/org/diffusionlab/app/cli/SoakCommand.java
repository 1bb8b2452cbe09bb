package org.diffusionlab.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.bytedeco.javacpp.Pointer;
import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.data.DiffusionData;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.data.ImageLoader;
import org.diffusionlab.core.data.Raster;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.diffusion.NoisingChain;
import org.diffusionlab.core.diffusion.ReverseChain;
import org.diffusionlab.core.diffusion.Sampler;
import org.diffusionlab.core.io.Figures;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.nn.Threads;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.train.DiffusionTrainingConfig;
import org.diffusionlab.core.train.DiffusionTrainingSession;
import org.diffusionlab.core.train.TrainingSession;
import org.diffusionlab.core.train.VaeTrainingSession;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A memory soak: what the app does all day, in a loop (forward playback frames of a photo, latent decoding with the
 * bundled VAE, VAE and U-Net training steps, DDIM sampling with the bundled digit model). Every interval it prints
 * one JSON line with the Java heap in use after a collection and javacpp's physical and tracked native bytes; at the
 * end the slope of each after the first third (warm-up), in MB per minute. A leak shows as a slope that stays up.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "Run the app's work in a loop and print heap and native memory every interval, then their slopes.")
public final class SoakCommand implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "10", description = "how long to run (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--interval", defaultValue = "10", description = "seconds between reports (default: ${DEFAULT-VALUE})")
    int interval;

    /** One report: seconds since the start, heap used after a collection, javacpp physical and tracked bytes. */
    record Sample(double seconds, double heapMegabytes, double physicalMegabytes, double nativeMegabytes) {
    }

    @Override
    public Integer call() throws Exception {
        Threads.set(Threads.available());
        Digits digits = Digits.bundled();
        NoisingChain forward = new NoisingChain(ImageLoader.load(Assets.root().resolve("images/chelsea.png"), 128).picture(),
                NoiseSchedule.linear(1000), 1, NoisingChain.Mode.JUMP);
        Vae latentVae = VaeFile.read(Assets.models().resolve("vae-mnist-z16.zip")).vae();
        DiffusionModel sampler = DiffusionModel.read(Assets.models().resolve("ddpm-mnist.zip"));
        VaeArchitecture vaeArchitecture = VaeArchitecture.digits(List.of(400), 16);
        TrainingSession vaeTraining = new VaeTrainingSession(new VaeTrainingConfig(vaeArchitecture, 1, 1e-3, 128, 1000, 1),
                VaeDataset.digits(digits));
        DiffusionModel unet = new DiffusionModel(new DenoiserSpec.UNetSpec(28, 32, 8, 128, true).build(1),
                NoiseSchedule.linear(1000), DiffusionModel.DIGITS);
        TrainingSession unetTraining = new DiffusionTrainingSession(unet, DiffusionData.digits(digits),
                DiffusionTrainingConfig.digits(1).withEpochs(1000));

        SplittableRandom random = new SplittableRandom(1);
        float[] z = new float[latentVae.architecture().latent()];
        float[] pixels = new float[latentVae.architecture().inputSize()];
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        long nextReport = start + interval * 1_000_000_000L;
        long rounds = 0;
        while (System.nanoTime() < end) {
            rounds++;
            for (int frame = 0; frame < 20; frame++) {
                var xt = forward.frame(1 + random.nextInt(1000)).xt();
                Raster.of(xt, forward.picture().width(), forward.picture().height(), forward.picture().channels(), -1f, 1f);
            }
            for (int k = 0; k < 200; k++) {
                z[random.nextInt(z.length)] = (float) (6 * random.nextDouble() - 3);
                latentVae.decode(z, pixels);
            }
            step(vaeTraining, rounds, 5);
            step(unetTraining, rounds, 1);
            ReverseChain.fromNoise(sampler, new Sampler.Ddim(10, 0), 4, rounds).finish();
            if (System.nanoTime() >= nextReport) {
                samples.add(report(start, rounds));
                nextReport += interval * 1_000_000_000L;
            }
        }
        if (samples.isEmpty() || (System.nanoTime() - start) / 1e9 - samples.get(samples.size() - 1).seconds() > 1) {
            samples.add(report(start, rounds));
        }
        Map<String, Object> slopes = new LinkedHashMap<>();
        List<Sample> settled = samples.subList(samples.size() / 3, samples.size());
        slopes.put("after_warm_up_seconds", Figures.round(settled.get(0).seconds(), 1));
        slopes.put("heap_mb_per_minute", Figures.round(slope(settled, Sample::heapMegabytes), 3));
        slopes.put("javacpp_physical_mb_per_minute", Figures.round(slope(settled, Sample::physicalMegabytes), 3));
        slopes.put("javacpp_tracked_mb_per_minute", Figures.round(slope(settled, Sample::nativeMegabytes), 3));
        slopes.put("rounds", rounds);
        Figures.requireFinite("soak", slopes);
        System.out.println(Json.line(slopes));
        return 0;
    }

    private static void step(TrainingSession session, long round, int steps) {
        for (int i = 0; i < steps; i++) {
            long step = (round - 1) * steps + i + 1;
            int epoch = (int) Math.min(session.epochs(), 1 + (step - 1) / session.stepsPerEpoch());
            session.step(epoch, step);
        }
    }

    private static Sample report(long start, long rounds) {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        Sample sample = new Sample((System.nanoTime() - start) / 1e9, (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0,
                Pointer.physicalBytes() / 1048576.0, Pointer.totalBytes() / 1048576.0);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seconds", Figures.round(sample.seconds(), 1));
        line.put("rounds", rounds);
        line.put("heap_used_mb", Figures.round(sample.heapMegabytes(), 1));
        line.put("javacpp_physical_mb", Figures.round(sample.physicalMegabytes(), 1));
        line.put("javacpp_tracked_mb", Figures.round(sample.nativeMegabytes(), 1));
        System.out.println(Json.line(line));
        System.out.flush();
        return sample;
    }

    /** Least-squares slope of a figure against time, per minute; 0 for fewer than two samples. */
    static double slope(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> figure) {
        int n = samples.size();
        if (n < 2) {
            return 0;
        }
        double meanT = samples.stream().mapToDouble(Sample::seconds).average().orElse(0);
        double meanY = samples.stream().mapToDouble(figure).average().orElse(0);
        double covariance = 0;
        double variance = 0;
        for (Sample s : samples) {
            covariance += (s.seconds() - meanT) * (figure.applyAsDouble(s) - meanY);
            variance += (s.seconds() - meanT) * (s.seconds() - meanT);
        }
        return variance == 0 ? 0 : covariance / variance * 60;
    }
}
