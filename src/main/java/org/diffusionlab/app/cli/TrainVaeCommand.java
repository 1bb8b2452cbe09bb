package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.io.Figures;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingRun;
import org.diffusionlab.core.train.VaeTrainingSession;
import org.diffusionlab.core.vae.ElboTerms;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train-vae", mixinStandardHelpOptions = true,
        description = {"Train a VAE on the bundled digits (the first 9,000), evaluate it on the last 1,000 after every epoch,"
                + " and save it. Progress goes to stderr; the final held-out metrics to stdout as one JSON line."})
public final class TrainVaeCommand implements Callable<Integer> {
    @Option(names = "--latent", defaultValue = "16", description = "latent size, 2..64 (default: ${DEFAULT-VALUE})")
    int latent;

    @Option(names = "--hidden", defaultValue = "400", split = ",",
            description = "encoder hidden layer sizes, e.g. 400 or 512,256; the decoder mirrors them (default: ${DEFAULT-VALUE})")
    List<Integer> hidden;

    @Option(names = "--beta", defaultValue = "1", description = "weight β of the KL term (1 = the ELBO) (default: ${DEFAULT-VALUE})")
    double beta;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(names = "--batch", defaultValue = "128", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--epochs", defaultValue = "50", description = "passes over the 9,000 training digits (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the weights, batches and noise (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--out", required = true, description = "the model file to write (.zip)")
    Path out;

    @Override
    public Integer call() throws Exception {
        VaeTrainingConfig config = new VaeTrainingConfig(VaeArchitecture.digits(hidden, latent), beta, learningRate, batch,
                epochs, seed);
        VaeDataset data = VaeDataset.digits(Digits.bundled());
        VaeTrainingSession session = new VaeTrainingSession(config, data);
        ProgressBar bar = new ProgressBar(System.err);
        System.err.println("training VAE " + config.architecture().describe() + " (" + config.architecture().parameterCount()
                + " parameters) on " + data.trainCount() + " digits, " + epochs + " epochs of " + session.stepsPerEpoch()
                + " steps");
        List<TrainingEvent> ends = new ArrayList<>();
        TrainingRun run = new TrainingRun(session, event -> {
            if (event instanceof TrainingEvent.Step s) {
                bar.update(s.step(), s.totalSteps(), s.elapsedSeconds(), String.format(Locale.ROOT,
                        "epoch %d/%d  −ELBO %.1f (recon %.1f + KL %.1f)", s.epoch(), epochs, s.values().get(Metric.NEG_ELBO),
                        s.values().get(Metric.RECON), s.values().get(Metric.KL)), false);
            } else if (event instanceof TrainingEvent.Evaluation e) {
                bar.println(String.format(Locale.ROOT, "epoch %d/%d: held-out −ELBO %.2f nats (recon %.2f + KL %.2f)",
                        e.epoch(), epochs, e.values().get(Metric.NEG_ELBO), e.values().get(Metric.RECON),
                        e.values().get(Metric.KL)));
            } else if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
                bar.end();
                ends.add(event);
            }
        });
        run.run();
        TrainingEvent end = ends.isEmpty() ? null : ends.get(0);
        TrainingOutcome.requireFinished(end, out);
        double seconds = ((TrainingEvent.Finished) end).seconds();
        ElboTerms heldOut = session.lastHeldOut();
        VaeFile.write(out, session.model(), session.trainingRecord(out.toString(), seconds));
        System.err.println("wrote " + out + " in " + ProgressBar.duration(seconds));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", out.toString());
        line.put("seconds", Figures.round(seconds, 1));
        line.put(Metric.NEG_ELBO.heldOutKey(), heldOut.negElboNats());
        line.put(Metric.RECON.heldOutKey(), heldOut.reconstructionNats());
        line.put(Metric.KL.heldOutKey(), heldOut.klNats());
        Figures.requireFinite(out.getFileName().toString(), line);
        System.out.println(Json.line(line));
        return 0;
    }
}
