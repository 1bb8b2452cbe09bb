package org.diffusionlab.ui.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class NumbersTest {
    private final Numbers english = Numbers.of(Messages.ENGLISH);
    private final Numbers vietnamese = Numbers.of(Messages.VIETNAMESE);

    @Test
    void vietnameseWritesADecimalCommaAndAThousandsDot() {
        assertEquals("1.234,5", vietnamese.fixed(1234.5, 1));
        assertEquals("1,234.5", english.fixed(1234.5, 1));
        assertEquals("1.000", vietnamese.integer(1000));
        assertEquals("0,07859", vietnamese.significant(0.078594, 4));
        assertEquals("0.07859", english.significant(0.078594, 4));
    }

    @Test
    void significantDigitsAreThoseOfPrintfG() {
        assertEquals(String.format(java.util.Locale.ROOT, "%.4g", 0.9599), english.significant(0.9599, 4));
        assertEquals("1.000", english.significant(1, 4));
        assertEquals("4.000e-5", english.significant(4.0e-5, 4));
        assertEquals("4,000e-5", vietnamese.significant(4.0e-5, 4));
        assertEquals("−0.2500", english.significant(-0.25, 4));
        assertEquals("12.35", english.significant(12.345, 4));
    }

    @Test
    void spinnersShowNoTrailingZeros() {
        assertEquals("1", vietnamese.compact(1, 4), "β = 1, not the ambiguous 1.000 or 1,000");
        assertEquals("0,001", vietnamese.compact(0.001, 4));
        assertEquals("0.0001", english.compact(1e-4, 4));
        assertEquals("1e-5", english.compact(1e-5, 4));
        assertEquals("+0,25", vietnamese.signed(0.25, 2));
        assertEquals("−1.50", english.signed(-1.5, 2));
    }

    @Test
    void typedNumbersAreReadInEitherConvention() {
        assertEquals(0.5, vietnamese.parse("0,5"));
        assertEquals(1000.0, vietnamese.parse("1.000"));
        assertEquals(0.25, vietnamese.parse("0.25"));
        assertEquals(1e-4, vietnamese.parse("1e-4"));
        assertEquals(0.5, english.parse("0,5"));
        assertEquals(1234.5, english.parse("1,234.5"));
        assertNull(english.parse("a lot"));
    }

    @Test
    void messagesRenderShownNumbersInTheirLanguage() {
        assertEquals("0,01445", new Messages(Messages.VIETNAMESE).format("message.plain", Numbers.significantArgument(0.014452, 4)));
        assertEquals("0.01445", new Messages(Messages.ENGLISH).format("message.plain", Numbers.significantArgument(0.014452, 4)));
    }
}
