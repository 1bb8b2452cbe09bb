package org.diffusionlab.ui.common.widget;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/** Small vector icons (no font glyph needed), styled by CSS class "icon". */
public final class Icons {
    public static final String PLAY = "M2 1 L13 7.5 L2 14 Z";
    public static final String PAUSE = "M2 1 H6 V14 H2 Z M9 1 H13 V14 H9 Z";
    public static final String STEP_FORWARD = "M1 1 L9 7.5 L1 14 Z M10 1 H13 V14 H10 Z";
    public static final String STEP_BACK = "M14 1 L6 7.5 L14 14 Z M2 1 H5 V14 H2 Z";
    public static final String TO_START = "M1 1 H3.5 V14 H1 Z M9 1 L3.5 7.5 L9 14 Z M15 1 L9.5 7.5 L15 14 Z";
    public static final String TO_END = "M14 1 H11.5 V14 H14 Z M6 1 L11.5 7.5 L6 14 Z M0 1 L5.5 7.5 L0 14 Z";
    public static final String LOOP = "M3 5 H11 V2 L15 6.5 L11 11 V8 H4 V11 H1 V7 Q1 5 3 5 Z";
    public static final String DICE = "M2 1 H13 Q14 1 14 2 V13 Q14 14 13 14 H2 Q1 14 1 13 V2 Q1 1 2 1 Z M4 3.5 A1.3 1.3 0 1 0 4 6.1 A1.3 1.3 0 1 0 4 3.5 Z M11 8.9 A1.3 1.3 0 1 0 11 11.5 A1.3 1.3 0 1 0 11 8.9 Z M7.5 6.2 A1.3 1.3 0 1 0 7.5 8.8 A1.3 1.3 0 1 0 7.5 6.2 Z";

    private Icons() {
    }

    public static Node of(String path) {
        SVGPath icon = new SVGPath();
        icon.setContent(path);
        icon.getStyleClass().add("icon");
        return icon;
    }
}
