package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.diffusionlab.app.bench.Benchmark;
import org.diffusionlab.app.bench.DdpmSampleBenchmark;
import org.diffusionlab.app.bench.DdpmTrainBenchmark;
import org.diffusionlab.app.bench.ElboBenchmark;
import org.diffusionlab.app.bench.ForwardFrameBenchmark;
import org.diffusionlab.app.bench.LatentFrameBenchmark;
import org.diffusionlab.app.bench.OnnxUNetBenchmark;
import org.diffusionlab.app.bench.VaeDecodeBenchmark;
import org.diffusionlab.app.bench.VaeTrainBenchmark;
import org.diffusionlab.core.io.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Prints one JSON object per benchmark: {"bench": NAME, "unit": ..., figures...}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmarks and print one JSON line each. Names select a subset.")
public final class BenchCommand implements Callable<Integer> {

    static List<Benchmark> all() {
        return all(null);
    }

    static List<Benchmark> all(Path model) {
        return List.of(
                new ForwardFrameBenchmark(),
                new VaeTrainBenchmark(),
                new VaeDecodeBenchmark(),
                new LatentFrameBenchmark(),
                new DdpmTrainBenchmark(),
                DdpmSampleBenchmark.ddim50(),
                DdpmSampleBenchmark.ddpm1000(),
                ElboBenchmark.grid200(),
                ElboBenchmark.iwae5000(),
                ElboBenchmark.firstMap(),
                new OnnxUNetBenchmark(model));
    }

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "benchmarks to run (default: all)")
    List<String> names = List.of();

    @Option(names = "--model", description = "a U-Net exported from PyTorch (.zip or .onnx) for onnx_unet16; alone, runs only"
            + " that benchmark (default: " + OnnxUNetBenchmark.DEFAULT + ")")
    Path model;

    @Override
    public Integer call() throws Exception {
        List<String> wanted = names.isEmpty() && model != null ? List.of(new OnnxUNetBenchmark(model).name()) : names;
        List<Benchmark> selected = all(model).stream().filter(b -> wanted.isEmpty() || wanted.contains(b.name())).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no benchmark named " + names + "; known: "
                    + all().stream().map(Benchmark::name).toList());
        }
        for (Benchmark benchmark : selected) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("bench", benchmark.name());
            line.putAll(benchmark.run());
            System.out.println(Json.line(line));
            System.out.flush();
        }
        return 0;
    }
}
