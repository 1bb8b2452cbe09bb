package org.diffusionlab.core.imported;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.diffusionlab.core.imported.ImportedKind.GraphPart;

/**
 * What the model-info panel and {@code inspect-model} show of a model exported from PyTorch, as plain values: kind,
 * image, each graph's inputs and outputs, weights, opset, producer, the sidecar's likelihood or schedule, the versions
 * that exported it, and every check. Fields not read (a file refused early) are null or empty.
 */
public record ModelInfo(String file, String kind, String name, String image, String range, long parameters, int opset,
                        String producer, List<String> graphs, String likelihood, String schedule, String exportedWith,
                        List<Check> checks) {
    static ModelInfo of(Inspection inspection) {
        Sidecar sidecar = inspection.sidecar();
        List<String> graphs = new ArrayList<>();
        long parameters = 0;
        int opset = 0;
        String producer = null;
        for (Map.Entry<GraphPart, GraphSignature> graph : inspection.signatures().entrySet()) {
            GraphSignature signature = graph.getValue();
            graphs.add(graph.getKey().id() + ": " + shapes(signature.inputs()) + " → " + shapes(signature.outputs()));
            parameters += signature.parameters();
            opset = Math.max(opset, signature.opset());
            producer = signature.producer();
        }
        if (sidecar == null) {
            return new ModelInfo(inspection.file(), null, null, null, null, parameters, opset, producer, graphs, null, null, null,
                    inspection.checks());
        }
        String likelihood = sidecar.likelihood() == null ? null : sidecar.likelihood().output().name().toLowerCase()
                .replace('_', ' ') + (sidecar.likelihood().sigma() > 0 ? ", σ = " + sidecar.likelihood().sigma() : "");
        String schedule = sidecar.schedule() == null ? null : sidecar.schedule() + ", ε-prediction, t " + (sidecar.time().integer()
                ? "int64" : "float32") + " from " + sidecar.time().firstStep();
        String exported = "torch " + sidecar.exported().path("torch").asText("?") + ", opset "
                + sidecar.exported().path("opset").asText("?");
        return new ModelInfo(inspection.file(), sidecar.kind().id(), sidecar.name(), sidecar.image().toString(),
                "[" + fmt(sidecar.low()) + ", " + fmt(sidecar.high()) + "]", parameters, opset, producer, graphs, likelihood, schedule,
                exported, inspection.checks());
    }

    private static String shapes(Map<String, GraphSignature.Tensor> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((name, tensor) -> parts.add(name + " " + Arrays.toString(tensor.dims()).replace("-1", "batch")));
        return String.join(", ", parts);
    }

    private static String fmt(float value) {
        return value == Math.rint(value) ? String.valueOf((int) value) : String.valueOf(value);
    }

    public boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }

    /** One JSON object for {@code inspect-model}: the fields, then "checks" as a list of {id, status, detail}. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("kind", kind);
        json.put("name", name);
        json.put("image", image);
        json.put("range", range);
        json.put("parameters", parameters);
        json.put("opset", opset);
        json.put("producer", producer);
        json.put("graphs", graphs);
        json.put("likelihood", likelihood);
        json.put("schedule", schedule);
        json.put("exported", exportedWith);
        json.put("valid", passed());
        List<Map<String, String>> list = new ArrayList<>();
        for (Check check : checks) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("id", check.id());
            entry.put("status", check.status().name().toLowerCase());
            entry.put("detail", check.detail());
            list.add(entry);
        }
        json.put("checks", list);
        return json;
    }
}
