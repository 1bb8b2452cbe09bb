package org.diffusionlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelArchiveTest {
    @TempDir
    Path dir;

    private ModelArchive sample() {
        ObjectNode manifest = ModelArchive.newManifest("vae");
        manifest.putObject("architecture").put("latent", 2);
        return new ModelArchive("sample.zip", manifest, Map.of(
                "w", new NpyArray(new long[] {2, 3}, new float[] {1, 2, 3, 4, 5, 6}),
                "b", new NpyArray(new long[] {3}, new float[] {-1, 0, 1})));
    }

    /** The sample written to model.zip in the test's folder. */
    private Path sampleFile() throws Exception {
        Path file = dir.resolve("model.zip");
        sample().write(file);
        return file;
    }

    @Test
    void writesAndReadsBack() throws Exception {
        Path file = sampleFile();
        ModelArchive read = ModelArchive.read(file);
        assertEquals("vae", read.kind());
        assertEquals(2, read.intField("architecture.latent", 1, 64));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, read.array("w", 2, 3).data());
        assertArrayEquals(new float[] {-1, 0, 1}, read.array("b", 3).data());
        assertEquals(1, Files.list(dir).count(), "no temporary file is left behind");
    }

    @Test
    void npyFilesHaveNumpysHeader() {
        byte[] bytes = Npy.write(new NpyArray(new long[] {2, 3}, new float[6]));
        String header = new String(bytes, 10, bytes.length - 10 - 24, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", header.trim());
        assertEquals(0, (10 + header.length()) % 64, "header padded to 64 bytes");
        assertEquals(1, bytes[6]);
        byte[] vector = Npy.write(new NpyArray(new long[] {5}, new float[5]));
        assertTrue(new String(vector, StandardCharsets.US_ASCII).contains("'shape': (5,)"));
        assertEquals(new NpyArray(new long[] {5}, new float[5]), Npy.read(vector));
    }

    @Test
    void aWrongShapeIsNamedWithBothShapes() throws Exception {
        Path file = sampleFile();
        BadInputException e = assertThrows(BadInputException.class, () -> ModelArchive.read(file).array("w", 3, 2));
        assertTrue(e.getMessage().contains("'w'") && e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"),
                e.getMessage());
        e = assertThrows(BadInputException.class, () -> ModelArchive.read(file).array("missing", 1));
        assertTrue(e.getMessage().contains("missing"));
        e = assertThrows(BadInputException.class, () -> ModelArchive.read(file).requireKind("ddpm"));
        assertTrue(e.getMessage().contains("'vae' model, not a 'ddpm'"), e.getMessage());
    }

    @Test
    void aTruncatedFileIsRefused() throws Exception {
        Path file = sampleFile();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(bytes, bytes.length - 60));
        BadInputException e = assertThrows(BadInputException.class, () -> ModelArchive.read(cut));
        assertTrue(e.getMessage().startsWith("cut.zip:"), e.getMessage());
    }

    @Test
    void foreignFilesAreRefused() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.zip"), "not a zip at all");
        assertTrue(assertThrows(BadInputException.class, () -> ModelArchive.read(text)).getMessage().contains("not a zip file"));
        Path otherZip = Files.write(dir.resolve("other.zip"), zip("readme.txt", "hello"));
        assertTrue(assertThrows(BadInputException.class, () -> ModelArchive.read(otherZip)).getMessage().contains("no manifest.json"));
        Path otherJson = Files.write(dir.resolve("json.zip"), zip("manifest.json", "{\"name\": \"something else\"}"));
        assertTrue(assertThrows(BadInputException.class, () -> ModelArchive.read(otherJson)).getMessage().contains("not a Diffusion Lab model"));
        Path badJson = Files.write(dir.resolve("bad.zip"), zip("manifest.json", "{ nope"));
        assertTrue(assertThrows(BadInputException.class, () -> ModelArchive.read(badJson)).getMessage().contains("not valid JSON"));
    }

    @Test
    void aFutureFormatAsksForAnUpdate() throws Exception {
        Path future = Files.write(dir.resolve("future.zip"), zip("manifest.json",
                "{\"format\": \"diffusion-lab-model\", \"formatVersion\": 7, \"kind\": \"vae\"}"));
        BadInputException e = assertThrows(BadInputException.class, () -> ModelArchive.read(future));
        assertTrue(e.getMessage().contains("newer Diffusion Lab") && e.getMessage().contains("7"), e.getMessage());
    }

    @Test
    void aDamagedArrayIsNamed() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(ModelArchive.newManifest("vae").toString().getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("w.npy"));
            byte[] npy = Npy.write(new NpyArray(new long[] {4}, new float[4]));
            zip.write(Arrays.copyOf(npy, npy.length - 3));
        }
        Path file = Files.write(dir.resolve("damaged.zip"), bytes.toByteArray());
        BadInputException e = assertThrows(BadInputException.class, () -> ModelArchive.read(file));
        assertTrue(e.getMessage().contains("'w' is damaged"), e.getMessage());
    }

    @Test
    void aFailedWriteLeavesTheOldFileIntact() throws Exception {
        Path file = sampleFile();
        byte[] before = Files.readAllBytes(file);
        ObjectNode manifest = ModelArchive.newManifest("vae");
        manifest.putPOJO("unwritable", new Object() {
            public String getValue() {
                throw new IllegalStateException("fails half way through the write, like a full disk");
            }
        });
        ModelArchive broken = new ModelArchive("broken", manifest, Map.of());
        assertThrows(IllegalStateException.class, () -> broken.write(file));
        assertArrayEquals(before, Files.readAllBytes(file));
        assertEquals(1, Files.list(dir).count(), "the temporary file is removed");
    }

    private static byte[] zip(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
