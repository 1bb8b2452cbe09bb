package org.diffusionlab.ui.common.text;

/** Writes numbers as Unicode subscripts, for equations like x₂₅₀ = √ᾱ₂₅₀ x₀ + √(1−ᾱ₂₅₀) ε. */
public final class Subscripts {
    private static final String DIGITS = "₀₁₂₃₄₅₆₇₈₉";

    private Subscripts() {
    }

    public static String of(long number) {
        String plain = Long.toString(number);
        StringBuilder out = new StringBuilder(plain.length());
        for (char c : plain.toCharArray()) {
            out.append(c == '-' ? '₋' : DIGITS.charAt(c - '0'));
        }
        return out.toString();
    }
}
