package org.diffusionlab.core.nn;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major matrix held contiguously in ND4J's native memory: either a whole 2-D array (then {@link #array()}
 * is usable with ND4J ops) or a slice of a flat array (e.g. one weight inside a flat parameter buffer).
 * {@link Blas} works on the raw pointer, so a block costs no ND4J op dispatch. Float or double.
 */
public final class Block {
    private final INDArray storage;
    private final long offset;
    private final int rows;
    private final int cols;
    private final boolean whole;
    private final Pointer pointer;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;

    private Block(INDArray storage, long offset, int rows, int cols, boolean whole) {
        if (storage.isView() || storage.ordering() != 'c') {
            throw new IllegalArgumentException("a block needs an array that owns its memory in C order");
        }
        if (offset < 0 || offset + (long) rows * cols > storage.length()) {
            throw new IllegalArgumentException("block [" + rows + ", " + cols + "] at " + offset
                    + " does not fit in an array of " + storage.length());
        }
        this.storage = storage;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.whole = whole;
        Pointer base = storage.data().addressPointer();
        switch (storage.dataType()) {
            case FLOAT -> {
                pointer = new FloatPointer(base).position(base.position() + offset);
                floats = storage.data().asNioFloat();
                doubles = null;
            }
            case DOUBLE -> {
                pointer = new DoublePointer(base).position(base.position() + offset);
                doubles = storage.data().asNioDouble();
                floats = null;
            }
            default -> throw new IllegalArgumentException("blocks hold float or double, not " + storage.dataType());
        }
    }

    /** A new zero-filled [rows, cols] array. */
    public static Block allocate(DataType type, int rows, int cols) {
        return new Block(Nd4j.create(type, rows, cols), 0, rows, cols, true);
    }

    /** A new [rows, cols] array filled with one value. */
    public static Block filled(DataType type, int rows, int cols, double value) {
        Block block = allocate(type, rows, cols);
        block.array().assign(value);
        return block;
    }

    /** The [rows, cols] region starting at element {@code offset} of a flat array. */
    public static Block slice(INDArray flat, long offset, int rows, int cols) {
        return new Block(flat, offset, rows, cols, false);
    }

    /** The first {@code rows × cols} elements of this block, as a block of that shape. */
    public Block prefix(int rows, int cols) {
        if ((long) rows * cols > length()) {
            throw new IllegalArgumentException("prefix larger than the block");
        }
        return new Block(storage, offset, rows, cols, false);
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public long length() {
        return (long) rows * cols;
    }

    public DataType dataType() {
        return storage.dataType();
    }

    Pointer pointer() {
        return pointer;
    }

    /** The whole ND4J array, for element-wise ND4J ops; only blocks made by {@link #allocate} have one. */
    public INDArray array() {
        if (!whole) {
            throw new IllegalStateException("a slice has no array of its own");
        }
        return storage;
    }

    public void read(float[] target, int targetOffset, long from, int count) {
        check(from, count);
        if (floats != null) {
            floats.get((int) (offset + from), target, targetOffset, count);
        } else {
            for (int i = 0; i < count; i++) {
                target[targetOffset + i] = (float) doubles.get((int) (offset + from + i));
            }
        }
    }

    public void read(double[] target, int targetOffset, long from, int count) {
        check(from, count);
        if (doubles != null) {
            doubles.get((int) (offset + from), target, targetOffset, count);
        } else {
            for (int i = 0; i < count; i++) {
                target[targetOffset + i] = floats.get((int) (offset + from + i));
            }
        }
    }

    public void write(float[] source, int sourceOffset, long to, int count) {
        check(to, count);
        if (floats != null) {
            floats.put((int) (offset + to), source, sourceOffset, count);
        } else {
            for (int i = 0; i < count; i++) {
                doubles.put((int) (offset + to + i), source[sourceOffset + i]);
            }
        }
    }

    public void write(double[] source, int sourceOffset, long to, int count) {
        check(to, count);
        if (doubles != null) {
            doubles.put((int) (offset + to), source, sourceOffset, count);
        } else {
            for (int i = 0; i < count; i++) {
                floats.put((int) (offset + to + i), (float) source[sourceOffset + i]);
            }
        }
    }

    /** All values, row-major. */
    public float[] toFloatArray() {
        float[] values = new float[(int) length()];
        read(values, 0, 0, values.length);
        return values;
    }

    public double get(int row, int col) {
        int index = (int) (offset + (long) row * cols + col);
        return floats != null ? floats.get(index) : doubles.get(index);
    }

    public void set(int row, int col, double value) {
        int index = (int) (offset + (long) row * cols + col);
        if (floats != null) {
            floats.put(index, (float) value);
        } else {
            doubles.put(index, value);
        }
    }

    private void check(long from, int count) {
        if (from < 0 || count < 0 || from + count > length()) {
            throw new IndexOutOfBoundsException("elements [" + from + ", " + (from + count) + ") of a block of " + length());
        }
    }
}
