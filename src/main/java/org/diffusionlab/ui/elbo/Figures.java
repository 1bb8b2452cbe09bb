package org.diffusionlab.ui.elbo;

import java.text.NumberFormat;

import org.diffusionlab.ui.common.text.Messages;

/** Numbers for the ELBO view in the UI's locale: a fixed count of significant digits (nats, bits). */
final class Figures {
    private Figures() {
    }

    static String significant(Messages messages, double value, int digits) {
        if (!Double.isFinite(value)) {
            return "—";
        }
        int magnitude = value == 0 ? 0 : (int) Math.floor(Math.log10(Math.abs(value)));
        int decimals = Math.max(0, digits - 1 - magnitude);
        NumberFormat format = NumberFormat.getNumberInstance(messages.locale());
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(value);
    }

    /** Six significant digits, as the bars show every term. */
    static String six(Messages messages, double value) {
        return significant(messages, value, 6);
    }
}
