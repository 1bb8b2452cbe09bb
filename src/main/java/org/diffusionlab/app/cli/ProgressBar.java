package org.diffusionlab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.train.TrainingEvent;

/**
 * A one-line text progress bar for long CLI runs on stderr, redrawn at most a few times a second; other lines
 * (evaluations, the end) print under it. {@link #accept} draws a training run straight from its events.
 */
final class ProgressBar {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintStream out;
    private final int samplesPerStep;
    private long lastDraw;
    private int lastLength;
    private double smoothedLoss = Double.NaN;

    ProgressBar(PrintStream out) {
        this(out, 0);
    }

    /** A bar that also reports throughput: {@code samplesPerStep} samples in every training step. */
    ProgressBar(PrintStream out, int samplesPerStep) {
        this.out = out;
        this.samplesPerStep = samplesPerStep;
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

    /** Clears the bar, so that what is printed next (an error) starts a line of its own. */
    void end() {
        out.print("\r" + " ".repeat(lastLength) + "\r");
        out.flush();
        lastLength = 0;
    }

    /** Ends the current bar line and prints {@code line} under it. */
    void println(String line) {
        out.print("\r" + " ".repeat(lastLength) + "\r");
        out.println(line);
        out.flush();
        lastLength = 0;
        lastDraw = 0;
    }

    /** Draws a training run: steps on the bar (smoothed loss, samples/s), evaluations and the end on lines of their own. */
    void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            double loss = s.values().get(Metric.LOSS);
            smoothedLoss = Double.isNaN(smoothedLoss) ? loss : 0.98 * smoothedLoss + 0.02 * loss;
            double perSecond = s.step() * samplesPerStep / Math.max(1e-9, s.elapsedSeconds());
            update(s.step(), s.totalSteps(), s.elapsedSeconds(), String.format(Locale.ROOT,
                    "step %d/%d epoch %d loss %.4f  %.0f samples/s", s.step(), s.totalSteps(), s.epoch(), smoothedLoss,
                    perSecond), s.step() == s.totalSteps());
        } else if (event instanceof TrainingEvent.Evaluation e) {
            println("step " + e.step() + " held-out: " + format(e.values()));
        } else if (event instanceof TrainingEvent.Failed) {
            end();
        } else if (event instanceof TrainingEvent.Finished f) {
            println(String.format(Locale.ROOT, "finished %d steps in %s%s", f.step(), duration(f.seconds()),
                    f.stoppedEarly() ? " (stopped)" : ""));
        }
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + "s" : s < 3600 ? s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s"
                : s / 3600 + "h" + String.format(Locale.ROOT, "%02dm", s / 60 % 60);
    }

    /** Held-out values as "heldout_loss=0.0312 …". */
    static String format(Map<Metric, Double> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k.heldOutKey()).append('=').append(String.format(Locale.ROOT, "%.4g", v)).append(' '));
        return text.toString().trim();
    }
}
