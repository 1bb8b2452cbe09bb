package org.diffusionlab.ui.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.ToySet;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.train.DiffusionRecipe;
import org.diffusionlab.core.train.DiffusionTrainingConfig;
import org.diffusionlab.core.train.DiffusionTrainingSession;
import org.diffusionlab.core.train.TrainingSession;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.ModelDescriptions;

/**
 * The Train view's diffusion model: the data set (digits train a U-Net, a 2-D set an MLP), epochs, batch and
 * learning rate (which start at the data set's defaults whenever it changes), T and the noise schedule.
 */
public final class DiffusionSetup implements ModelSetup {
    public static final String DIGITS = DiffusionModel.DIGITS;
    /** The data sets a diffusion model trains on here: the digits, or one of the 2-D toy sets. */
    public static final List<String> DATA = List.of("two-moons", "swiss-roll", "8-gaussians", "checkerboard", DIGITS);
    /** Points of the 2-D data set drawn behind a toy model's samples. */
    static final int DATA_POINTS = 2000;

    private final ModelShelf<DiffusionModel> shelf;
    private final StringProperty data = new SimpleStringProperty(this, "data", DATA.get(0));
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs");
    private final IntegerProperty batch = new SimpleIntegerProperty(this, "batch");
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate");
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", NoiseSchedule.MAX_T);
    private final ObjectProperty<NoiseSchedule.Kind> schedule = new SimpleObjectProperty<>(this, "schedule",
            NoiseSchedule.Kind.LINEAR);

    DiffusionSetup(ModelShelf<DiffusionModel> shelf) {
        this.shelf = shelf;
        data.addListener((obs, old, value) -> dataDefaults());
        dataDefaults();
    }

    /** Puts epochs, batch and learning rate at the chosen data set's defaults. */
    private void dataDefaults() {
        DiffusionTrainingConfig base = DiffusionRecipe.defaults(data.get(), 1).config();
        epochs.set(base.epochs());
        batch.set(base.batchSize());
        learningRate.set(base.learningRate());
    }

    public StringProperty dataProperty() { return data; }
    public IntegerProperty epochsProperty() { return epochs; }
    public IntegerProperty batchProperty() { return batch; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public IntegerProperty stepsProperty() { return steps; }
    public ObjectProperty<NoiseSchedule.Kind> scheduleProperty() { return schedule; }

    @Override
    public Plan plan(long seed) {
        return new DiffusionPlan(DiffusionRecipe.defaults(data.get(), seed).withSteps(steps.get()).withSchedule(schedule.get())
                .withTraining(c -> c.withEpochs(epochs.get()).withBatchSize(batch.get()).withLearningRate(learningRate.get())));
    }

    @Override
    public Supplier<Localized> load(Path file) throws BadInputException {
        DiffusionModel loaded = DiffusionModel.read(file);
        String name = file.getFileName().toString();
        return () -> {
            Localized summary = ModelDescriptions.diffusion(name, loaded);
            shelf.put(name, ModelShelf.Origin.FILE, summary, loaded);
            return summary;
        };
    }

    private final class DiffusionPlan implements Plan {
        private final DiffusionRecipe recipe;
        private DiffusionTrainingSession session;
        private int dimensions;

        DiffusionPlan(DiffusionRecipe recipe) {
            this.recipe = recipe;
        }

        @Override
        public TrainingSession session() throws BadInputException {
            session = recipe.session();
            dimensions = session.model().dimensions();
            return session;
        }

        @Override
        public float[] dataPoints() throws BadInputException {
            return recipe.isDigits() ? null : ToySet.byId(recipe.data()).sample(DATA_POINTS, recipe.seed());
        }

        @Override
        public void record(TrainingCurves curves, String prefix, long step, Map<Metric, Double> values) {
            curves.recordDiffusion(prefix, step, values, dimensions);
        }

        @Override
        public String fileName() {
            return "ddpm-" + recipe.data() + ".zip";
        }

        @Override
        public TrainedModel keep(double seconds, long steps, Map<Metric, Double> lastEvaluation) {
            return new TrainedDiffusion(session.model(), recipe, seconds, steps, lastEvaluation, shelf);
        }
    }

    /** A trained diffusion model, the recipe that made it and its last held-out evaluation, for its manifest. */
    record TrainedDiffusion(DiffusionModel model, DiffusionRecipe recipe, double seconds, long steps,
                            Map<Metric, Double> lastEvaluation, ModelShelf<DiffusionModel> shelf) implements TrainedModel {
        @Override
        public Localized offer() {
            Localized description = ModelDescriptions.diffusion(null, model);
            shelf.put("trained diffusion, " + recipe.data(), ModelDescriptions.trainedDiffusion(recipe.data()),
                    ModelShelf.Origin.TRAINED, Localized.of("train.model.trained", description), model);
            return Localized.of("train.status.trained", description);
        }

        @Override
        public void write(Path file) throws IOException {
            DiffusionRecipe.stamp(model, recipe.config(), recipe.command(file.getFileName().toString()), steps, seconds,
                    lastEvaluation);
            model.write(file);
        }
    }
}
