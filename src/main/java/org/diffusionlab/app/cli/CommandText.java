package org.diffusionlab.app.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;

/** The command line that ran a subcommand, as stored in a model's manifest: "train-ddpm --data digits …". */
final class CommandText {
    private CommandText() {
    }

    static String of(CommandSpec spec) {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int at = args.indexOf(spec.name());
        List<String> own = at >= 0 ? args.subList(at + 1, args.size()) : args;
        return own.isEmpty() ? spec.name() : spec.name() + " " + String.join(" ", own);
    }
}
