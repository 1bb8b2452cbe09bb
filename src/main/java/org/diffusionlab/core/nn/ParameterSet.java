package org.diffusionlab.core.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.diffusionlab.core.io.NpyArray;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The named parameters of one network, in creation order, stored back to back in one flat value array and
 * one flat gradient array, so that the optimiser, clipping and weight averaging are a few whole-array ops.
 * New weights are uniform in ±bound from an explicit seed (bound = 1/√fan-in, PyTorch's default).
 * Layers declare their parameters while the network is built; {@link #seal} then allocates the storage.
 */
public final class ParameterSet {
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final List<float[]> initialValues = new ArrayList<>();
    private final SplittableRandom random;
    private INDArray values;
    private INDArray gradients;

    ParameterSet(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Parameter uniform(String name, double bound, long... shape) {
        float[] data = new float[Math.toIntExact(NpyArray.count(shape))];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        return add(name, shape, data);
    }

    Parameter constant(String name, double value, long... shape) {
        float[] data = new float[Math.toIntExact(NpyArray.count(shape))];
        Arrays.fill(data, (float) value);
        return add(name, shape, data);
    }

    private Parameter add(String name, long[] shape, float[] data) {
        if (values != null) {
            throw new IllegalStateException("the parameter set is sealed");
        }
        if (parameters.containsKey(name)) {
            throw new IllegalStateException("two parameters named " + name);
        }
        Parameter parameter = new Parameter(name, shape);
        parameters.put(name, parameter);
        initialValues.add(data);
        return parameter;
    }

    /** Allocates the flat arrays, copies the initial values in and points every parameter at its slice. */
    void seal() {
        long total = 0;
        for (float[] v : initialValues) {
            total += v.length;
        }
        float[] flat = new float[Math.toIntExact(total)];
        int offset = 0;
        for (float[] v : initialValues) {
            System.arraycopy(v, 0, flat, offset, v.length);
            offset += v.length;
        }
        values = Nd4j.create(flat, new long[] {total}, 'c');
        gradients = Nd4j.zeros(DataType.FLOAT, total);
        long start = 0;
        for (Parameter p : parameters.values()) {
            long end = start + p.length();
            p.bind(slice(values, start, end, p.shape()), slice(gradients, start, end, p.shape()));
            start = end;
        }
        initialValues.clear();
    }

    private static INDArray slice(INDArray flat, long start, long end, long[] shape) {
        return flat.get(NDArrayIndex.interval(start, end)).reshape('c', shape);
    }

    /** All values back to back, in {@link #all()} order (the same storage the layers use). */
    public INDArray values() {
        return values;
    }

    /** All gradients back to back, in {@link #all()} order. */
    public INDArray gradients() {
        return gradients;
    }

    public List<Parameter> all() {
        return Collections.unmodifiableList(new ArrayList<>(parameters.values()));
    }

    public long count() {
        return values.length();
    }

    /** Every parameter's shape, for validating a model file before loading it. */
    public Map<String, long[]> shapes() {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        parameters.forEach((name, p) -> shapes.put(name, p.shape()));
        return shapes;
    }

    /** A plain-Java copy of every value, for saving. */
    public Map<String, NpyArray> toArrays() {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        parameters.forEach((name, p) -> arrays.put(name, new NpyArray(p.shape(), p.value().dup('c').data().asFloat())));
        return arrays;
    }

    /** Copies values in; the caller has validated that every name exists with the right shape. */
    public void load(Map<String, NpyArray> arrays) {
        parameters.forEach((name, p) -> {
            NpyArray array = arrays.get(name);
            p.value().assign(Nd4j.create(array.data(), array.shape(), 'c'));
        });
    }
}
