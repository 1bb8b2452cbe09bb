package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The command line run in-process with stdout and stderr captured (a JUnit extension: register it with
 * {@code @RegisterExtension}). Each {@link #run} sees only its own output.
 */
public final class CliRun implements BeforeEachCallback, AfterEachCallback {
    /** One command's exit code and what it printed. */
    public record Result(int code, String out, String err) {
        /** The one line of a refused command: exit code 2 and a single stderr line starting "error: ". */
        public String refusal() {
            assertEquals(2, code, err);
            String[] lines = err.strip().split("\n");
            assertEquals(1, lines.length, err);
            assertTrue(lines[0].startsWith("error: "), lines[0]);
            return lines[0];
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    /** Runs one command with fresh output buffers. */
    public Result run(String... args) {
        out.reset();
        err.reset();
        int code = Cli.execute(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a command that must be refused: exit code 2 and one line on stderr starting "error: ", which is returned. */
    public String refused(String... args) {
        return run(args).refusal();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
