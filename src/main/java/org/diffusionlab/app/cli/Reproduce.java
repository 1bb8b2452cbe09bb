package org.diffusionlab.app.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;

/** The command line that ran a subcommand, as written into a model's manifest so it can be run again. */
final class Reproduce {
    private Reproduce() {
    }

    /** E.g. "train-ddpm --data digits --epochs 70 --seed 1 --out models/ddpm-mnist.zip" (the name once). */
    static String command(CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        List<String> rest = !args.isEmpty() && args.get(0).equals(spec.name()) ? args.subList(1, args.size()) : args;
        return rest.isEmpty() ? spec.name() : spec.name() + " " + String.join(" ", rest);
    }
}
