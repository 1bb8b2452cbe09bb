package org.diffusionlab.ui.common;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;

/**
 * Walks a scene graph as a projector user would see it and lists what they could not read or reach: a visible
 * {@link Labeled} whose rendered text differs from its text (an ellipsis, a cut line), a visible control lying
 * partly outside the window, and a visible {@link ScrollPane} that needs scrolling to reach one of its controls.
 */
public final class LayoutAudit {
    private static final double TOLERANCE = 1.0;

    private LayoutAudit() {
    }

    public static List<String> faults(Scene scene) {
        List<String> faults = new ArrayList<>();
        walk(scene.getRoot(), scene, faults, false);
        return faults;
    }

    private static void walk(Node node, Scene scene, List<String> faults, boolean insideScroll) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Labeled labeled) {
            checkText(labeled, faults);
        }
        if (node instanceof Control control && !insideScroll && !(insideSkin(node))) {
            Bounds bounds = node.localToScene(node.getLayoutBounds());
            if (bounds.getWidth() > 0 && bounds.getHeight() > 0
                    && (bounds.getMinX() < -TOLERANCE || bounds.getMinY() < -TOLERANCE
                    || bounds.getMaxX() > scene.getWidth() + TOLERANCE || bounds.getMaxY() > scene.getHeight() + TOLERANCE)) {
                faults.add("outside the window: " + describe(control) + " at " + rectangle(bounds));
            }
        }
        boolean scroll = insideScroll;
        if (node instanceof ScrollPane pane && !insideSkin(pane)) {
            checkScroll(pane, faults);
            scroll = true;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, faults, scroll);
            }
        }
    }

    /** Text fields, lists and combo boxes scroll their own content by design; only layout scroll panes count. */
    private static boolean insideSkin(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof TextInputControl || p instanceof ListView || p instanceof ComboBoxBase) {
                return true;
            }
        }
        return false;
    }

    private static void checkText(Labeled labeled, List<String> faults) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return;
        }
        String expected = labeled.isMnemonicParsing() ? text.replaceFirst("_(?=.)", "") : text;
        Text rendered = null;
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getClass().getSimpleName().equals("LabeledText")) {
                rendered = t;
            }
        }
        if (rendered == null) {
            return; // not laid out, or a graphic-only content display
        }
        String shown = rendered.getText() == null ? "" : rendered.getText();
        if (!normalise(shown).equals(normalise(expected))) {
            faults.add("truncated: " + describe(labeled) + " shows \"" + shown + "\" of \"" + expected + "\"");
        }
    }

    /** Wrapping turns spaces into line breaks; that is not truncation. */
    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }

    private static void checkScroll(ScrollPane pane, List<String> faults) {
        Node content = pane.getContent();
        if (content == null || !content.isVisible()) {
            return;
        }
        Bounds viewport = pane.localToScene(pane.getLayoutBounds());
        List<Control> controls = new ArrayList<>();
        collectControls(content, controls);
        for (Control control : controls) {
            Bounds bounds = control.localToScene(control.getLayoutBounds());
            if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0) {
                continue;
            }
            if (bounds.getMinY() < viewport.getMinY() - TOLERANCE || bounds.getMaxY() > viewport.getMaxY() + TOLERANCE
                    || bounds.getMinX() < viewport.getMinX() - TOLERANCE || bounds.getMaxX() > viewport.getMaxX() + TOLERANCE) {
                faults.add("needs scrolling: " + describe(control) + " in " + describe(pane) + " (viewport "
                        + rectangle(viewport) + ", control " + rectangle(bounds) + ")");
                return; // one per scroll pane is enough to say it
            }
        }
    }

    private static void collectControls(Node node, List<Control> controls) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Control control) {
            controls.add(control);
            return; // a control's own skin parts move with it
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectControls(child, controls);
            }
        }
    }

    private static String describe(Node node) {
        StringBuilder name = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            name.append('#').append(node.getId());
        } else if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            name.append(" \"").append(labeled.getText().lines().findFirst().orElse("")).append('"');
        }
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                name.append(" in #").append(p.getId());
                break;
            }
        }
        return name.toString();
    }

    private static String rectangle(Bounds b) {
        return String.format(java.util.Locale.ROOT, "[%.0f,%.0f %.0f×%.0f]", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }
}
