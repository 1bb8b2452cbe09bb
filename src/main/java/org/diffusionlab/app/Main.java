package org.diffusionlab.app;

import javafx.application.Application;

/**
 * Starts the desktop app. A plain main class (not the Application subclass) lets the app run from the class
 * path, which ND4J's native loading needs.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        NativeEnvironment.prepare();
        Application.launch(DiffusionLabApp.class, args);
        // the window is closed and training stopped (DiffusionLabApp.stop): no native thread may keep the JVM alive
        System.exit(0);
    }
}
