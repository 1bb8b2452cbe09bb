package org.diffusionlab.ui.elbo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * An equation typeset by JLaTeXMath. Typesetting runs on one background thread (never the FX thread, never the
 * model worker), each distinct formula once: the image is cached and set on the FX thread when ready.
 */
public final class Formula extends ImageView {
    private static final Map<String, Image> CACHE = new ConcurrentHashMap<>();
    private static final ExecutorService TYPESETTER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "formula-typesetter");
        thread.setDaemon(true);
        return thread;
    });
    private static final float SIZE = 17;

    private String shown;

    public Formula(String id) {
        setId(id);
        getStyleClass().add("formula");
        setPreserveRatio(true);
    }

    public Formula(String id, String tex) {
        this(id);
        setTex(tex);
    }

    /** Shows {@code tex}; cached formulas appear at once, others when typeset. */
    public void setTex(String tex) {
        shown = tex;
        Image cached = CACHE.get(tex);
        if (cached != null) {
            setImage(cached);
            return;
        }
        TYPESETTER.submit(() -> {
            Image image = CACHE.computeIfAbsent(tex, Formula::typeset);
            Platform.runLater(() -> {
                if (tex.equals(shown)) {
                    setImage(image);
                }
            });
        });
    }

    public String tex() {
        return shown;
    }

    /** Whether the current formula has been typeset and shown (for tests). */
    public boolean isTypeset() {
        return getImage() != null && CACHE.get(shown) == getImage();
    }

    static Image typeset(String tex) {
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, SIZE);
        icon.setInsets(new Insets(2, 2, 2, 2));
        BufferedImage image = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.setForeground(new Color(0x222222));
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(image, null);
    }
}
