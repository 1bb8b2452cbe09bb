package org.diffusionlab.ui.common.text;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The one formatter for every number the UI shows — labels, equations, spinners, chart ticks, canvases — in the
 * UI language's convention (English 1,234.5; Vietnamese 1.234,5). The window sets the language; a view-model
 * that hands a view a number to show hands it as a {@link Shown} argument of a {@link Localized}, which
 * {@link Messages#format} renders with the reader's convention.
 */
public final class Numbers {
    private static Locale current = Locale.ENGLISH;
    private final Locale locale;
    private final DecimalFormatSymbols symbols;

    private Numbers(Locale locale) {
        this.locale = locale;
        this.symbols = DecimalFormatSymbols.getInstance(locale);
    }

    public static Numbers of(Locale locale) {
        return new Numbers(locale);
    }

    /** The formatter for the UI language now in use. */
    public static Numbers current() {
        return new Numbers(current);
    }

    public static Locale locale() {
        return current;
    }

    public static void use(Locale locale) {
        current = locale;
    }

    /** A number for a message argument, shown with {@code digits} significant digits (or decimals, if fixed). */
    public record Shown(double value, int digits, boolean fixed) {
        public String render(Numbers numbers) {
            return fixed ? numbers.fixed(value, digits) : numbers.significant(value, digits);
        }
    }

    public static Shown significantArgument(double value, int digits) {
        return new Shown(value, digits, false);
    }

    public static Shown fixedArgument(double value, int decimals) {
        return new Shown(value, decimals, true);
    }

    /** Like {@code %.Ng}: N significant digits, trailing zeros kept, scientific ("4,0e-5") when very small or large. */
    public String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "–" : value > 0 ? "∞" : "−∞";
        }
        if (value == 0) {
            return fixed(0, digits - 1);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= digits) {
            return fixed(rounded.movePointLeft(exponent).doubleValue(), digits - 1) + "e" + exponent;
        }
        return fixed(value, Math.max(0, digits - 1 - exponent));
    }

    /** {@link #significant} without trailing zeros: 1 rather than 1.000, 0.0001 rather than 1.000e-4. */
    public String compact(double value, int digits) {
        String text = significant(value, digits);
        String decimal = String.valueOf(symbols.getDecimalSeparator());
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        String rest = exponent < 0 ? "" : text.substring(exponent);
        if (mantissa.contains(decimal)) {
            mantissa = mantissa.replaceAll("0+$", "");
            if (mantissa.endsWith(decimal)) {
                mantissa = mantissa.substring(0, mantissa.length() - 1);
            }
        }
        return mantissa + rest;
    }

    /**
     * Reads a number typed in this language's convention, forgivingly: "0,5" and "1e-4" everywhere; in Vietnamese
     * "1.000" is a thousand but "0.25" (not three digits after the dot) is a quarter. Null if it is no number.
     */
    public Double parse(String text) {
        String t = text.trim().replace('−', '-').replace(" ", "");
        char decimal = symbols.getDecimalSeparator();
        char grouping = symbols.getGroupingSeparator();
        if (decimal == ',') {
            if (t.indexOf(',') >= 0 || t.matches("-?\\d{1,3}(\\.\\d{3})+")) {
                t = t.replace(String.valueOf(grouping), "").replace(',', '.');
            }
        } else if (t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        } else {
            t = t.replace(String.valueOf(grouping), "");
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A fixed number of decimals, grouped by thousands. */
    public String fixed(double value, int decimals) {
        DecimalFormat format = new DecimalFormat(decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals), symbols);
        return minus(format.format(value));
    }

    /** A fixed number of decimals with its sign always shown ("+0,25", "−1,50"). */
    public String signed(double value, int decimals) {
        String text = fixed(Math.abs(value), decimals);
        return (value < 0 && !text.matches("[0.,]*") ? "−" : "+") + text;
    }

    /** A value as a tooltip states it: a whole number grouped ("1,000"), any other to three significant digits. */
    public String value(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? integer((long) value) : compact(value, 3);
    }

    /** A whole number, grouped by thousands ("1,000" / "1.000"). */
    public String integer(long value) {
        return minus(NumberFormat.getIntegerInstance(locale).format(value));
    }

    /** The format JFreeChart's tick units and number overrides should use for this language. */
    public NumberFormat format(String pattern) {
        return new DecimalFormat(pattern, symbols);
    }

    public Locale language() {
        return locale;
    }

    /** The typographic minus, as in the equations. */
    private static String minus(String text) {
        return text.startsWith("-") ? "−" + text.substring(1) : text;
    }
}
