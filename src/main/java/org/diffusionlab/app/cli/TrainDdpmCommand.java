package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.DenoiserSpec;
import org.diffusionlab.core.train.DiffusionRecipe;
import org.diffusionlab.core.train.DiffusionTrainingConfig;
import org.diffusionlab.core.train.DiffusionTrainingSession;
import org.diffusionlab.core.train.TrainingEvent;
import org.diffusionlab.core.train.TrainingRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train-ddpm", mixinStandardHelpOptions = true,
        description = "Train a diffusion model (ε-prediction, L_simple) on the digits (U-Net) or a 2-D toy set (MLP) "
                + "and save it with the command that made it.")
public final class TrainDdpmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DiffusionOptions settings;

    @Option(names = "--samples-png", description = "also write a grid (digits) or scatter (2-D) of 64 samples to this PNG")
    Path samplesPng;

    @Option(names = "--init", description = "train this saved model further instead of fresh weights (same data, "
            + "architecture and schedule; its training record is kept in the new file as the parent run)")
    Path init;

    @Option(names = "--out", required = true, description = "the model file to write (.zip)")
    Path out;

    @Override
    public Integer call() throws Exception {
        DiffusionRecipe recipe = settings.recipe();
        DiffusionTrainingConfig config = recipe.config();
        DiffusionTrainingSession session = init == null ? recipe.session() : recipe.session(DiffusionModel.read(init));
        DiffusionModel model = session.model();
        DenoiserSpec architecture = recipe.architecture();
        var noiseSchedule = model.schedule();
        System.err.printf("training %s (%,d parameters) on %s: %d epochs × %d steps of %d, T = %d%n",
                architecture.describe(), model.denoiser().parameterCount(), model.dataSet(),
                config.epochs(), session.stepsPerEpoch(), config.batchSize(), noiseSchedule.steps());
        ProgressBar bar = new ProgressBar(System.err, config.batchSize());
        Map<Metric, Double>[] lastEvaluation = new Map[1];
        TrainingEvent[] end = new TrainingEvent[1];
        TrainingRun run = new TrainingRun(session, event -> {
            bar.accept(event);
            if (event instanceof TrainingEvent.Evaluation e) {
                lastEvaluation[0] = e.values();
            } else if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
                end[0] = event;
            }
        });
        run.run();
        TrainingOutcome.requireFinished(end[0], out);
        double seconds = ((TrainingEvent.Finished) end[0]).seconds();
        long totalSteps = (long) config.epochs() * session.stepsPerEpoch();
        DiffusionRecipe.stamp(model, config, Reproduce.command(spec),
                totalSteps, seconds, lastEvaluation[0]);
        model.write(out);
        System.err.println("wrote " + out);
        if (samplesPng != null) {
            SamplePictures.write(model, model.isImage() ? 64 : 2000, recipe.seed(), samplesPng);
            System.err.println("wrote " + samplesPng);
        }
        return 0;
    }
}
