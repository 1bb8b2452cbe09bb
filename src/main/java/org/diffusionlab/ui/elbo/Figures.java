package org.diffusionlab.ui.elbo;

import org.diffusionlab.ui.common.text.Messages;

/**
 * Numbers for the ELBO view through the project's one formatter, in the UI's locale: a fixed count of significant
 * digits (nats, bits), in plain text or inside a typeset formula.
 */
final class Figures {
    private Figures() {
    }

    static String significant(Messages messages, double value, int digits) {
        return messages.numbers().significant(value, digits);
    }

    /** Six significant digits, as the bars show every term. */
    static String six(Messages messages, double value) {
        return significant(messages, value, 6);
    }

    /**
     * The same number as TeX: a decimal or grouping comma kept tight ({,} — TeX spaces a bare comma as punctuation),
     * the minus as TeX's, "4.0e-5" as 4.0 × 10⁻⁵, an unknown value as dots.
     */
    static String tex(Messages messages, double value, int digits) {
        if (!Double.isFinite(value)) {
            return "\\ldots";
        }
        String text = significant(messages, value, digits);
        int exponent = text.indexOf('e');
        String mantissa = exponent < 0 ? text : text.substring(0, exponent);
        String power = exponent < 0 ? "" : "\\times 10^{" + text.substring(exponent + 1) + "}";
        return mantissa.replace('−', '-').replace(",", "{,}") + power;
    }

    /** {@link #tex} with six significant digits. */
    static String texSix(Messages messages, double value) {
        return tex(messages, value, 6);
    }

    /** Words from the bundles inside a formula, in the sans-serif text face whose accents the typesetter has. */
    static String texWords(Messages messages, String key) {
        return "\\textsf{" + messages.get(key).replaceAll("([{}%$#&_^~\\\\])", "\\\\$1") + "}";
    }
}
