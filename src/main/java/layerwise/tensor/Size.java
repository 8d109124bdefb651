package layerwise.tensor;

import java.util.Arrays;

/**
 * A tensor's shape as a value, what {@code x.shape} holds and {@code x.size()} returns: it prints like
 * PyTorch's {@code torch.Size([2, 3, 4])}, compares by value and indexes like a Python tuple ({@code get(-1)}
 * is the last dim). {@code x.shape()} gives the same numbers as a plain {@code int[]} for Java code.
 */
public final class Size {
    private final int[] dims;

    Size(int[] dims) {
        this.dims = dims.clone();
    }

    /** The size of dim d; negative d counts from the end. */
    public int get(int d) {
        return dims[Shapes.wrapDim(d, dims.length)];
    }

    /** The number of dims (Python's {@code len(x.size())}). */
    public int length() {
        return dims.length;
    }

    /** The product of the dims: the number of elements. */
    public long numel() {
        long n = 1;
        for (int d : dims) n *= d;
        return n;
    }

    public int[] toArray() {
        return dims.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Size s && Arrays.equals(dims, s.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** {@code torch.Size([2, 3, 4])}, as PyTorch prints it. */
    @Override
    public String toString() {
        return "torch.Size(" + Arrays.toString(dims) + ")";
    }
}
