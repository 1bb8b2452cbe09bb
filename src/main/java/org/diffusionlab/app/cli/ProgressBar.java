package org.diffusionlab.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import org.diffusionlab.core.train.TrainingEvent;

/**
 * A one-line text progress bar on stderr for training commands: bar, step, loss, throughput and ETA, redrawn
 * at most twice a second; evaluations print on their own lines.
 */
final class ProgressBar {
    private final PrintStream out;
    private final int samplesPerStep;
    private long lastDraw;
    private double smoothedLoss = Double.NaN;

    ProgressBar(PrintStream out, int samplesPerStep) {
        this.out = out;
        this.samplesPerStep = samplesPerStep;
    }

    void accept(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            step(s);
        } else if (event instanceof TrainingEvent.Evaluation e) {
            clearLine();
            out.println("step " + e.step() + " held-out: " + format(e.values()));
        } else if (event instanceof TrainingEvent.Failed f) {
            clearLine();
            out.println(f.message());
        } else if (event instanceof TrainingEvent.Finished f) {
            clearLine();
            out.printf(Locale.ROOT, "finished %d steps in %.1f s%s%n", f.step(), f.seconds(), f.stoppedEarly() ? " (stopped)" : "");
        }
    }

    private void step(TrainingEvent.Step s) {
        double loss = s.values().get("loss");
        smoothedLoss = Double.isNaN(smoothedLoss) ? loss : 0.98 * smoothedLoss + 0.02 * loss;
        long now = System.nanoTime();
        if (now - lastDraw < 500_000_000L && s.step() != s.totalSteps()) {
            return;
        }
        lastDraw = now;
        double fraction = (double) s.step() / s.totalSteps();
        int filled = (int) Math.round(fraction * 30);
        double perSecond = s.step() * samplesPerStep / Math.max(1e-9, s.elapsedSeconds());
        double remaining = s.elapsedSeconds() / Math.max(1, s.step()) * (s.totalSteps() - s.step());
        out.printf(Locale.ROOT, "\r[%s%s] %3.0f%% step %d/%d epoch %d loss %.4f  %.0f samples/s  ETA %s ",
                "#".repeat(filled), "-".repeat(30 - filled), 100 * fraction, s.step(), s.totalSteps(), s.epoch(), smoothedLoss,
                perSecond, duration(remaining));
        out.flush();
    }

    private void clearLine() {
        out.print("\r" + " ".repeat(110) + "\r");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    static String format(Map<String, Double> values) {
        StringBuilder text = new StringBuilder();
        values.forEach((k, v) -> text.append(k).append('=').append(String.format(Locale.ROOT, "%.4g", v)).append(' '));
        return text.toString().trim();
    }
}
