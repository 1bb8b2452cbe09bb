package org.diffusionlab.core.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import onnx.Onnx;
import onnx.Onnx.AttributeProto;
import onnx.Onnx.AttributeProto.AttributeType;
import onnx.Onnx.GraphProto;
import onnx.Onnx.NodeProto;
import onnx.Onnx.TensorProto;
import onnx.Onnx.TensorShapeProto;
import onnx.Onnx.TypeProto;
import onnx.Onnx.ValueInfoProto;

import org.nd4j.shade.protobuf.ByteString;

/**
 * Writes a network as an ONNX model: named inputs, weights as initialisers, one node per operation. Built on the
 * ONNX schema's generated classes that ND4J already ships ({@code onnx.Onnx}), so the bytes are ONNX's own
 * protobuf encoding. A dimension of −1 is the symbolic batch dimension.
 */
public final class OnnxGraph {
    /** ONNX opset 17 with IR version 8, the pair ONNX Runtime 1.x and PyTorch's exporter both take. */
    public static final int OPSET = 17;
    private static final int IR_VERSION = 8;
    private static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int counter;

    public OnnxGraph(String name) {
        graph.setName(name);
    }

    public String input(String name, long... dims) {
        graph.addInput(valueInfo(name, dims));
        return name;
    }

    public void output(String value, long... dims) {
        graph.addOutput(valueInfo(value, dims));
    }

    /** A float32 weight, {@code data} in C order. */
    public String weight(String name, float[] data, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(data);
        graph.addInitializer(tensor(name, TensorProto.DataType.FLOAT, bytes.array(), dims));
        return name;
    }

    /** An int64 constant such as a target shape or a list of axes. */
    public String longs(String name, long... values) {
        ByteBuffer bytes = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        graph.addInitializer(tensor(name, TensorProto.DataType.INT64, bytes.array(), values.length));
        return name;
    }

    /** Adds a node with one output and returns the output's name. */
    public String node(String op, String[] inputs, AttributeProto... attributes) {
        String output = op.toLowerCase() + "_" + counter++;
        NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(output).addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return output;
    }

    /** Gives a value a name of one's choosing (an Identity node), e.g. the output name a reader expects. */
    public String named(String value, String name) {
        graph.addNode(NodeProto.newBuilder().setOpType("Identity").setName(name).addInput(value).addOutput(name));
        return name;
    }

    public String node(String op, String... inputs) {
        return node(op, inputs, new AttributeProto[0]);
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    public static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    public static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto text(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(value)).build();
    }

    public byte[] toBytes(String producer) {
        return Onnx.ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName(producer)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph).build().toByteArray();
    }

    private static TensorProto tensor(String name, TensorProto.DataType type, byte[] raw, long... dims) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(type.getNumber())
                .setRawData(ByteString.copyFrom(raw));
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        return tensor.build();
    }

    private static ValueInfoProto valueInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long dim : dims) {
            shape.addDim(dim < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam(BATCH)
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        TypeProto.Tensor tensor = TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT.getNumber())
                .setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensor)).build();
    }
}
