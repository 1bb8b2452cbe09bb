package org.diffusionlab.app;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import javafx.application.Platform;
import javafx.scene.control.Alert;

/**
 * The installed app's one entry point ({@code bin/diffusion-lab}): with no arguments it opens the app, with
 * arguments it runs the command line ({@code diffusion-lab bench}, {@code diffusion-lab sample-ddpm …}) with the
 * CLI's exit codes. Before either loads ND4J it checks that this CPU can run the bundled native build.
 */
public final class Launcher {
    /** Exit code when the bundled native build cannot run on this CPU. */
    static final int EXIT_UNSUPPORTED_CPU = 3;

    private Launcher() {
    }

    public static void main(String[] args) throws InterruptedException {
        Optional<String> problem = NativeBuild.problem();
        if (problem.isPresent()) {
            System.err.println("error: " + problem.get());
            if (args.length == 0) {
                showAndWait(problem.get());
            }
            System.exit(EXIT_UNSUPPORTED_CPU);
        }
        if (args.length == 0) {
            Main.main(args);
        } else {
            Cli.main(args);
        }
    }

    /** Someone who started the app from its menu entry sees no terminal: say it in a window too. */
    private static void showAndWait(String message) throws InterruptedException {
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                Alert alert = new Alert(Alert.AlertType.ERROR, message);
                alert.setHeaderText("Diffusion Lab");
                alert.showAndWait();
                closed.countDown();
            });
            closed.await();
        } catch (RuntimeException e) { // no display: the line on stderr is all we can do
            return;
        }
    }
}
