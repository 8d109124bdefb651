package layerwise.tensor;

import java.util.Random;

/**
 * Random shapes and random layouts of them for the elementwise and reduction tests: contiguous, permuted
 * (transposed), sliced with steps and an offset, expanded (stride 0), and permuted slices. Values include
 * NaN, ±Inf, ±0 and subnormals. Elements are read back with {@link Tensor#get}, which does its own index
 * arithmetic, so the tests' plain loops do not share code with the walks they check.
 */
final class RandomViews {
    private RandomViews() {
    }

    /** Sizes worth hitting: 0, 1, small primes, and rows that end just past a vector width. */
    private static final int[] SIZES = {0, 1, 1, 2, 3, 5, 7, 13};
    private static final int[] LAST = {0, 1, 2, 3, 5, 7, 16, 17, 31, 64, 67, 129};

    /** A random shape of rank 0..4 with at most about 6000 elements. */
    static int[] shape(Random r) {
        int rank = r.nextInt(5);
        int[] s = new int[rank];
        long numel = 1;
        for (int d = 0; d < rank; d++) {
            s[d] = d == rank - 1 ? LAST[r.nextInt(LAST.length)] : SIZES[r.nextInt(SIZES.length)];
            numel *= Math.max(1, s[d]);
        }
        return numel > 6000 ? shape(r) : s;
    }

    /** A shape that broadcasts to {@code to}: some leading dims dropped, some dims made 1. */
    static int[] broadcastable(Random r, int[] to) {
        int drop = r.nextInt(to.length + 1);
        if (r.nextBoolean()) drop = 0;
        int[] s = new int[to.length - drop];
        for (int d = 0; d < s.length; d++) s[d] = r.nextInt(3) == 0 ? 1 : to[d + drop];
        return s;
    }

    /** A tensor of this shape in a random layout, with random values. */
    static Tensor any(Random r, int[] shape) {
        return r.nextInt(5) == 0 ? expanded(r, shape) : writable(r, shape);
    }

    /** A tensor of this shape in a random layout that has no two elements in one cell (so it can be written). */
    static Tensor writable(Random r, int[] shape) {
        int rank = shape.length;
        int[] perm = r.nextBoolean() ? identity(rank) : shuffled(r, rank);
        int[] permuted = new int[rank];
        for (int d = 0; d < rank; d++) permuted[d] = shape[perm[d]];
        Tensor base = r.nextBoolean() ? filled(r, permuted) : sliced(r, permuted);
        int[] inverse = new int[rank];
        for (int d = 0; d < rank; d++) inverse[perm[d]] = d;
        return base.permute(inverse);
    }

    /** Some dims stored once (size 1) and expanded to the shape: stride 0 along them. */
    static Tensor expanded(Random r, int[] shape) {
        int[] stored = shape.clone();
        for (int d = 0; d < stored.length; d++) if (r.nextBoolean()) stored[d] = 1;
        return writable(r, stored).expand(shape);
    }

    /** A slice with a random start and step of a larger tensor: an offset and gaps between rows and elements. */
    static Tensor sliced(Random r, int[] shape) {
        int rank = shape.length;
        int[] start = new int[rank];
        int[] step = new int[rank];
        int[] big = new int[rank];
        for (int d = 0; d < rank; d++) {
            start[d] = r.nextInt(2);
            step[d] = 1 + r.nextInt(3);
            big[d] = start[d] + (shape[d] == 0 ? 0 : (shape[d] - 1) * step[d] + 1) + r.nextInt(2);
        }
        Tensor t = filled(r, big);
        for (int d = 0; d < rank; d++) t = t.slice(d, start[d], start[d] + shape[d] * step[d], step[d]);
        return t;
    }

    /** A new contiguous tensor whose storage is filled with random values, written straight into the array. */
    static Tensor filled(Random r, int[] shape) {
        Tensor t = Tensor.zeros(shape);
        for (int i = 0; i < t.storage.length; i++) t.storage[i] = value(r);
        return t;
    }

    /** Mostly normal values; now and then NaN, an infinity, a signed zero or a subnormal. */
    static float value(Random r) {
        return switch (r.nextInt(40)) {
            case 0 -> Float.NaN;
            case 1 -> Float.POSITIVE_INFINITY;
            case 2 -> Float.NEGATIVE_INFINITY;
            case 3 -> -0f;
            case 4 -> 0f;
            case 5 -> Float.MIN_VALUE * r.nextInt(1000);
            default -> (float) (r.nextGaussian() * 3);
        };
    }

    /** Values without specials, for reductions whose plain loop would just give NaN. */
    static Tensor finite(Random r, int[] shape) {
        Tensor t = any(r, shape);
        float[] s = t.storage;
        for (int i = 0; i < s.length; i++) if (!Float.isFinite(s[i])) s[i] = (float) r.nextGaussian();
        return t;
    }

    /** Every index of a shape in row-major order (one index for a 0-d shape, none when a dim is 0). */
    static int[][] indices(int[] shape) {
        int n = Shapes.numel(shape);
        int[][] out = new int[n][];
        int[] idx = new int[shape.length];
        for (int i = 0; i < n; i++) {
            out[i] = idx.clone();
            for (int d = shape.length - 1; d >= 0; d--) {
                if (++idx[d] < shape[d]) break;
                idx[d] = 0;
            }
        }
        return out;
    }

    /** The element of t that broadcasting reads for index idx of a larger shape (dims aligned from the right). */
    static float broadcastGet(Tensor t, int[] idx) {
        int lead = idx.length - t.dim();
        int[] own = new int[t.dim()];
        for (int d = 0; d < own.length; d++) own[d] = t.size(d) == 1 ? 0 : idx[d + lead];
        return t.get(own);
    }

    /** Same float, bit for bit, except that every NaN counts as one NaN. */
    static boolean sameBits(float x, float y) {
        return Float.floatToIntBits(x) == Float.floatToIntBits(y);
    }

    static String describe(Tensor t) {
        return Shapes.str(t.dims) + " strides " + Shapes.str(t.strides) + " offset " + t.offset;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    private static int[] shuffled(Random r, int n) {
        int[] p = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int s = p[i];
            p[i] = p[j];
            p[j] = s;
        }
        return p;
    }
}
