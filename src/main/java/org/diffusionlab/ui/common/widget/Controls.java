package org.diffusionlab.ui.common.widget;

import java.util.function.Function;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.diffusionlab.ui.common.text.Messages;
import org.diffusionlab.ui.common.text.Numbers;
import org.diffusionlab.ui.common.tip.Tip;

/** Small builders for the side panels, so every view's controls look and behave the same. */
public final class Controls {
    private Controls() {
    }

    /**
     * A titled group of controls: the heading, then a body holding the content. In a {@link SideColumn} a click on
     * the heading folds or opens the body, and the column folds sections itself when they do not fit.
     */
    public static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        heading.setMaxWidth(Double.MAX_VALUE);
        VBox body = new VBox(8, content);
        body.getStyleClass().add("section-body");
        VBox box = new VBox(8, heading, body);
        box.getStyleClass().add(SideColumn.SECTION);
        heading.setOnMouseClicked(e -> {
            if (box.getParent() != null && inSideColumn(box)) {
                SideColumn.toggle(box);
            }
        });
        return box;
    }

    private static boolean inSideColumn(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof SideColumn) {
                return true;
            }
        }
        return false;
    }

    /** Keeps these nodes at least as large as they ask to be: their text is never cut to "…" to make room. */
    public static void whole(Region... nodes) {
        for (Region node : nodes) {
            node.setMinWidth(Region.USE_PREF_SIZE);
            node.setMinHeight(Region.USE_PREF_SIZE);
        }
    }

    /** A two-column form: labels on the left, controls stretching on the right. */
    public static GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Typed text in an editable spinner counts when the field loses focus, not only on Enter. */
    public static void commitOnFocusLost(Spinner<?> spinner) {
        spinner.setMaxWidth(Double.MAX_VALUE);
        spinner.setMinWidth(70);
        spinner.setPrefWidth(110);
        spinner.getEditor().focusedProperty().addListener((obs, old, focused) -> {
            if (!focused) {
                spinner.commitValue();
            }
        });
    }

    /**
     * Binds both ways to a wrapper such as {@code DoubleProperty.asObject()}, which only the (weak) binding would
     * otherwise hold: kept in the node's properties, it lives as long as the control, not until the next GC.
     */
    public static <T> void bindStrongly(Node owner, Property<T> control, Property<T> wrapper) {
        owner.getProperties().put("bound-" + System.identityHashCode(control), wrapper);
        control.bindBidirectional(wrapper);
    }

    /** A seed: an editable spinner bound both ways to the property, and a dice button that asks for a new one. */
    public static HBox seed(String id, LongProperty seed, Runnable newSeed, Messages messages) {
        Spinner<Integer> spinner = new Spinner<>(0, Integer.MAX_VALUE, (int) seed.get());
        spinner.setId(id);
        spinner.setEditable(true);
        commitOnFocusLost(spinner);
        Tip.of(messages, "seed").tex("\\varepsilon \\sim \\mathcal{N}(0, I)").on(spinner);
        spinner.getValueFactory().valueProperty().addListener((obs, old, value) -> seed.set(value));
        seed.addListener((obs, old, value) -> spinner.getValueFactory().setValue(value.intValue()));
        HBox.setHgrow(spinner, Priority.ALWAYS);
        HBox row = new HBox(6, spinner);
        if (newSeed != null) {
            Button dice = new Button(null, Icons.of(Icons.DICE));
            dice.setId(id + "-new");
            Tip.of(messages, "seed.new").on(dice);
            dice.setOnAction(e -> newSeed.run());
            row.getChildren().add(dice);
        }
        return row;
    }

    /** An editable integer spinner bound both ways to a property. */
    public static Spinner<Integer> intSpinner(String id, int min, int max, int step, IntegerProperty property) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get(), step);
        spinner.setId(id);
        spinner.setEditable(true);
        commitOnFocusLost(spinner);
        bindStrongly(spinner, spinner.getValueFactory().valueProperty(), property.asObject());
        return spinner;
    }

    /**
     * An editable decimal spinner (4 significant digits in the UI language's convention, accepts "1e-4" and "0,5")
     * bound both ways to a property.
     */
    public static Spinner<Double> doubleSpinner(String id, double min, double max, double step, DoubleProperty property) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, property.get(), step);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : Numbers.current().compact(value, 4);
            }

            @Override
            public Double fromString(String text) {
                Double value = Numbers.current().parse(text);
                return value == null ? factory.getValue() : value;
            }
        });
        Spinner<Double> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        commitOnFocusLost(spinner);
        bindStrongly(spinner, factory.valueProperty(), property.asObject());
        return spinner;
    }

    public static <T> StringConverter<T> converter(Function<T, String> toText) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : toText.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("read-only converter");
            }
        };
    }

    /** A full-width toggle for one of several choices; {@code value} is what it stands for. */
    public static ToggleButton choice(String id, String text, Object value) {
        ToggleButton button = new ToggleButton(text);
        button.setMnemonicParsing(false);
        button.setWrapText(true);
        button.setId(id);
        button.setUserData(value);
        button.setMaxWidth(Double.MAX_VALUE);
        button.getStyleClass().add("choice");
        HBox.setHgrow(button, Priority.ALWAYS);
        return button;
    }

    /** Toggle buttons that always keep exactly one chosen, bound to the property. */
    @SuppressWarnings("unchecked")
    public static <T> void bindChoice(ObjectProperty<T> property, ToggleButton... buttons) {
        ToggleGroup group = new ToggleGroup();
        for (ToggleButton b : buttons) {
            b.setToggleGroup(group);
            b.setSelected(b.getUserData() == property.get());
        }
        group.selectedToggleProperty().addListener((obs, old, toggle) -> {
            if (toggle == null) {
                old.setSelected(true);
            } else {
                property.set((T) toggle.getUserData());
            }
        });
        property.addListener((obs, old, value) -> {
            for (ToggleButton b : buttons) {
                if (b.getUserData() == value && !b.isSelected()) {
                    b.setSelected(true);
                }
            }
        });
    }
}
