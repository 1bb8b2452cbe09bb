package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.diffusionlab.app.Cli;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;

class CommandTextTest {
    @Test
    void theStoredCommandNamesTheSubcommandOnce() {
        CommandLine line = new CommandLine(new Cli());
        CommandLine.ParseResult parsed = line.parseArgs("train-ddpm", "--data", "two-moons", "--epochs", "3", "--out", "m.zip");
        assertEquals("train-ddpm --data two-moons --epochs 3 --out m.zip", CommandText.of(parsed.subcommand().commandSpec()));
    }
}
