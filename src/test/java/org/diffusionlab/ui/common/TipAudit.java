package org.diffusionlab.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Accordion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.tip.Tip;
import org.diffusionlab.ui.common.tip.Typeset;
import org.diffusionlab.ui.common.widget.RasterView;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.AbstractXYItemRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Walks a scene graph and lists what does not explain itself. The rule: every visible {@link Control} — except
 * plain containers (scroll, tab, split and titled panes, tool and button bars; their content is walked) and the
 * parts of a control's own skin — and every visible {@link Label} that shows a number (an ASCII digit; hints and
 * notices, sentences that say what they mean, aside) carries a
 * {@link Tip} as its tooltip, whose text is non-empty, holds the meaning from the bundle of the language on screen
 * and the control's current value (a spinner's text, a slider's position, a combo box's shown choice, a toggle's
 * state, each number of a label's text); a formula it names typesets. Every picture the app paints on a canvas (a
 * plot, a pad, a map, an image without a caption whose tip explains it) has a tip too. Every tab has a tip; every series of every
 * chart is explained, in its legend item and over its points (with the point's value).
 */
public final class TipAudit {
    private static final Pattern NUMBER = Pattern.compile("\\d(?:[\\d.,]*\\d)?");

    private TipAudit() {
    }

    /** Faults in the scene, judged in the language of {@code messages}; {@code counted[0]} gets the tips seen. */
    public static List<String> faults(Scene scene, Messages messages, int[] counted) {
        List<String> faults = new ArrayList<>();
        walk(scene.getRoot(), messages, faults, counted);
        return faults;
    }

    private static void walk(Node node, Messages messages, List<String> faults, int[] counted) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ChartViewer viewer) {
            checkChart(viewer.getChart(), messages, faults, counted);
            return;
        }
        if (node instanceof ScrollBar || node instanceof Separator || node instanceof MenuBar) {
            return;
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                check(Tip.installed(tab), tab.getTooltip(), "tab " + tab.getText(), null, messages, faults, counted);
            }
        }
        if (node instanceof Control control && !isContainer(control)) {
            if (!(control instanceof Label label) || hasNumber(label.getText()) && !isProse(label)) {
                check(Tip.installed(control), control.getTooltip(), describe(control), expected(control, messages), messages,
                        faults, counted);
            }
            return; // a control's skin is part of it
        }
        if (paints(node)) {
            if (!captioned(node)) {
                check(Tip.installed(node), installedTooltip(node), describe(node), null, messages, faults, counted);
            }
            return; // its canvases are its picture
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, messages, faults, counted);
            }
        }
    }

    /** A picture the app paints: a canvas, or a region drawn on canvases of its own (plots, images, pads, maps). */
    private static boolean paints(Node node) {
        return node instanceof Canvas || node instanceof Parent parent
                && parent.getChildrenUnmodifiable().stream().anyMatch(child -> child instanceof Canvas);
    }

    /**
     * An image shown under (or beside) a caption or a row title is explained by the caption's tip, which the walk
     * checks: a picture of a digit says nothing a tip on the picture itself would add.
     */
    private static boolean captioned(Node node) {
        return node instanceof RasterView && node.getParent() != null && node.getParent().getChildrenUnmodifiable().stream()
                .anyMatch(sibling -> sibling instanceof Label && Tip.installed(sibling) != null);
    }

    /** The tooltip {@link Tooltip#install} put on a node that is not a control. */
    private static Tooltip installedTooltip(Node node) {
        return node.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip tooltip ? tooltip : null;
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + " in "
                + (node.getParent() == null ? "-" : node.getParent().getClass().getSimpleName()
                + (node.getParent().getId() == null ? "" : "#" + node.getParent().getId()));
    }

    private static boolean isContainer(Control control) {
        return control instanceof ScrollPane || control instanceof TabPane || control instanceof SplitPane
                || control instanceof TitledPane || control instanceof Accordion || control instanceof ToolBar
                || control instanceof ButtonBar;
    }

    /** A hint or a notice is a sentence that says what it means; its numbers are words of it. */
    private static boolean isProse(Label label) {
        return label.getStyleClass().contains("hint") || label.getStyleClass().contains("notice");
    }

    private static boolean hasNumber(String text) {
        return text != null && NUMBER.matcher(text).find();
    }

    /** The value a control shows, as its tooltip must state it (null: a button has none). */
    private static List<String> expected(Control control, Messages messages) {
        if (control instanceof Spinner<?> spinner) {
            return List.of(spinner.getEditor().getText());
        } else if (control instanceof Slider slider) {
            return List.of(messages.numbers().value(slider.getValue()));
        } else if (control instanceof ComboBox<?> box) {
            return box.lookup(".list-cell") instanceof ListCell<?> cell && cell.getText() != null ? List.of(cell.getText()) : null;
        } else if (control instanceof CheckBox box) {
            return List.of(messages.get(box.isSelected() ? "tip.on" : "tip.off"));
        } else if (control instanceof ToggleButton toggle) {
            return List.of(messages.get(toggle.isSelected() ? "tip.chosen" : "tip.notChosen"));
        } else if (control instanceof ProgressBar bar) {
            return List.of(messages.format("tip.percent", messages.numbers().fixed(Math.max(0, bar.getProgress()) * 100, 0)));
        } else if (control instanceof Label label) {
            List<String> numbers = new ArrayList<>();
            Matcher number = NUMBER.matcher(label.getText());
            while (number.find()) {
                numbers.add(number.group());
            }
            return numbers;
        }
        return null;
    }

    private static void check(Tip tip, Tooltip tooltip, String what, List<String> values, Messages messages, List<String> faults,
                              int[] counted) {
        if (tip == null || !tip.owns(tooltip)) {
            faults.add("no tip: " + what);
            return;
        }
        counted[0]++;
        String meaning = messages.get("tip." + tip.name());
        String text = tooltip.getText();
        if (meaning.startsWith("‹") || meaning.isBlank()) {
            faults.add("no message tip." + tip.name() + " for " + what);
        } else if (text == null || !text.contains(meaning)) {
            faults.add("tip not in the language on screen (" + meaning + "): " + what + " says " + text);
        } else if (values != null) {
            for (String value : values) {
                if (!text.contains(value)) {
                    faults.add("tip without the current value " + value + ": " + what + " says " + text);
                }
            }
        }
        if (tip.tex() != null && Typeset.image(tip.tex(), java.awt.Color.BLACK, 12).isEmpty()) {
            faults.add("formula does not typeset: " + tip.tex() + " (" + what + ")");
        }
    }

    private static void checkChart(JFreeChart chart, Messages messages, List<String> faults, int[] counted) {
        if (!(chart.getPlot() instanceof XYPlot plot)) {
            faults.add("chart without an XY plot: " + chart.getTitle().getText());
            return;
        }
        String title = chart.getTitle() == null ? "?" : chart.getTitle().getText();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset data = plot.getDataset(d);
            if (data == null) {
                continue;
            }
            AbstractXYItemRenderer renderer = (AbstractXYItemRenderer) plot.getRendererForDataset(data);
            for (int s = 0; s < data.getSeriesCount(); s++) {
                Comparable<?> key = data.getSeriesKey(s);
                String where = "chart " + title + ", series " + key;
                if (!(renderer.getLegendItemToolTipGenerator() instanceof org.diffusionlab.ui.common.chart.SeriesTips tips)
                        || tips.name(key) == null) {
                    faults.add("series not explained: " + where);
                    continue;
                }
                counted[0]++;
                String meaning = messages.get("tip." + tips.name(key));
                String legend = renderer.getLegendItemToolTipGenerator().generateLabel(data, s);
                if (meaning.startsWith("‹") || !legend.contains(meaning)) {
                    faults.add("legend tip not in the language on screen: " + where + " says " + legend);
                }
                if (data.getItemCount(s) > 0) {
                    String point = renderer.getToolTipGenerator(s, 0).generateToolTip(data, s, 0);
                    String y = messages.numbers().compact(data.getYValue(s, 0), 4);
                    if (!point.contains(meaning) || !point.contains(y)) {
                        faults.add("point tip without meaning or value " + y + ": " + where + " says " + point);
                    }
                }
            }
        }
    }

    private static String describe(Control control) {
        String text = control instanceof javafx.scene.control.Labeled l ? " \"" + l.getText() + "\"" : "";
        return control.getClass().getSimpleName() + (control.getId() == null ? "" : "#" + control.getId()) + text
                + " in " + (control.getParent() == null ? "-" : control.getParent().getClass().getSimpleName()
                + (control.getParent().getId() == null ? "" : "#" + control.getParent().getId()));
    }
}
