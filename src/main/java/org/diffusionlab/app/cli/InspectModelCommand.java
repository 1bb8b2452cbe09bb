package org.diffusionlab.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.diffusionlab.core.BadInputException;
import org.diffusionlab.core.imported.ImportedModel;
import org.diffusionlab.core.imported.Inspection;
import org.diffusionlab.core.io.Json;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "inspect-model", mixinStandardHelpOptions = true,
        description = "Open a model exported from PyTorch (tools/export_model.py) and run the checks the app runs; prints its"
                + " kind, shapes, weights, opset, producer, schedule or likelihood and every check as one JSON line. Exit code"
                + " 2 if a check fails.")
public final class InspectModelCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "the .zip, its sidecar .json or one of its .onnx graphs")
    Path model;

    @Override
    public Integer call() throws Exception {
        if (!ImportedModel.isImported(model)) {
            throw new BadInputException(model.getFileName() + ": one of the app's own model files; inspect-model reads models"
                    + " exported from PyTorch (.onnx with its .json sidecar, or a zip holding model.json)");
        }
        Inspection inspection = Inspection.of(model);
        System.out.println(Json.line(inspection.info().asJson()));
        if (inspection.model() != null) {
            inspection.model().close();
        }
        inspection.require();   // a refusal ends with one line on stderr and exit code 2, as bad input does everywhere
        return 0;
    }
}
