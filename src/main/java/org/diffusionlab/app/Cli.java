package org.diffusionlab.app;

import java.io.PrintWriter;

import org.diffusionlab.app.cli.BenchCommand;
import org.diffusionlab.app.cli.ElboCommand;
import org.diffusionlab.app.cli.EvalDdpmCommand;
import org.diffusionlab.app.cli.EvalVaeCommand;
import org.diffusionlab.app.cli.ForwardCommand;
import org.diffusionlab.app.cli.SampleDdpmCommand;
import org.diffusionlab.app.cli.TrainClassifierCommand;
import org.diffusionlab.app.cli.TrainDdpmCommand;
import org.diffusionlab.app.cli.TrainVaeCommand;
import org.diffusionlab.core.BadInputException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line face of the same core the app uses. Bad arguments or unusable files end with one line
 * on stderr and exit code 2.
 */
@Command(name = "diffusion-lab", mixinStandardHelpOptions = true, version = "Diffusion Lab 0.1",
        description = "Diffusion Lab from the command line: noise images, train and evaluate models, benchmark.",
        subcommands = {ForwardCommand.class, TrainVaeCommand.class, EvalVaeCommand.class, TrainDdpmCommand.class,
                SampleDdpmCommand.class, EvalDdpmCommand.class, TrainClassifierCommand.class, BenchCommand.class,
                ElboCommand.class,
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
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + e.getMessage() + " (see: " + e.getCommandLine().getCommandName() + " --help)");
            err.flush();
            return EXIT_BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof BadInputException || e instanceof IllegalArgumentException) {
                err.println("error: " + e.getMessage());
                err.flush();
                return EXIT_BAD_INPUT;
            }
            err.println("error: " + e);
            err.flush();
            return 1;
        });
        return commandLine.execute(args);
    }
}
