package org.diffusionlab.ui.common.widget;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A view's side column of {@link Controls#section sections} that re-lays out instead of needing a scroll bar:
 * when the sections do not all fit the height (a 720-line projector, large presentation type), the tallest ones
 * fold to their headings, which open with a click (and fold the others that then no longer fit). Sections the
 * user folded stay folded; the ones folded for room open again when the window grows.
 */
public class SideColumn extends ScrollPane {
    static final String SECTION = "section";
    static final String FOLDED_BY_USER = "folded-by-user";
    static final String OPENED_BY_USER = "opened-by-user";
    private static final PseudoClass FOLDED = PseudoClass.getPseudoClass("folded");
    private static long clicks;
    private boolean fitting;
    /** Width, height and content height after the last fit: the same again means there is nothing to redo. */
    private double[] fitted = new double[3];

    public SideColumn() {
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("side-scroll");
    }

    /** The column's content: sections (and anything else) one above the other. */
    public void setSections(VBox content) {
        content.getStyleClass().add("side-panel");
        content.setPadding(new Insets(12));
        setContent(content);
    }

    @Override
    protected void layoutChildren() {
        if (!fitting && getContent() instanceof Region content) {
            fitting = true;
            try {
                fit(content);
            } finally {
                fitting = false;
            }
        }
        super.layoutChildren();
    }

    private void fit(Region content) {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        if (width <= 0 || height <= 0
                || (width == fitted[0] && height == fitted[1] && content.prefHeight(width) == fitted[2])) {
            return;
        }
        List<VBox> sections = new ArrayList<>();
        collect(content, sections);
        for (VBox section : sections) { // open what was folded for room, then fold again what does not fit
            if (isFolded(section) && !section.getProperties().containsKey(FOLDED_BY_USER)) {
                setFolded(section, false);
            }
        }
        while (content.prefHeight(width) > height) {
            VBox tallest = sections.stream().filter(s -> !isFolded(s))
                    .filter(s -> !openedLast(s, sections))
                    .max(Comparator.comparingDouble(s -> s.prefHeight(width))).orElse(null);
            if (tallest == null) {
                break; // only the user's own choice is left open: the scroll bar is the last resort
            }
            setFolded(tallest, true);
        }
        fitted = new double[] {width, height, content.prefHeight(width)};
    }

    private static boolean openedLast(VBox section, List<VBox> sections) {
        Object mine = section.getProperties().get(OPENED_BY_USER);
        if (mine == null) {
            return false;
        }
        return sections.stream().map(s -> s.getProperties().get(OPENED_BY_USER)).filter(o -> o != null)
                .mapToLong(o -> (Long) o).max().orElse(-1) == (Long) mine;
    }

    private static void collect(Node node, List<VBox> sections) {
        if (node instanceof VBox box && box.getStyleClass().contains(SECTION)) {
            sections.add(box);
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, sections);
            }
        }
    }

    static boolean isFolded(VBox section) {
        return section.getPseudoClassStates().contains(FOLDED);
    }

    static void setFolded(VBox section, boolean folded) {
        section.pseudoClassStateChanged(FOLDED, folded);
        if (section.getChildren().get(0) instanceof Label heading) {
            Label opens = (Label) heading.getProperties().computeIfAbsent("opens", key -> {
                Label glyph = new Label("▸"); // a folded heading says that it opens
                glyph.getStyleClass().add("section-title");
                return glyph;
            });
            if ((heading.getGraphic() != null) != folded) {
                heading.setGraphic(folded ? opens : null);
            }
        }
        Node body = section.getChildren().get(1);
        body.setVisible(!folded);
        body.setManaged(!folded);
    }

    /** A click on a section's heading: fold it, or open it (and remember that the user wants it open). */
    static void toggle(VBox section) {
        boolean fold = !isFolded(section);
        if (fold) {
            section.getProperties().put(FOLDED_BY_USER, true);
            section.getProperties().remove(OPENED_BY_USER);
        } else {
            section.getProperties().remove(FOLDED_BY_USER);
            section.getProperties().put(OPENED_BY_USER, ++clicks);
        }
        setFolded(section, fold);
        section.requestLayout();
    }
}
