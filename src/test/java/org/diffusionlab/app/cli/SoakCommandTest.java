package org.diffusionlab.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.diffusionlab.app.Cli;
import org.diffusionlab.core.io.Json;
import org.junit.jupiter.api.Test;

class SoakCommandTest {
    @Test
    void theSlopeIsTheLeastSquaresLinePerMinute() {
        List<SoakCommand.Sample> samples = List.of(new SoakCommand.Sample(0, 100, 500, 50),
                new SoakCommand.Sample(30, 101, 500, 50), new SoakCommand.Sample(60, 102, 500, 50));
        assertEquals(2.0, SoakCommand.slope(samples, SoakCommand.Sample::heapMegabytes), 1e-12);
        assertEquals(0.0, SoakCommand.slope(samples, SoakCommand.Sample::physicalMegabytes), 1e-12);
    }

    @Test
    void aShortSoakReportsHeapAndNativeMemoryAndTheirSlopes() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true));
        try {
            assertEquals(0, Cli.execute("soak", "--minutes", "0.05", "--interval", "1"));
        } finally {
            System.setOut(original);
        }
        List<String> lines = out.toString().strip().lines().toList();
        assertTrue(lines.size() >= 2, out.toString());
        JsonNode report = Json.MAPPER.readTree(lines.get(0));
        assertTrue(report.get("heap_used_mb").asDouble() > 0 && report.get("javacpp_physical_mb").asDouble() > 0, lines.get(0));
        JsonNode slopes = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertTrue(slopes.has("heap_mb_per_minute") && slopes.has("javacpp_physical_mb_per_minute"), lines.toString());
        assertTrue(slopes.get("rounds").asLong() >= 1);
    }
}
