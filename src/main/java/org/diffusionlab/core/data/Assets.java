package org.diffusionlab.core.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the bundled data and models live: {@code assets/} and {@code models/} under the app's home,
 * which is the system property {@code diffusionlab.home}, or else the working directory.
 */
public final class Assets {
    private Assets() {
    }

    public static Path home() {
        String home = System.getProperty("diffusionlab.home");
        return home != null ? Path.of(home) : Path.of("").toAbsolutePath();
    }

    public static Path root() {
        return home().resolve("assets");
    }

    public static Path models() {
        return home().resolve("models");
    }

    public static boolean available() {
        return Files.isDirectory(root().resolve("mnist"));
    }
}
