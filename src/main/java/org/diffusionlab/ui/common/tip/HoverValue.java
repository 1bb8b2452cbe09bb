package org.diffusionlab.ui.common.tip;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;

import org.diffusionlab.ui.common.text.Messages;

/**
 * What lies under the mouse on a canvas or an image, in words: while the mouse moves (or drags) over the node, a
 * {@link Reader} turns the point into text (which sample and pixel value, the nearest point, the latent z, the
 * cell's value), and the node's {@link Tip} shows it under the meaning. The reader only reads what is already on
 * screen — the numbers the view was given to draw — so nothing is computed on the FX thread. Installed through
 * {@link Tip#hover}: {@code Tip.of(messages, "latent.map").hover((x, y) -> ...).on(map)}.
 */
public final class HoverValue {
    /** Where an installed hover value is kept in its node's properties. */
    public static final String PROPERTY = "diffusionlab-hover";

    /** The value at a point in the node's own coordinates, in words; null where there is none (a margin, no data). */
    @FunctionalInterface
    public interface Reader {
        String at(double x, double y);
    }

    private final Reader reader;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text");

    private HoverValue(Reader reader) {
        this.reader = reader;
    }

    /** Follows the mouse over {@code node}; the text is null while the mouse is elsewhere. */
    static HoverValue install(Node node, Reader reader) {
        HoverValue hover = new HoverValue(reader);
        node.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover.moveTo(e.getX(), e.getY()));
        node.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hover.moveTo(e.getX(), e.getY()));
        node.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> hover.moveTo(e.getX(), e.getY()));   // a stroke changed the ink
        node.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.text.set(null));
        node.getProperties().put(PROPERTY, hover);
        return hover;
    }

    /** The hover value installed on this node, or null. */
    public static HoverValue installed(Node node) {
        return node.getProperties().get(PROPERTY) instanceof HoverValue hover ? hover : null;
    }

    /** What is under the mouse now, or null. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** What the tip would say with the mouse at this point of the node (null where there is nothing). */
    public String at(double x, double y) {
        return reader.at(x, y);
    }

    private void moveTo(double x, double y) {
        text.set(reader.at(x, y));
    }

    /** "(column 3, row 12)": a pixel's place, as the hover texts name it. */
    public static String pixel(Messages messages, int column, int row) {
        return messages.format("hover.pixelPlace", String.valueOf(column + 1), String.valueOf(row + 1));
    }
}
