package layerwise.io;

import java.util.Arrays;

/**
 * The byte-level view of a tensor that the file formats read and write: a row-major float32 array and
 * its shape. Kept separate from {@code Tensor} so the parsers depend on nothing but the JDK.
 */
record RawTensor(int[] shape, float[] data) {

    RawTensor {
        long numel = numel(shape);
        if (numel != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + numel
                    + " elements but the data has " + data.length);
        }
    }

    /** Product of the dims (1 for a scalar); -1 if a dim is negative, Long.MAX_VALUE on overflow. */
    static long numel(int[] shape) {
        for (int d : shape) {
            if (d < 0) {
                return -1;
            }
        }
        for (int d : shape) {
            if (d == 0) {
                return 0; // before any product can overflow: [2^31-1, 2^31-1, 0] holds nothing
            }
        }
        long n = 1;
        for (int d : shape) {
            try {
                n = Math.multiplyExact(n, d);
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawTensor r && Arrays.equals(shape, r.shape) && Arrays.equals(data, r.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "RawTensor" + Arrays.toString(shape);
    }
}
