package org.diffusionlab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.metric.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffusionRecipeTest {

    private static DiffusionRecipe toy(String data, int hidden, int epochs) {
        return DiffusionRecipe.defaults(data, 1).withHidden(hidden).withLayers(2).withSteps(100)
                .withTraining(c -> c.withEpochs(epochs).withThreads(1));
    }

    private static Map<Metric, Double> train(DiffusionTrainingSession session, String command) {
        Map<Metric, Double>[] last = new Map[1];
        new TrainingRun(session, event -> {
            if (event instanceof TrainingEvent.Evaluation e) {
                last[0] = e.values();
            }
        }).run();
        DiffusionRecipe.stamp(session.model(), session.config(), command,
                (long) session.epochs() * session.stepsPerEpoch(), 1.0, last[0]);
        return last[0];
    }

    @Test
    void aSavedModelTrainsFurtherFromItsOwnWeightsAndKeepsItsHistory(@TempDir Path dir) throws Exception {
        DiffusionRecipe recipe = toy("two-moons", 32, 10);
        DiffusionTrainingSession first = recipe.session();
        double freshLoss = first.heldOutValues().get(Metric.LOSS);
        double freshStep = recipe.session().step(1, 1).get(Metric.LOSS);
        double trainedLoss = train(first, "train-ddpm --data two-moons --out a.zip").get(Metric.LOSS);
        assertTrue(trainedLoss < 0.7 * freshLoss, "the first run learns: " + freshLoss + " → " + trainedLoss);
        Path saved = dir.resolve("a.zip");
        first.model().write(saved);

        DiffusionTrainingSession further = recipe.session(DiffusionModel.read(saved));
        assertEquals(trainedLoss, further.heldOutValues().get(Metric.LOSS), 1e-5, "the saved weights, not fresh ones");
        double furtherStep = recipe.session(DiffusionModel.read(saved)).step(1, 1).get(Metric.LOSS);
        assertTrue(furtherStep < 0.7 * freshStep, "the trained weights take the first step: " + freshStep + " vs " + furtherStep);

        train(further, "train-ddpm --init a.zip --data two-moons --out b.zip");
        var training = further.model().manifest().get("training");
        assertEquals("train-ddpm --init a.zip --data two-moons --out b.zip", training.get("command").asText());
        assertEquals("train-ddpm --data two-moons --out a.zip", training.get("parent").get("command").asText());
    }

    @Test
    void aModelOfOtherDataOrShapeIsRefusedInPlainWords() throws Exception {
        DiffusionModel moons = toy("two-moons", 32, 1).session().model();
        BadInputException otherData = assertThrows(BadInputException.class, () -> toy("swiss-roll", 32, 1).session(moons));
        assertTrue(otherData.getMessage().contains("trained on two-moons, not swiss-roll"), otherData.getMessage());
        BadInputException otherShape = assertThrows(BadInputException.class, () -> toy("two-moons", 64, 1).session(moons));
        assertTrue(otherShape.getMessage().contains("is built as MLP 2→32×"), otherShape.getMessage());
        assertTrue(otherShape.getMessage().contains("these settings ask for MLP 2→64×"), otherShape.getMessage());
    }
}
