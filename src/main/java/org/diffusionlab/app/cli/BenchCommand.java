package org.diffusionlab.app.cli;

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
import org.diffusionlab.app.bench.VaeDecodeBenchmark;
import org.diffusionlab.app.bench.VaeTrainBenchmark;
import org.diffusionlab.core.io.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Prints one JSON object per benchmark: {"bench": NAME, "unit": ..., figures...}. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmarks and print one JSON line each. Names select a subset.")
public final class BenchCommand implements Callable<Integer> {

    static List<Benchmark> all() {
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
                ElboBenchmark.firstMap());
    }

    @Parameters(arity = "0..*", paramLabel = "NAME", description = "benchmarks to run (default: all)")
    List<String> names = List.of();

    @Override
    public Integer call() throws Exception {
        List<Benchmark> selected = all().stream().filter(b -> names.isEmpty() || names.contains(b.name())).toList();
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
