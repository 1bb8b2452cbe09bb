package org.diffusionlab.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.diffusion.DiffusionModel;
import org.diffusionlab.core.eval.DigitClassifier;
import org.diffusionlab.core.io.Json;
import org.diffusionlab.core.nn.DigitClassifierNet;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeFile;
import org.diffusionlab.core.vae.VaeTrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged model files, mutated with a fixed seed from a bundled model and from small ones written here: each either
 * loads or ends in the project's {@link BadInputException}; nothing else is thrown.
 */
class ModelFileFuzzTest {
    interface Reader {
        void read(Path file) throws Exception;
    }

    @TempDir
    Path dir;

    @Test
    void damagedDiffusionModelsLoadOrAreRefused() throws Exception {
        fuzz(Files.readAllBytes(Path.of("models/ddpm-toy2d-two-moons.zip")), DiffusionModel::read, 220, 21);
    }

    @Test
    void damagedVaesLoadOrAreRefused() throws Exception {
        Path good = dir.resolve("tiny-vae.zip");
        VaeArchitecture tiny = new VaeArchitecture(28, 28, List.of(6), 2);
        VaeFile.write(good, Vae.initial(tiny, 3), new VaeFile.Training(new VaeTrainingConfig(tiny, 1, 1e-3, 8, 1, 3), "c",
                "d", "s", 1, null));
        fuzz(Files.readAllBytes(good), VaeFile::read, 200, 22);
    }

    @Test
    void damagedClassifiersLoadOrAreRefused() throws Exception {
        Path good = dir.resolve("tiny-classifier.zip");
        new DigitClassifier(new DigitClassifierNet(2, 8, 5)).write(good);
        fuzz(Files.readAllBytes(good), DigitClassifier::read, 200, 23);
    }

