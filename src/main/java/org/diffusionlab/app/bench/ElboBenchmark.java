package org.diffusionlab.app.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.data.Assets;
import org.diffusionlab.core.data.Digits;
import org.diffusionlab.core.elbo.ImportanceSampling;
import org.diffusionlab.core.elbo.PosteriorGrid;
import org.diffusionlab.core.elbo.VaeElboReport;
import org.diffusionlab.core.elbo.VaeJoint;
import org.diffusionlab.core.metric.Metric;
import org.diffusionlab.core.nn.NativeThreads;
import org.diffusionlab.core.vae.Vae;
import org.diffusionlab.core.vae.VaeArchitecture;
import org.diffusionlab.core.vae.VaeFile;

/**
 * The ELBO view's heavy computations for one held-out digit under the 2-D VAE: log p(x, z) on a 200 × 200 grid
 * (40,000 batched decodes), IWAE-5000 (5,000 decodes), and everything the view does before its first heat map
 * (encode, IWAE-5000 and the 50 × 50 preview grid). Milliseconds per computation.
 */
public final class ElboBenchmark implements Benchmark {
    private static final String FILE = "vae-mnist-z2.zip";
    private static final int DIGIT = 9003;

    private enum Work { GRID, IWAE, FIRST_MAP }

    private final String name;
    private final Work work;

    private ElboBenchmark(String name, Work work) {
        this.name = name;
        this.work = work;
    }

    public static ElboBenchmark grid200() {
        return new ElboBenchmark("elbo_grid200", Work.GRID);
    }

    public static ElboBenchmark iwae5000() {
        return new ElboBenchmark("iwae5000", Work.IWAE);
    }

    /** From a chosen digit to the view's first heat map: the bounds and the preview grid, then it stops. */
    public static ElboBenchmark firstMap() {
        return new ElboBenchmark("elbo_first_map", Work.FIRST_MAP);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> run() throws Exception {
        NativeThreads.denseNetworks();
        Path file = Assets.models().resolve(FILE);
        boolean bundled = Files.isRegularFile(file);
        Vae vae = bundled ? VaeFile.read(file).vae() : Vae.initial(VaeArchitecture.digits(List.of(512, 256), 2), 1);
        float[] image = Digits.bundled().pixels(DIGIT);
        VaeJoint joint = new VaeJoint(vae, image);
        var q = VaeElboReport.encoder(vae, image);
        Map<String, Object> figures = new LinkedHashMap<>(Timing.percentiles("ms", 1, 5, () -> {
            switch (work) {
                case GRID -> PosteriorGrid.evaluate(joint, -4, 4, -4, 4, VaeElboReport.GRID_SIZE, () -> false);
                case IWAE -> ImportanceSampling.iwae(ImportanceSampling.logWeights(joint, q, 5000, 1));
                case FIRST_MAP -> {
                    boolean[] shown = {false};
                    VaeElboReport.compute(vae, image, 5000, 1, VaeElboReport.GRID_SIZE, VaeElboReport.REFINEMENTS,
                            () -> shown[0], first -> shown[0] = true);
                }
                default -> throw new IllegalStateException(work.name());
            }
        }));
        figures.put("model", bundled ? "models/" + FILE : "fresh 784-512-256-2 VAE (models/" + FILE + " absent)");
        figures.put("digit", DIGIT);
        figures.put(Metric.THREADS.key(), NativeThreads.describe());
        return figures;
    }
}
