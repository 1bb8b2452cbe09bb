package org.diffusionlab.app.cli;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.data.AnimationFrames;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.schedule.NoiseSchedule;
import org.diffusionlab.core.vae.VaeArchitecture;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The one place where every command's numeric options are bounded, checked after parsing and before the command
 * runs: a thread count the machine cannot give (which crashes OpenMP), a negative count or a NaN learning rate
 * ends with one line naming the option and its range. An option is looked up as "command --name" first, then
 * "--name"; a whole-number option in neither list must at least not be negative (a seed may be anything).
 */
public final class ArgumentBounds {
    /** An inclusive range. */
    record Range(double min, double max, String note) {
        Range(double min, double max) {
            this(min, max, "");
        }
    }

    private static final int MAX_STEPS = NoiseSchedule.MAX_T;

    private static final Map<String, Range> BY_NAME = Map.ofEntries(
            Map.entry("--threads", new Range(0, Runtime.getRuntime().availableProcessors(),
                    " (0 = all cores; this machine has " + Runtime.getRuntime().availableProcessors() + ")")),
            Map.entry("--steps", new Range(1, MAX_STEPS)),
            Map.entry("--T", new Range(1, MAX_STEPS)),
            Map.entry("--eta", new Range(0, 1)),
            Map.entry("--frames", new Range(2, AnimationFrames.MAX_FRAMES)),
            Map.entry("--tile", new Range(8, 512)),
            Map.entry("--epochs", new Range(1, 10_000)),
            Map.entry("--batch", new Range(1, 9_000)),
            Map.entry("--lr", new Range(1e-8, 100)),
            Map.entry("--beta", new Range(0, 1000)),
            Map.entry("--beta-start", new Range(1e-8, 0.5)),
            Map.entry("--beta-end", new Range(1e-8, 0.999)),
            Map.entry("--ema", new Range(0, 0.999999)),
            Map.entry("--p2-gamma", new Range(0, 10)),
            Map.entry("--layers", new Range(1, 16)),
            Map.entry("--latent", new Range(VaeArchitecture.MIN_LATENT, VaeArchitecture.MAX_LATENT)),
            Map.entry("--hidden", new Range(1, VaeArchitecture.MAX_HIDDEN_SIZE)),
            Map.entry("--features", new Range(1, 4096)),
            Map.entry("--elbo-images", new Range(0, Digits.HELD_OUT)),
            Map.entry("--eval-every", new Range(1, 1_000_000)),
            Map.entry("--minutes", new Range(0.01, 24 * 60)),
            Map.entry("--interval", new Range(1, 3600)),
            Map.entry("--seed", new Range(Long.MIN_VALUE, Long.MAX_VALUE)));

    private static final Map<String, Range> BY_COMMAND = Map.of(
            "eval-ddpm --n", new Range(10, 100_000),
            "sample-ddpm --n", new Range(1, 4096),
            "eval-vae --samples", new Range(1, 1000),
            "train-ddpm --channels", new Range(4, 512),
            "train-classifier --channels", new Range(1, 256));

    private ArgumentBounds() {
    }

    /** Throws for the first option of the command whose value is outside its range. */
    public static void check(CommandSpec command) throws BadInputException {
        for (OptionSpec option : command.options()) {
            Object value = option.getValue();
            if (value instanceof Collection<?> values) {
                for (Object element : values) {
                    check(command, option, element);
                }
            } else {
                check(command, option, value);
            }
        }
    }

    private static void check(CommandSpec command, OptionSpec option, Object value) throws BadInputException {
        if (!(value instanceof Number number)) {
            return;
        }
        String name = option.longestName();
        Range range = range(command.name(), name);
        boolean whole = value instanceof Integer || value instanceof Long || value instanceof Short;
        if (range == null) {
            if (whole && number.longValue() < 0) {
                throw new BadInputException(name + " must not be negative, not " + value);
            }
            return;
        }
        double x = number.doubleValue();
        if (!(x >= range.min() && x <= range.max())) {
            throw new BadInputException(name + " must be from " + format(range.min(), whole) + " to "
                    + format(range.max(), whole) + range.note() + ", not " + value);
        }
    }

    static Range range(String command, String option) {
        Range specific = BY_COMMAND.get(command + " " + option);
        return specific != null ? specific : BY_NAME.get(option);
    }

    /** The options every command is checked for, for tests and the README. */
    static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }

    private static String format(double bound, boolean whole) {
        return whole || bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? String.valueOf((long) bound) : String.valueOf(bound);
    }
}
