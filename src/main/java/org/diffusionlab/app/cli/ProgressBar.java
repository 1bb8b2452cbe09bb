package org.diffusionlab.app.cli;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line text progress bar for long CLI runs, redrawn at most a few times a second, on stderr. */
final class ProgressBar {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private long lastDraw;
    private int lastLength;

    ProgressBar(PrintStream out) {
        this.out = out;
    }

    /** Redraws the bar if enough time has passed (or {@code force}), e.g. "[#####.....] 50% text  12s, ETA 12s". */
    void update(long done, long total, double elapsedSeconds, String text, boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double fraction = total == 0 ? 1 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        String eta = done == 0 ? "?" : duration(elapsedSeconds / done * (total - done));
        String line = "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
                + String.format(Locale.ROOT, "%3d%% ", Math.round(fraction * 100)) + text + "  "
                + duration(elapsedSeconds) + ", ETA " + eta;
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
        out.flush();
        lastLength = line.length();
    }

    /** Ends the current bar line and prints {@code line} under it. */
    void println(String line) {
        out.print("\r" + " ".repeat(lastLength) + "\r");
        out.println(line);
        out.flush();
        lastLength = 0;
        lastDraw = 0;
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
}
