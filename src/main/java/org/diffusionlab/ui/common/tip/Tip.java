package org.diffusionlab.ui.common.tip;

import java.util.function.Supplier;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.util.Duration;

import org.diffusionlab.ui.common.Theme;
import org.diffusionlab.ui.common.chart.Charts;
import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;

/**
 * What a control or a number on screen means, as its tooltip: the meaning in one line (the message
 * {@code tip.<name>} of the UI language), the formula typeset from TeX as the tooltip's picture, and the current
 * value, kept up to date as it changes. The value is the control's own unless one is given: a spinner's text, a
 * slider's position, a combo box's choice, whether a toggle is on, a label's text. One install a control:
 * {@code Tip.of(messages, "alphaBar").tex("\\bar\\alpha_t").on(label)}.
 */
public final class Tip {
    /** Where an installed tip is kept in its node's properties (tests read it there). */
    public static final String PROPERTY = "diffusionlab-tip";
    /** Formulas are typeset at this size (before presentation mode's scale). */
    private static final float TEX_SIZE = 17;
    private static final double FONT_SIZE = 13;

    private final Messages messages;
    private final String name;
    private final Tooltip tooltip = new Tooltip();
    private String tex;
    private ObservableValue<String> value;
    private HoverValue.Reader hoverReader;
    private HoverValue hover;

    private Tip(Messages messages, String name) {
        this.messages = messages;
        this.name = name;
    }

    /** The tip whose meaning is the message {@code tip.<name>}. */
    public static Tip of(Messages messages, String name) {
        return new Tip(messages, name);
    }

    /** The formula, as TeX (typeset off the FX thread, shown above the words). */
    public Tip tex(String formula) {
        this.tex = formula;
        return this;
    }

    /** The current value to show instead of the control's own. */
    public Tip value(ObservableValue<String> current) {
        this.value = current;
        return this;
    }

    /** The current value, computed again whenever one of the dependencies changes. */
    public Tip value(Supplier<String> current, Observable... dependencies) {
        return value(Bindings.createStringBinding(current::get, dependencies));
    }

    /**
     * What lies under the mouse, for a canvas or an image: while the mouse moves over the node the tip states the
     * reader's text (see {@link HoverValue}) below the meaning.
     */
    public Tip hover(HoverValue.Reader reader) {
        this.hoverReader = reader;
        return this;
    }

    /** Installs the tip on {@code node} and returns the node. */
    public <N extends Node> N on(N node) {
        if (value == null) {
            value = ownValue(node);
        }
        if (hoverReader != null) {
            hover = HoverValue.install(node, hoverReader);
        }
        build();
        if (node instanceof Control control) {
            control.setTooltip(tooltip);
        } else {
            Tooltip.install(node, tooltip);
        }
        node.getProperties().put(PROPERTY, this);
        return node;
    }

    /** Installs the tip on a tab's header. */
    public Tab on(Tab tab) {
        build();
        tab.setTooltip(tooltip);
        tab.getProperties().put(PROPERTY, this);
        return tab;
    }

    /** The tip installed on this node, or null. */
    public static Tip installed(Node node) {
        return node.getProperties().get(PROPERTY) instanceof Tip tip ? tip : null;
    }

    public static Tip installed(Tab tab) {
        return tab.getProperties().get(PROPERTY) instanceof Tip tip ? tip : null;
    }

    public String name() {
        return name;
    }

    /** The meaning in the UI language (the message {@code tip.<name>}). */
    public String meaning() {
        return messages.get("tip." + name);
    }

    /** The formula as TeX, or null. */
    public String tex() {
        return tex;
    }

    /** What the mouse is over, if this tip follows it (else null). */
    public HoverValue hover() {
        return hover;
    }

    /** The tooltip's text as it reads now: the meaning, the current value, what is under the mouse. */
    public String text() {
        return tooltip.getText();
    }

    /** Whether {@code shown} is this tip's tooltip (and not one set over it since). */
    public boolean owns(Tooltip shown) {
        return shown == tooltip;
    }

    private void build() {
        tooltip.setWrapText(true);
        double scale = Charts.fontScale();
        tooltip.setMaxWidth(440 * scale);
        tooltip.setShowDelay(Duration.millis(350));
        tooltip.setShowDuration(Duration.seconds(30));
        tooltip.getStyleClass().add("tip");
        tooltip.setStyle("-fx-font-size: " + FONT_SIZE * scale + "px;");
        if (value == null && hover == null) {
            tooltip.setText(meaning());
        } else {
            ObservableValue<String> now = line("tip.now", value);
            ObservableValue<String> under = line("tip.under", hover == null ? null : hover.textProperty());
            tooltip.textProperty().bind(Bindings.createStringBinding(() -> meaning() + now.getValue() + under.getValue(), now, under));
        }
        if (tex != null) {
            ImageView formula = new ImageView();
            tooltip.setGraphic(formula);
            tooltip.setContentDisplay(ContentDisplay.TOP);
            Typeset.later(tex, Theme.current().ink(), (float) (TEX_SIZE * scale), formula::setImage);
        }
    }

    /** "\n" and the message {@code key} with what {@code shown} says, or "" while it says nothing (or there is none). */
    private ObservableValue<String> line(String key, ObservableValue<String> shown) {
        return shown == null ? new SimpleStringProperty("") : shown.map(text -> "\n" + messages.format(key, text)).orElse("");
    }

    /** What the control itself shows as its value (null for a button, which has none). */
    private ObservableValue<String> ownValue(Node node) {
        Numbers numbers = messages.numbers();
        if (node instanceof Spinner<?> spinner) {
            return spinner.getEditor().textProperty();
        } else if (node instanceof Slider slider) {
            return slider.valueProperty().map(v -> numbers.value(v.doubleValue()));
        } else if (node instanceof ComboBox<?> box) {
            return Bindings.createStringBinding(() -> shown(box), box.valueProperty(), box.converterProperty());
        } else if (node instanceof CheckBox box) {
            return box.selectedProperty().map(on -> messages.get(on ? "tip.on" : "tip.off"));
        } else if (node instanceof ToggleButton toggle) {
            return toggle.selectedProperty().map(on -> messages.get(on ? "tip.chosen" : "tip.notChosen"));
        } else if (node instanceof ProgressBar bar) {
            return bar.progressProperty().map(p -> messages.format("tip.percent", numbers.fixed(Math.max(0, p.doubleValue()) * 100, 0)));
        } else if (node instanceof Labeled labeled && !(node instanceof javafx.scene.control.ButtonBase)) {
            return labeled.textProperty();
        }
        return null;
    }

    private static <T> String shown(ComboBox<T> box) {
        T chosen = box.getValue();
        if (chosen == null) {
            return box.getPromptText() == null ? "–" : box.getPromptText();
        }
        return box.getConverter() == null ? String.valueOf(chosen) : box.getConverter().toString(chosen);
    }
}
