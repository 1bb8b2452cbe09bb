package org.diffusionlab.ui.elbo;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

import org.diffusionlab.ui.common.Theme;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

/**
 * An equation typeset by JLaTeXMath. Typesetting runs on one background thread (never the FX thread, never the
 * model worker): the newest formula asked of a view wins (one asked for meanwhile is skipped), the last
 * {@value #CACHED} distinct ones are cached, and the shown image stays until its successor is ready, so live
 * numbers change without flicker. Words in {@code \textsf} take the bundled DejaVu Sans for the accented
 * Latin letters JLaTeXMath's own fonts lack (Vietnamese: ư, ơ, ậ, ế, ợ, …).
 */
public final class Formula extends ImageView {
    static final int CACHED = 400;
    private static final Map<String, Image> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > CACHED;
        }
    });
    private static final ExecutorService TYPESETTER = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "formula-typesetter");
        thread.setDaemon(true);
        return thread;
    });
    private static final float SIZE = 17;

    static {
        TYPESETTER.submit(Formula::registerTextFace);   // before the first formula, on the typesetter's thread
    }

    private volatile String shown;

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
        Color ink = Theme.current().ink();
        String key = key(tex, ink);
        Image cached = CACHE.get(key);
        if (cached != null) {
            setImage(cached);
            return;
        }
        TYPESETTER.submit(() -> {
            if (!tex.equals(shown)) {
                return;   // a newer formula was asked for meanwhile
            }
            Image earlier = CACHE.get(key);
            Image image = earlier != null ? earlier : typeset(tex, ink);
            CACHE.put(key, image);
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
        return getImage() != null && CACHE.get(key(shown, Theme.current().ink())) == getImage();
    }

    /** A formula is cached per theme ink: the dark theme's light ink, the light theme's dark. */
    private static String key(String tex, Color ink) {
        return Integer.toHexString(ink.getRGB()) + " " + tex;
    }

    /**
     * Registers DejaVu Sans (bundled) with AWT and as JLaTeXMath's face for the Latin-1 Supplement and Latin
     * Extended-A, -B and Additional blocks; falls back to the JDK's logical SansSerif if the font cannot be read.
     */
    private static void registerTextFace() {
        String face = "SansSerif";
        try (InputStream in = Formula.class.getResourceAsStream("/org/diffusionlab/fonts/DejaVuSans.ttf")) {
            if (in != null) {
                Font font = Font.createFont(Font.TRUETYPE_FONT, in);
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
                face = font.getFamily();
            }
        } catch (IOException | FontFormatException e) {
            face = "SansSerif";
        }
        for (Character.UnicodeBlock block : new Character.UnicodeBlock[] {Character.UnicodeBlock.LATIN_1_SUPPLEMENT,
            Character.UnicodeBlock.LATIN_EXTENDED_A, Character.UnicodeBlock.LATIN_EXTENDED_B,
            Character.UnicodeBlock.LATIN_EXTENDED_ADDITIONAL}) {
            TeXFormula.registerExternalFont(block, face);
        }
    }

    static Image typeset(String tex, Color ink) {
        TeXIcon icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, SIZE);
        icon.setInsets(new Insets(2, 2, 2, 2));
        BufferedImage image = new BufferedImage(Math.max(1, icon.getIconWidth()), Math.max(1, icon.getIconHeight()),
                BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        icon.setForeground(ink);
        icon.paintIcon(null, g, 0, 0);
        g.dispose();
        return SwingFXUtils.toFXImage(image, null);
    }
}
