package layerwise.tensor;

/**
 * The unary ops without parameters. Like {@link Arith}, each constant is a {@link Strided.UnaryOp} and also
 * has its own loop over an array, chosen once per tensor, so no element pays a call through a lambda
 * shared by every op. The formulas are written once, in {@link #apply}, and each loop uses the same
 * expression, so the results are the same bits as {@code apply} element by element.
 */
enum Unary implements Strided.UnaryOp {
    NEG, ABS, RELU, EXP, LOG, SQRT, TANH, SIGMOID;

    @Override
    public float apply(float x) {
        return switch (this) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case RELU -> Elementwise.relu(x);
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case SQRT -> (float) Math.sqrt(x);
            case TANH -> (float) Math.tanh(x);
            case SIGMOID -> Elementwise.sigmoid(x);
        };
    }

    /**
     * exp, log, tanh and sigmoid cost tens of cycles per element: from this many elements on, a tensor is
     * split into one contiguous piece per kernel thread ({@link Kernels#setThreads}). Each element is
     * still computed alone, so the pieces give the same bits as one pass.
     */
    private static final int PARALLEL_FROM = 1 << 15;

    /** dst[i] = f(src[from + i]) for i &lt; n; dst may be src itself with from = 0. */
    void map(float[] src, int from, float[] dst, int n) {
        boolean costly = this == EXP || this == LOG || this == TANH || this == SIGMOID;
        int tasks = costly && n >= PARALLEL_FROM ? Parallel.threads() : 1;
        if (tasks <= 1) {
            map(src, from, dst, 0, n);
            return;
        }
        Parallel.forEach(tasks, t -> {
            int lo = (int) ((long) n * t / tasks);
            int hi = (int) ((long) n * (t + 1) / tasks);
            map(src, from + lo, dst, lo, hi - lo);
        });
    }

    /** dst[to + i] = f(src[from + i]) for i &lt; n, on this thread. */
    private void map(float[] src, int from, float[] dst, int to, int n) {
        switch (this) {
            case NEG -> { for (int i = 0; i < n; i++) dst[to + i] = -src[from + i]; }
            case ABS -> { for (int i = 0; i < n; i++) dst[to + i] = Math.abs(src[from + i]); }
            case RELU -> {
                int i = Simd.ACTIVE ? SimdArith.relu(src, from, dst, to, n) : 0;
                for (; i < n; i++) dst[to + i] = Elementwise.relu(src[from + i]);
            }
            case EXP -> { for (int i = 0; i < n; i++) dst[to + i] = (float) Math.exp(src[from + i]); }
            case LOG -> { for (int i = 0; i < n; i++) dst[to + i] = (float) Math.log(src[from + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) dst[to + i] = (float) Math.sqrt(src[from + i]); }
            case TANH -> { for (int i = 0; i < n; i++) dst[to + i] = (float) Math.tanh(src[from + i]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) dst[to + i] = Elementwise.sigmoid(src[from + i]); }
        }
    }
}