    private void fuzz(byte[] good, Reader reader, int cases, long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, byte[]> entries = Mutations.entries(good);
        List<String> names = new ArrayList<>(entries.keySet());
        List<String> weights = names.stream().filter(n -> n.endsWith(".npy")).toList();
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            int kind = i % 10;
            byte[] mutant = switch (kind) {
                case 0 -> Mutations.truncate(good, random);
                case 1 -> Mutations.flipBits(good, random);
                case 2 -> Mutations.flipBits(Mutations.zip(entries, true, null), random);
                case 3 -> replace(entries, weights.get(random.nextInt(weights.size())),
                        e -> Mutations.editNpyHeader(e, random));
                case 4 -> replace(entries, "manifest.json", e -> editManifest(e, random));
                case 5 -> replace(entries, weights.get(random.nextInt(weights.size())), e -> Mutations.nonFinite(e, random));
                case 6 -> Mutations.zip(entries, random.nextBoolean(), names.get(random.nextInt(names.size())));
                case 7 -> {
                    Map<String, byte[]> extra = new LinkedHashMap<>(entries);
                    extra.put(random.nextBoolean() ? "notes.txt" : "../escape.npy", entries.get(weights.get(0)));
                    yield Mutations.zip(extra, false, null);
                }
                case 8 -> Mutations.smashBytes(good, random, good.length);
                default -> bomb(entries, weights.get(random.nextInt(weights.size())), random);
            };
            Path file = Files.write(dir.resolve("case-" + i + ".zip"), mutant);
            long allocatedBefore = Mutations.allocatedByThisThread();
            try {
                reader.read(file);
            } catch (BadInputException e) {
                refused++;
                assertTrue(e.getMessage().startsWith("case-" + i + ".zip"), "case " + i + " (kind " + kind + "): " + e.getMessage());
                assertTrue(!e.getMessage().matches(".*[A-Z]\\w*(Exception|Error)\\b.*"), e.getMessage());
            } catch (Throwable e) {
                fail("case " + i + " (kind " + kind + ") threw " + e, e);
            } finally {
                Files.delete(file);
            }
            Mutations.requireWithinBudget("case " + i + " (kind " + kind + ")", allocatedBefore, mutant.length);
        }
        assertTrue(refused > cases / 2, "most mutants must be refused, got " + refused + " of " + cases);
    }


    interface Edit {
        byte[] apply(byte[] entry) throws Exception;
    }

    private static byte[] replace(Map<String, byte[]> entries, String name, Edit edit) throws Exception {
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(name, edit.apply(entries.get(name)));
        return Mutations.zip(copy, false, null);
    }

    /** One architecture or schedule field set to something extreme, or the manifest cut short. */
    private static byte[] editManifest(byte[] json, Random random) throws Exception {
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(json);
        List<String> fields = new ArrayList<>();
        manifest.path("architecture").fieldNames().forEachRemaining(f -> fields.add("architecture/" + f));
        manifest.path("schedule").fieldNames().forEachRemaining(f -> fields.add("schedule/" + f));
        if (fields.isEmpty() || random.nextInt(8) == 0) {
            return java.util.Arrays.copyOf(json, random.nextInt(json.length));
        }
        String field = fields.get(random.nextInt(fields.size()));
        ObjectNode parent = (ObjectNode) manifest.at("/" + field.substring(0, field.indexOf('/')));
        String key = field.substring(field.indexOf('/') + 1);
        switch (random.nextInt(7)) {
            case 0 -> parent.put(key, 0);
            case 1 -> parent.put(key, -1);
            case 2 -> parent.put(key, 1_000_000_000);
            case 3 -> parent.put(key, 4096);
            case 4 -> parent.put(key, "many");
            case 5 -> parent.putNull(key);
            default -> parent.put(key, 1e308 * 10);
        }
        return Json.pretty(manifest).getBytes(StandardCharsets.UTF_8);
    }

    /** A weight's entry replaced by a header claiming a large array of zeros, which packs a thousand times over. */
    private static byte[] bomb(Map<String, byte[]> entries, String name, Random random) throws Exception {
        int megabytes = 2 + random.nextInt(6);
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + (megabytes << 18) + ",), }";
        dict = dict + " ".repeat(63 - (dict.length() + 10) % 64) + "\n";
        ByteBuffer npy = ByteBuffer.allocate(10 + dict.length() + (megabytes << 20)).order(ByteOrder.LITTLE_ENDIAN);
        npy.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) dict.length());
        npy.put(dict.getBytes(StandardCharsets.US_ASCII));
        Map<String, byte[]> copy = new LinkedHashMap<>(entries);
        copy.put(name, npy.array());
        return Mutations.zip(copy, false, null);
    }

    @Test
    void aNpyHeaderLengthNearFourGigabytesIsRefusedInWords() throws Exception {
        Map<String, byte[]> entries = Mutations.entries(Files.readAllBytes(Path.of("models/ddpm-toy2d-two-moons.zip")));
        String weight = entries.keySet().stream().filter(n -> n.endsWith(".npy")).findFirst().orElseThrow();
        byte[] npy = entries.get(weight).clone();
        npy[6] = 2;
        byte[] patched = new byte[npy.length + 2];
        System.arraycopy(npy, 0, patched, 0, 8);
        ByteBuffer.wrap(patched, 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(0xFFFFFFF0);
        System.arraycopy(npy, 10, patched, 12, npy.length - 10);
        entries.put(weight, patched);
        Path file = Files.write(dir.resolve("long-header.zip"), Mutations.zip(entries, false, null));
        BadInputException e = assertThrows(BadInputException.class, () -> DiffusionModel.read(file));
        assertTrue(e.getMessage().contains(weight.replace(".npy", "")) && e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void aFlippedBitInAStoredWeightFailsItsChecksum() throws Exception {
        Map<String, byte[]> entries = Mutations.entries(Files.readAllBytes(Path.of("models/ddpm-toy2d-two-moons.zip")));
        byte[] stored = Mutations.zip(entries, true, null);
        stored[stored.length / 2] ^= 4;
        Path file = Files.write(dir.resolve("flipped.zip"), stored);
        BadInputException e = assertThrows(BadInputException.class, () -> DiffusionModel.read(file));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    }

    @Test
    void aSecondManifestOrWeightIsRefused() throws Exception {
        Map<String, byte[]> entries = Mutations.entries(Files.readAllBytes(Path.of("models/ddpm-toy2d-two-moons.zip")));
        Path twice = Files.write(dir.resolve("twice.zip"), Mutations.zip(entries, false, "manifest.json"));
        assertTrue(assertThrows(BadInputException.class, () -> DiffusionModel.read(twice)).getMessage().contains("twice"));
    }

    @Test
    void aManifestAskingForAHugeNetworkIsRefusedBeforeItIsBuilt() throws Exception {
        Map<String, byte[]> entries = Mutations.entries(Files.readAllBytes(Path.of("models/ddpm-toy2d-two-moons.zip")));
        ObjectNode manifest = (ObjectNode) Json.MAPPER.readTree(entries.get("manifest.json"));
        ((ObjectNode) manifest.get("architecture")).put("hidden", 4096).put("layers", 16);
        entries.put("manifest.json", Json.pretty(manifest).getBytes(StandardCharsets.UTF_8));
        Path file = Files.write(dir.resolve("huge.zip"), Mutations.zip(entries, false, null));
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        BadInputException e = assertThrows(BadInputException.class, () -> DiffusionModel.read(file));
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        // refused by the weight count the file holds or, when less memory is free, by the memory budget: both before
        // anything is built
        assertTrue(e.getMessage().contains("weights but the file holds")
                || e.getMessage().contains("more than this program can load now"), e.getMessage());
        assertTrue(after - before < 200L << 20, "a 268-million-weight network must not be allocated: " + (after - before));
    }
}
