package org.diffusionlab.core.imported;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.diffusionlab.core.diffusion.DiffusionModel;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/export_model.py's tests: run src/test/python/test_export_model.py and README's diffusers example
 * (test_readme_unet.py) where python3 imports torch (skipped, with the reason printed, where it does not — CI machines
 * may lack PyTorch), then open what they exported through the app's checks.
 */
class ExporterTest {
    /** The one on the path, then Debian's (python3-torch installs into it). */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");
    private static final String OPENBLAS = "/usr/lib/x86_64-linux-gnu/openblas-openmp";

    @TempDir
    Path dir;

    @Test
    void theExporterWritesModelsTheAppAcceptsAndRefusesAFrozenBatch() throws Exception {
        runScript("test_export_model.py", "exporter test: 4 exports checked");
        for (String file : List.of("small-vae.zip", "decoder-only.json", "decoder-only.onnx", "small-unet.zip")) {
            Inspection inspection = Inspection.of(dir.resolve(file));
            assertTrue(inspection.passed(), file + ": " + inspection.checks());
        }
        assertTrue(Inspection.of(dir.resolve("small-unet.zip")).require().diffusion().isImported());
    }

    /**
     * README's worked example for a diffusers {@code UNet2DModel}, its module and command read from README.md and run
     * as written, with a stand-in for diffusers (not installed here) of the same constructor and call shape:
     * {@code forward(sample, timestep)} returning an object whose {@code .sample} is ε̂.
     */
    @Test
    void readmesDiffusersExampleExportsAModelTheAppAccepts() throws Exception {
        runScript("test_readme_unet.py", "README's diffusers example exported my-unet.zip");
        Inspection inspection = Inspection.of(dir.resolve("my-unet.zip"));
        assertTrue(inspection.passed(), inspection.checks().toString());
        assertEquals("eps-unet", inspection.info().kind());
        DiffusionModel model = inspection.require().diffusion();
        assertArrayEquals(new long[] {3, 32, 32}, model.sampleShape());
        assertEquals(1000, model.schedule().steps());
        Sidecar sidecar = inspection.sidecar();
        float[] t = sidecar.testVector().inputs().get(ImportedKind.GraphPart.UNET).get("t");
        assertArrayEquals(new float[] {0, 500, 999}, t, "--first-step 0: the network's t runs 0..T-1, as diffusers counts");
    }

    /** Runs one of src/test/python's scripts on {@link #dir} with a Python that has torch; it must end well, saying {@code done}. */
    private void runScript(String script, String done) throws Exception {
        Process test = start(torchPython(), List.of("src/test/python/" + script, dir.toString()));
        assertTrue(test.waitFor(600, TimeUnit.SECONDS), script + " did not finish in 10 minutes");
        String output = new String(test.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, test.exitValue(), output);
        assertTrue(output.contains(done), output);
    }

    private String torchPython() {
        String python = PYTHONS.stream().filter(ExporterTest::importsTorch).findFirst().orElse(null);
        if (python == null) {
            System.out.println("ExporterTest skipped: no python3 here imports torch (install python3-torch to run it)");
        }
        Assumptions.assumeTrue(python != null, "no python3 here imports torch");
        return python;
    }

    private static boolean importsTorch(String python) {
        try {
            Process probe = start(python, List.of("-c", "import torch"));
            probe.getInputStream().readAllBytes();
            return probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Process start(String python, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(python));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (Files.isDirectory(Path.of(OPENBLAS))) {
            builder.environment().put("LD_LIBRARY_PATH", OPENBLAS);   // Debian's torch is slow on the reference BLAS
        }
        return builder.start();
    }
}
