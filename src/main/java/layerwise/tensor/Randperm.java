package layerwise.tensor;

/**
 * torch.randperm on the CPU (aten/src/ATen/native/TensorFactories.cpp, randperm_cpu): a Fisher-Yates
 * shuffle of 0, 1, ..., n-1 driven by the generator's 32-bit words.
 * <pre>
 * p = [0, 1, ..., n-1]
 * for i = 0 .. n-2:
 *     z = random() mod (n - i)        random(): the next MT19937 word, an unsigned 32-bit value
 *     swap(p[i], p[i + z])
 * </pre>
 * So randperm(n) takes exactly n-1 words (none for n &lt;= 1). torch switches to 64-bit draws only when
 * n &gt;= 2^32 / 20, far beyond the sizes a float32 tensor can index exactly, so that branch is not here.
 * The modulo is slightly biased towards small z (2^32 is not a multiple of n - i); torch keeps that bias,
 * and so do we, to give the same permutation.
 */
final class Randperm {
    /** float32 holds every integer up to 2^24 exactly; beyond it indices would round. */
    static final int MAX_EXACT = 1 << 24;

    private Randperm() {
    }

    /** The permutation as ints, for callers that index with it (DataLoader, random_split). */
    static int[] indices(int n, Generator g) {
        checkSize(n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        synchronized (g) {
            for (int i = 0; i < n - 1; i++) {
                int z = (int) (g.nextU32() % (n - i));
                int saved = p[i];
                p[i] = p[i + z];
                p[i + z] = saved;
            }
        }
        return p;
    }

    /** torch.randperm(n, generator=g) as a 1-D float32 tensor (torch's is int64: the same values). */
    static Tensor tensor(int n, Generator g) {
        int[] p = indices(n, g);
        float[] values = Storage.allocate(new int[] {n});
        for (int i = 0; i < n; i++) values[i] = p[i];
        return Tensor.wrap(values, n);
    }

    private static void checkSize(int n) {
        Shapes.checkCreationShape(new int[] {n});
        if (n > MAX_EXACT) {
            throw new ValueError("randperm(" + n + ") cannot be held exactly in a float32 tensor",
                    "Every workbook tensor is float32, which represents integers exactly only up to 2^24 = "
                            + MAX_EXACT + "; larger indices would round to their neighbours and repeat.",
                    "shuffle at most " + MAX_EXACT + " items at a time, e.g. shuffle the indices of blocks, then"
                            + " within each block.");
        }
    }
}
