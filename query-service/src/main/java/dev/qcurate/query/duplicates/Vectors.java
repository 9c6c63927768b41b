package dev.qcurate.query.duplicates;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Small vector arithmetic and the byte form vectors are stored in (float32, little-endian). */
final class Vectors {

    private Vectors() {}

    static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        if (norm == 0) {
            return unit;
        }
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /** The cosine of two unit vectors. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of " + a.length + " and " + b.length + " dimensions");
        }
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    static float[] fromBytes(byte[] bytes, int offset, int length) {
        float[] vector = new float[length / Float.BYTES];
        ByteBuffer.wrap(bytes, offset, length)
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer()
                .get(vector);
        return vector;
    }
}
