package org.diffusionlab.ui.common;

import java.awt.Color;
import java.util.List;

/**
 * The one place that maps the light or dark theme to the colours the app draws itself: chart backgrounds, plot
 * areas, grid lines, axes, tick labels, titles, legends, and the canvases (point clouds, the latent map, heat
 * maps). The CSS colours of the controls (app.css, dark.css) use the same values. Series colours are the
 * colour-blind-safe Okabe–Ito palette in both themes; ten digit classes add a marker shape as a second cue.
 *
 * @param ink titles, axis labels, tick labels and legend text
 * @param mutedInk secondary text (e.g. a colour bar's end values), still at least 4.5:1 on the background
 */
public record Theme(String name, Color chartBackground, Color plotBackground, Color grid, Color axisLine, Color ink,
                    Color mutedInk) {
    public static final Theme LIGHT = new Theme("LIGHT", new Color(0xFFFFFF), new Color(0xFFFFFF), new Color(0xDDDDDD),
            new Color(0x8A96A3), new Color(0x1F2933), new Color(0x4A5561));
    public static final Theme DARK = new Theme("DARK", new Color(0x1E242C), new Color(0x1E242C), new Color(0x3A444F),
            new Color(0x6B7785), new Color(0xE6EBF1), new Color(0xB4C0CD));

    /** Okabe & Ito (2008), the eight colours told apart by every common form of colour blindness. */
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color GREY = new Color(0x999999);

    /** Ten digit classes: the Okabe–Ito colours and two more, each with its own marker (see {@link Marker}). */
    static final Color[] CLASS_COLOURS = {BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, GREY,
            new Color(0x882255), new Color(0x44AA99)};

    /** The marker drawn for each digit class, so classes differ in shape as well as colour. */
    public enum Marker { CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, CROSS, CIRCLE_OPEN, SQUARE_OPEN, PLUS, STAR }

    private static Theme current = LIGHT;

    /** Both themes, light first. */
    public static List<Theme> all() {
        return List.of(LIGHT, DARK);
    }

    /** The theme charts and canvases built from now on use (the window sets it, then rebuilds its views). */
    public static Theme current() {
        return current;
    }

    public static void use(Theme theme) {
        current = theme;
    }

    public static Color classColour(int label) {
        return CLASS_COLOURS[Math.floorMod(label, CLASS_COLOURS.length)];
    }

    public static Marker classMarker(int label) {
        return Marker.values()[Math.floorMod(label, Marker.values().length)];
    }

    /** The same colour for a JavaFX canvas. */
    public static javafx.scene.paint.Color fx(Color colour) {
        return javafx.scene.paint.Color.rgb(colour.getRed(), colour.getGreen(), colour.getBlue(), colour.getAlpha() / 255.0);
    }

    public static javafx.scene.paint.Color fx(Color colour, double opacity) {
        return javafx.scene.paint.Color.rgb(colour.getRed(), colour.getGreen(), colour.getBlue(), opacity);
    }

    /** WCAG 2 contrast ratio of two colours: (L1 + 0.05) / (L2 + 0.05), from 1 to 21. */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(int channel) {
        double s = channel / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }
}
