package org.diffusionlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real main in its own JVM with a 1 GB heap, on hostile files, arguments and outputs: exit code 2, one line on
 * stderr, no stack trace, and nothing left in the folder but what was there.
 */
class CliProcessTest {
    @TempDir
    static Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), Cli.class.getName()));
        command.addAll(Arrays.asList(args));
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hung: " + command);
        }
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    /** Exit code 2, exactly one stderr line, no stack trace, no new file in the folder. */
    static String refused(String... args) throws Exception {
        Set<String> before = listing();
        Run run = run(args);
        String context = String.join(" ", args) + "\n" + run.err();
        assertEquals(2, run.code(), context);
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), context);
        assertTrue(lines.get(0).startsWith("error: "), context);
        assertFalse(run.err().contains("\tat ") || run.err().matches("(?s).*[A-Z]\\w*(Exception|Error)\\b.*"), context);
        assertEquals(before, listing(), "nothing is left behind: " + context);
        return lines.get(0);
    }

    static Set<String> listing() throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    static Path toy;
    static Map<String, byte[]> toyEntries = new LinkedHashMap<>();

    @BeforeAll
    static void readTheToyModel() throws Exception {
        toy = Path.of("models/ddpm-toy2d-two-moons.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(toy))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                toyEntries.put(e.getName(), in.readAllBytes());
            }
        }
    }

    static Path zip(String name, Map<String, byte[]> entries) throws Exception {
        Path file = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    @Test
    void hostileArgumentsAreRefused() throws Exception {
        assertTrue(refused("eval-ddpm", "--model", "models/ddpm-mnist.zip", "--threads", "100000").contains("--threads"));
        refused("sample-ddpm", "--model", toy.toString(), "--n", "-5", "--out", dir.resolve("a.png").toString());
        assertEquals("error: --channels must be from 1 to 256, not 0",
                refused("train-classifier", "--channels", "0", "--out", dir.resolve("c.zip").toString()));
    }

    @Test
    void hostileModelFilesAreRefusedWithinAGigabyte() throws Exception {
        Map<String, byte[]> longHeader = new LinkedHashMap<>(toyEntries);
        String weight = "hidden0/W.npy";
        byte[] npy = longHeader.get(weight);
        byte[] patched = new byte[npy.length + 2];
        System.arraycopy(npy, 0, patched, 0, 8);
        patched[6] = 2;
        ByteBuffer.wrap(patched, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFFFFFFF0);
        System.arraycopy(npy, 10, patched, 12, npy.length - 10);
        longHeader.put(weight, patched);
        Path header = zip("long-header.zip", longHeader);
        assertTrue(refused("sample-ddpm", "--model", header.toString(), "--out", dir.resolve("a.png").toString())
                .contains("hidden0/W"));

        Map<String, byte[]> huge = new LinkedHashMap<>(toyEntries);
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(huge.get("manifest.json"));
        ((ObjectNode) manifest.get("architecture")).put("hidden", 4096).put("layers", 16);
        huge.put("manifest.json", Json.pretty(manifest).getBytes(StandardCharsets.UTF_8));
        Path claims = zip("huge-shapes.zip", huge);
        refused("sample-ddpm", "--model", claims.toString(), "--out", dir.resolve("a.png").toString());

        Map<String, byte[]> bomb = new LinkedHashMap<>(toyEntries);
        bomb.put(weight, new byte[200 << 20]);
        Path bombFile = zip("bomb.zip", bomb);
        assertTrue(refused("sample-ddpm", "--model", bombFile.toString(), "--out", dir.resolve("a.png").toString())
                .contains("zip bomb"));

        byte[] whole = Files.readAllBytes(toy);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, whole.length / 3));
        refused("eval-ddpm", "--model", cut.toString());
        Files.delete(header);
        Files.delete(claims);
        Files.delete(bombFile);
        Files.delete(cut);
    }

    @Test
    void damagedImagesAreRefused() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(javax.imageio.ImageIO.read(new File("assets/images/coffee.png")), "jpg", jpeg);
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg.toByteArray(), jpeg.size() * 2 / 3));
        assertTrue(refused("forward", "--image", cut.toString(), "--out", dir.resolve("f.png").toString())
                .contains("truncated"));
        Files.delete(cut);
    }

    @Test
    void badOutputsAreRefusedBeforeTheWork() throws Exception {
        String line = refused("train-vae", "--epochs", "1", "--out", dir.resolve("missing/vae.zip").toString());
        assertTrue(line.contains("missing") && !line.contains(".part"), line);
        line = refused("train-ddpm", "--data", "two-moons", "--out", "/proc/moons.zip");
        assertTrue(line.contains("/proc/moons.zip") && line.contains("cannot be written"), line);
        Path existing = Files.writeString(dir.resolve("keep.png"), "mine");
        refused("sample-ddpm", "--model", toy.toString(), "--out", existing.toString());
        assertEquals("mine", Files.readString(existing));
        Files.delete(existing);
    }
}
