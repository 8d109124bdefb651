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

    /** dst[i] = f(src[from + i]) for i &lt; n; dst may be src itself with from = 0. */
    void map(float[] src, int from, float[] dst, int n) {
        switch (this) {
            case NEG -> { for (int i = 0; i < n; i++) dst[i] = -src[from + i]; }
            case ABS -> { for (int i = 0; i < n; i++) dst[i] = Math.abs(src[from + i]); }
            case RELU -> {
                int i = Simd.ACTIVE ? SimdArith.relu(src, from, dst, n) : 0;
                for (; i < n; i++) dst[i] = Elementwise.relu(src[from + i]);
            }
            case EXP -> { for (int i = 0; i < n; i++) dst[i] = (float) Math.exp(src[from + i]); }
            case LOG -> { for (int i = 0; i < n; i++) dst[i] = (float) Math.log(src[from + i]); }
            case SQRT -> { for (int i = 0; i < n; i++) dst[i] = (float) Math.sqrt(src[from + i]); }
            case TANH -> { for (int i = 0; i < n; i++) dst[i] = (float) Math.tanh(src[from + i]); }
            case SIGMOID -> { for (int i = 0; i < n; i++) dst[i] = Elementwise.sigmoid(src[from + i]); }
        }
    }
}
