package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.train.DiffusionRecipe;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** train-ddpm's options change only what they name; everything else keeps the data set's defaults. */
class DiffusionOptionsTest {

    private static DiffusionRecipe parse(String... args) throws Exception {
        TrainDdpmCommand command = new TrainDdpmCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings.recipe();
    }

    @Test
    void noOptionsGiveTheDataSetsDefaults() throws Exception {
        DiffusionRecipe digits = parse("--out", "m.zip");
        assertEquals(80, digits.config().epochs());
        assertEquals(64, digits.config().batchSize());
        assertEquals(0.9995, digits.config().emaDecay(), 0);
        assertEquals(0, digits.config().threads(), "the digits let the tuner choose");
        DiffusionRecipe moons = parse("--data", "two-moons", "--out", "m.zip");
        assertEquals(200, moons.config().epochs());
        assertEquals(256, moons.config().batchSize());
        assertEquals(1, moons.config().threads(), "a 2-D set runs on one thread");
        assertEquals(DiffusionRecipe.DEFAULT_HIDDEN, moons.hidden());
    }

    @Test
    void eachOptionGivenChangesItsSettingOnly() throws Exception {
        DiffusionRecipe recipe = parse("--data", "two-moons", "--epochs", "3", "--p2-gamma", "1.5", "--hidden", "64",
                "--T", "200", "--schedule", "cosine", "--seed", "9", "--eval-every", "40", "--out", "m.zip");
        assertEquals(3, recipe.config().epochs());
        assertEquals(1.5, recipe.config().p2Gamma(), 0);
        assertEquals(64, recipe.hidden());
        assertEquals(200, recipe.steps());
        assertEquals(NoiseSchedule.Kind.COSINE, recipe.schedule());
        assertEquals(9, recipe.seed());
        assertEquals(9, recipe.config().seed());
        assertEquals(40, recipe.config().evaluateEvery());
        assertEquals(256, recipe.config().batchSize(), "not given: the 2-D default");
        assertEquals(2e-3, recipe.config().learningRate(), 0);
        assertEquals(DiffusionRecipe.DEFAULT_LAYERS, recipe.layers());
        assertFalse(parse("--no-attention", "--out", "m.zip").attention());
    }

    @Test
    void aValueOutOfRangeIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse("--p2-gamma", "9", "--out", "m"));
        assertEquals("the P2 weighting's γ must be from 0 to 4, not 9.0", e.getMessage());
    }

    @Test
    void theCommandOfAViewRunNamesTheSameSettingsAsBefore() {
        DiffusionRecipe recipe = DiffusionRecipe.defaults("two-moons", 1).withSteps(1000)
                .withSchedule(NoiseSchedule.Kind.LINEAR).withTraining(c -> c.withEpochs(200).withBatchSize(256).withLearningRate(2e-3));
        assertEquals("train-ddpm --data two-moons --epochs 200 --batch 256 --lr 0.002 --ema 0.995 --hidden 128 --layers 3"
                + " --T 1000 --schedule linear --seed 1 --out m.zip", recipe.command("m.zip"));
        DiffusionRecipe digits = DiffusionRecipe.defaults("digits", 3).withAttention(false)
                .withTraining(c -> c.withP2Gamma(1).withThreads(2));
        assertEquals("train-ddpm --data digits --epochs 80 --batch 64 --lr 0.001 --ema 0.9995 --p2-gamma 1.0 --channels 32"
                + " --no-attention --T 1000 --schedule linear --seed 3 --threads 2 --out d.zip", digits.command("d.zip"));
    }
}
