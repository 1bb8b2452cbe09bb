package org.diffusionlab.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.diffusionlab.core.BadInputException;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Checks every output a command will write before it starts its (possibly hours of) work: the folder exists and
 * can be written, the file is not there already (unless {@code --force}), and the disk has room. One place for
 * every command: options named {@value #OUT}, {@code --grid} and {@code --samples-png}, and a file a flag rewrites
 * ({@link #REWRITES}).
 */
public final class OutputCheck {
    static final String OUT = "--out";
    static final String FORCE = "--force";
    static final Set<String> OUTPUTS = Set.of(OUT, "--grid", "--samples-png");
    /** A flag that makes a command rewrite the file of another option in place, e.g. eval-ddpm --write-metrics --model. */
    static final Map<String, String> REWRITES = Map.of("--write-metrics", "--model");
    /** Inputs an output may name to update that file in place (train-ddpm --init m.zip --out m.zip), without --force. */
    static final Set<String> IN_PLACE_INPUTS = Set.of("--init");
    /** Less free space than this and even a model file may not fit. */
    static final long MIN_FREE_BYTES = 32L << 20;

    private OutputCheck() {
    }

    /** Adds {@code --force} to a command that writes files, so that an existing file is replaced only when asked. */
    public static void addForceOption(CommandSpec command) {
        boolean writes = command.options().stream().anyMatch(o -> OUTPUTS.contains(o.longestName()));
        if (writes && command.findOption(FORCE) == null) {
            command.addOption(OptionSpec.builder(FORCE).type(boolean.class)
                    .description("replace output files that exist already").build());
        }
    }

    public static void check(CommandSpec command) throws BadInputException {
        OptionSpec forceOption = command.findOption(FORCE);
        boolean force = forceOption != null && Boolean.TRUE.equals(forceOption.getValue());
        Set<Path> seen = new HashSet<>();
        for (OptionSpec option : command.options()) {
            if (OUTPUTS.contains(option.longestName()) && option.getValue() instanceof Path target) {
                if (!seen.add(target.toAbsolutePath().normalize())) {
                    throw new BadInputException(target + ": given for two outputs; each needs its own file");
                }
                check(target, force || updatesInPlace(command, target));
            }
            String rewritten = REWRITES.get(option.longestName());
            if (rewritten != null && Boolean.TRUE.equals(option.getValue())
                    && command.findOption(rewritten).getValue() instanceof Path target && Files.isRegularFile(target)) {
                check(target, true);
            }
        }
    }

    private static boolean updatesInPlace(CommandSpec command, Path target) {
        return command.options().stream().anyMatch(o -> IN_PLACE_INPUTS.contains(o.longestName())
                && o.getValue() instanceof Path input && input.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize()));
    }

    static void check(Path target, boolean force) throws BadInputException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException(target + ": is a folder; give a file name to write");
        }
        if (folder == null || !Files.exists(folder)) {
            throw new BadInputException(target + ": the folder " + folder + " does not exist");
        }
        if (!Files.isDirectory(folder)) {
            throw new BadInputException(target + ": " + folder + " is not a folder");
        }
        if (Files.exists(absolute) && !force) {
            throw new BadInputException(target + ": exists already (add --force to replace it)");
        }
        try {
            Files.delete(Files.createTempFile(folder, ".diffusion-lab-check", ".part"));
        } catch (IOException e) {
            throw new BadInputException(target + ": the folder " + folder + " cannot be written to");
        }
        try {
            long free = Files.getFileStore(folder).getUsableSpace();
            if (free < MIN_FREE_BYTES) {
                throw new BadInputException(target + ": the disk has only " + free / (1 << 20) + " MB free");
            }
        } catch (IOException e) {
            // a file system that cannot report its space: the write itself will tell
        }
    }
}
