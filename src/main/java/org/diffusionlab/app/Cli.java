package org.diffusionlab.app;

import java.io.PrintWriter;

import org.diffusionlab.app.cli.ArgumentBounds;
import org.diffusionlab.app.cli.BenchCommand;
import org.diffusionlab.app.cli.ElboCommand;
import org.diffusionlab.app.cli.EvalDdpmCommand;
import org.diffusionlab.app.cli.EvalVaeCommand;
import org.diffusionlab.app.cli.ForwardCommand;
import org.diffusionlab.app.cli.InspectModelCommand;
import org.diffusionlab.app.cli.OutputCheck;
import org.diffusionlab.app.cli.SampleDdpmCommand;
import org.diffusionlab.app.cli.SoakCommand;
import org.diffusionlab.app.cli.TrainClassifierCommand;
import org.diffusionlab.app.cli.TrainDdpmCommand;
import org.diffusionlab.app.cli.TrainVaeCommand;
import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.io.WriteFailedException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face of the same core the app uses. Bad arguments or unusable files end with one line
 * on stderr and exit code 2.
 */
@Command(name = "diffusion-lab", mixinStandardHelpOptions = true, version = "Diffusion Lab 0.1",
        description = "Diffusion Lab from the command line: noise images, train and evaluate models, benchmark.",
        subcommands = {ForwardCommand.class, TrainVaeCommand.class, EvalVaeCommand.class, TrainDdpmCommand.class,
                SampleDdpmCommand.class, EvalDdpmCommand.class, TrainClassifierCommand.class, BenchCommand.class, SoakCommand.class,
                ElboCommand.class, InspectModelCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    public static final int EXIT_BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        NativeEnvironment.prepare();
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        commandLine.getSubcommands().values().forEach(sub -> OutputCheck.addForceOption(sub.getCommandSpec()));
        commandLine.setExecutionStrategy(parseResult -> {
            CommandLine.ParseResult last = parseResult;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            if (!last.isUsageHelpRequested() && !last.isVersionHelpRequested()) {
                try {
                    ArgumentBounds.check(last.commandSpec());
                    OutputCheck.check(last.commandSpec());
                } catch (BadInputException e) {
                    return fail(last.commandSpec().commandLine().getErr(), e.getMessage());
                }
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage() + " (see: " + e.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof BadInputException || e instanceof IllegalArgumentException || e instanceof WriteFailedException) {
                return fail(err, e.getMessage());
            }
            err.println("error: " + (e.getMessage() == null ? "an internal error" : e.getMessage()));
            err.flush();
            return 1;
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            return fail(commandLine.getErr(), "not enough memory for this request (try smaller counts or a larger -Xmx)");
        }
    }

    private static int fail(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return EXIT_BAD_INPUT;
    }
}
