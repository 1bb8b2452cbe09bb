package org.diffusionlab.ui.common.tip;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * TeX formulas typeset by JLaTeXMath into images for the UI: on one daemon thread of their own (never the FX
 * thread, never the model worker), each formula once per ink colour and size, the result cached.
 */
public final class Typeset {
    private static final Map<String, Optional<Image>> CACHE = new ConcurrentHashMap<>();
    private static final ExecutorService THREAD = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tip-typesetter");
        thread.setDaemon(true);
        return thread;
    });
    private static final int MARGIN = 3;

    private Typeset() {
    }

    /** Hands {@code show} the image of {@code tex} on the FX thread: at once if cached, else when typeset. */
    public static void later(String tex, Color ink, float size, Consumer<Image> show) {
        Optional<Image> cached = CACHE.get(key(tex, ink, size));
        if (cached != null) {
            cached.ifPresent(show);
            return;
        }
        THREAD.submit(() -> image(tex, ink, size).ifPresent(image -> Platform.runLater(() -> show.accept(image))));
    }

    /** The image of {@code tex} (typeset now, on the calling thread, unless cached); empty if it is no valid TeX. */
    public static Optional<Image> image(String tex, Color ink, float size) {
        return CACHE.computeIfAbsent(key(tex, ink, size), key -> render(tex, ink, size));
    }

    private static String key(String tex, Color ink, float size) {
        return ink.getRGB() + "/" + size + "/" + tex;
    }

    private static Optional<Image> render(String tex, Color ink, float size) {
        TeXIcon icon;
        try {
            icon = new TeXFormula(tex).new TeXIconBuilder().setStyle(TeXConstants.STYLE_DISPLAY).setSize(size).build();
        } catch (ParseException e) {
            return Optional.empty();
        }
        icon.setForeground(ink);
        BufferedImage canvas = new BufferedImage(icon.getIconWidth() + 2 * MARGIN, icon.getIconHeight() + 2 * MARGIN,
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D pen = canvas.createGraphics();
        pen.addRenderingHints(Map.of(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON,
                RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON));
        icon.paintIcon(null, pen, MARGIN, MARGIN);
        pen.dispose();
        return Optional.of(SwingFXUtils.toFXImage(canvas, null));
    }
}
