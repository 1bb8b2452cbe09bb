package org.diffusionlab.core.imported;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import onnx.Onnx;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.ValueInfoProto;

import org.diffusionlab.core.BadInputException;
import org.nd4j.shade.protobuf.InvalidProtocolBufferException;

/**
 * What an ONNX file says about itself, read from its protobuf before ONNX Runtime sees it: the opset, the producer,
 * the weights' count, and each input's and output's element type and dimensions (−1 where a dimension is symbolic,
 * as the batch axis should be).
 */
public record GraphSignature(String file, int opset, String producer, long parameters, Map<String, Tensor> inputs,
                             Map<String, Tensor> outputs) {
    /** ONNX's element types this app passes: float32 and int64. */
    public static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();
    public static final int INT64 = TensorProto.DataType.INT64.getNumber();

    /** One input or output: ONNX element type and dimensions, −1 for a symbolic one. */
    public record Tensor(int elementType, long[] dims) {
        public String typeName() {
            TensorProto.DataType type = TensorProto.DataType.forNumber(elementType);
            return type == TensorProto.DataType.FLOAT ? "float32" : type == null ? "type " + elementType : type.name().toLowerCase();
        }
    }

    public static GraphSignature read(String file, byte[] bytes) throws BadInputException {
        Onnx.ModelProto model;
        try {
            model = Onnx.ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw new BadInputException(file + ": not an ONNX model, or truncated (its protobuf does not parse)", e);
        }
        if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
            throw new BadInputException(file + ": not an ONNX model (it holds no graph)");
        }
        int opset = 0;
        for (Onnx.OperatorSetIdProto set : model.getOpsetImportList()) {
            if (set.getDomain().isEmpty() || set.getDomain().equals("ai.onnx")) {
                opset = (int) set.getVersion();
            }
        }
        Onnx.GraphProto graph = model.getGraph();
        Set<String> weights = new HashSet<>();
        long parameters = 0;
        for (TensorProto initializer : graph.getInitializerList()) {
            if (initializer.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
                throw new BadInputException(file + ": its weight " + initializer.getName() + " is stored in another file"
                        + " (ONNX external data); export the model as one .onnx file");
            }
            weights.add(initializer.getName());
            long n = 1;
            for (long d : initializer.getDimsList()) {
                n *= d;
            }
            parameters += initializer.getDataType() == FLOAT ? n : 0;
        }
        Map<String, Tensor> inputs = new LinkedHashMap<>();
        for (ValueInfoProto input : graph.getInputList()) {
            if (!weights.contains(input.getName())) {
                inputs.put(input.getName(), tensor(input));
            }
        }
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        for (ValueInfoProto output : graph.getOutputList()) {
            outputs.put(output.getName(), tensor(output));
        }
        String producer = (model.getProducerName() + " " + model.getProducerVersion()).trim();
        return new GraphSignature(file, opset, producer, parameters, inputs, outputs);
    }

    private static Tensor tensor(ValueInfoProto value) {
        Onnx.TypeProto.Tensor type = value.getType().getTensorType();
        long[] dims = new long[type.getShape().getDimCount()];
        for (int i = 0; i < dims.length; i++) {
            TensorShapeProto.Dimension d = type.getShape().getDim(i);
            dims[i] = d.hasDimValue() && d.getDimValue() > 0 ? d.getDimValue() : -1;
        }
        return new Tensor(type.getElemType(), dims);
    }
}
