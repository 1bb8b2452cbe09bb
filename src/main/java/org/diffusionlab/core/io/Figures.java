package org.diffusionlab.core.io;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

import org.diffusionlab.core.BadInputException;

/**
 * Figures for people and JSON: rounded in decimal (never through {@code Math.round} and a long, which turns
 * infinity into 9.22e18 and NaN into 0), and checked finite before they are printed, shown or drawn.
 */
public final class Figures {
    private Figures() {
    }

    /** The value to {@code decimals} places, half-even; a non-finite value is returned as it is, for {@link #requireFinite}. */
    public static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Throws, naming the figure and the source, unless every number among the values is finite. */
    public static void requireFinite(String source, Map<String, ?> figures) throws BadInputException {
        for (Map.Entry<String, ?> entry : figures.entrySet()) {
            if (entry.getValue() instanceof Number number) {
                requireFinite(source, entry.getKey(), number.doubleValue());
            }
        }
    }

    public static void requireFinite(String source, String figure, double value) throws BadInputException {
        if (!Double.isFinite(value)) {
            throw new BadInputException(source + ": " + figure + " is " + describe(value)
                    + ", so nothing is reported (the model's weights overflow or its training diverged)");
        }
    }

    /** Throws unless every sample is finite: no picture or figure is made from NaN or infinite samples. */
    public static void requireFiniteSamples(String source, float[] samples) throws BadInputException {
        for (int i = 0; i < samples.length; i++) {
            if (!Float.isFinite(samples[i])) {
                throw new BadInputException(source + ": the model's samples contain " + describe(samples[i])
                        + " values, so no picture or figure is made from them (its weights overflow)");
            }
        }
    }

    private static String describe(double value) {
        return Double.isNaN(value) ? "not a number (NaN)" : "infinite";
    }
}
