package org.diffusionlab.ui.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.train.TrainingSession;
import org.diffusionlab.core.train.VaeTrainingSession;
import org.diffusionlab.core.vae.MlpVae;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeDataset;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.diffusionlab.ui.common.ModelShelf;
import org.diffusionlab.ui.common.text.Localized;
import org.diffusionlab.ui.common.text.ModelDescriptions;

/** The Train view's VAE on the bundled digits: latent size, hidden layer, β, learning rate, batch and epochs. */
public final class VaeSetup implements ModelSetup {
    private final ModelShelf<Vae> shelf;
    private final IntegerProperty latent = new SimpleIntegerProperty(this, "latent", 16);
    private final IntegerProperty hidden = new SimpleIntegerProperty(this, "hidden", 400);
    private final DoubleProperty beta = new SimpleDoubleProperty(this, "beta", 1.0);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 1e-3);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize", 128);
    private final IntegerProperty epochs = new SimpleIntegerProperty(this, "epochs", VaeTrainingConfig.defaults().epochs());

    VaeSetup(ModelShelf<Vae> shelf) {
        this.shelf = shelf;
    }

    public IntegerProperty latentProperty() { return latent; }
    public IntegerProperty hiddenProperty() { return hidden; }
    public DoubleProperty betaProperty() { return beta; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public IntegerProperty batchSizeProperty() { return batchSize; }
    public IntegerProperty epochsProperty() { return epochs; }

    @Override
    public Plan plan(long seed) {
        return new VaePlan(new VaeTrainingConfig(VaeArchitecture.digits(List.of(hidden.get()), latent.get()), beta.get(),
                learningRate.get(), batchSize.get(), epochs.get(), seed));
    }

    @Override
    public Supplier<Localized> load(Path file) throws BadInputException {
        VaeFile.Loaded loaded = VaeFile.read(file);
        return () -> {
            Localized summary = ModelDescriptions.vae(loaded.fileName(), loaded.vae().architecture(),
                    loaded.heldOut() == null ? null : loaded.heldOut().negElboNats());
            shelf.put(loaded.fileName(), ModelShelf.Origin.FILE, summary, loaded.vae());
            return summary;
        };
    }

    private final class VaePlan implements Plan {
        private final VaeTrainingConfig config;
        private VaeTrainingSession session;

        VaePlan(VaeTrainingConfig config) {
            this.config = config;
        }

        @Override
        public TrainingSession session() throws BadInputException {
            session = new VaeTrainingSession(config, VaeDataset.digits(Digits.bundled()));
            return session;
        }

        @Override
        public float[] dataPoints() {
            return null;
        }

        @Override
        public void record(TrainingCurves curves, String prefix, long step, Map<Metric, Double> values) {
            curves.recordVae(prefix, step, values);
        }

        @Override
        public String fileName() {
            return "vae-z" + config.architecture().latent() + ".zip";
        }

        @Override
        public TrainedModel keep(double seconds, long steps, Map<Metric, Double> lastEvaluation) {
            return new TrainedVae(session.model(), session, seconds, shelf);
        }
    }

    /** A trained VAE and its session, whose record (config, command, held-out terms) its file keeps. */
    record TrainedVae(MlpVae vae, VaeTrainingSession session, double seconds, ModelShelf<Vae> shelf) implements TrainedModel {
        @Override
        public Localized offer() {
            VaeArchitecture architecture = session.config().architecture();
            Localized description = ModelDescriptions.vae(null, architecture, null);
            shelf.put("trained VAE z" + architecture.latent(), ModelDescriptions.trainedVae(architecture.latent()),
                    ModelShelf.Origin.TRAINED, Localized.of("train.model.trained", description), vae);
            return Localized.of("train.status.trained", description);
        }

        @Override
        public void write(Path file) throws IOException {
            VaeFile.write(file, vae, session.trainingRecord(file.getFileName().toString(), seconds));
        }
    }
}
