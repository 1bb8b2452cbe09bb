package org.diffusionlab.core.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MetricTest {
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    /** A renamed key must change in one place only: no source file but Metric.java spells one out. */
    @Test
    void noMetricKeyIsSpelledOutsideTheMetricType() throws IOException {
        Set<String> keys = new HashSet<>();
        for (Metric metric : Metric.values()) {
            keys.add(metric.key());
            keys.add(metric.heldOutKey());
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("Metric.java")).toList()) {
                Matcher literal = STRING_LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    if (keys.contains(literal.group(1))) {
                        found.add(file.getFileName() + ": \"" + literal.group(1) + "\"");
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "metric keys spelled as literals: " + found);
    }

    @Test
    void keysAreUniqueAndHeldOutKeysArePrefixedOnce() {
        Set<String> keys = new HashSet<>();
        for (Metric metric : Metric.values()) {
            assertTrue(keys.add(metric.key()), "two metrics share " + metric.key());
        }
        assertEquals("heldout_neg_elbo_nats", Metric.NEG_ELBO.heldOutKey());
        assertEquals("heldout_confident_fraction", Metric.HELDOUT_CONFIDENT_FRACTION.heldOutKey());
    }

    @Test
    void eachNatsTermOfTheElboHasABitsPerDimensionTwin() {
        for (Metric metric : Metric.values()) {
            Metric bits = metric.inBitsPerDimension();
            if (metric.unit() == Metric.Unit.NATS && metric.key().contains("elbo")) {
                assertEquals(Metric.Unit.BITS, bits.unit(), metric.name());
                assertEquals(Metric.Per.DIMENSION, bits.per(), metric.name());
            } else {
                assertNull(bits, metric.name());
            }
        }
        assertEquals(1.0, Metric.bitsPerDimension(784 * Math.log(2), 784), 1e-12, "nats / (D ln 2)");
    }
}
