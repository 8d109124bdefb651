package layerwise.tensor;

import java.util.Arrays;

/**
 * The arithmetic that most elementwise work is: a + b, a - b, a * b, a / b and the copy b. Each constant
 * is a {@link Strided.BinaryOp}, so any strided walk can use it, and it also has loops over whole rows.
 *
 * <p>Why not just lambdas: one loop that calls {@code op.apply} for add, mul, sigmoid, ... sees many
 * different lambdas, the JIT cannot inline the call, and every element pays a call. Here the op is
 * chosen once per row (the switch) and the loop inside is plain float arithmetic on arrays. With the
 * Vector API present, {@link SimdArith} does the whole vectors of a row first and the scalar loop the
 * rest. Every element gets the same single IEEE operation either way, so the results are the same bits.
 */
enum Arith implements Strided.BinaryOp {
    ADD, SUB, MUL, DIV,
    /** out = b: copy_ and contiguous copies. */
    COPY;

    @Override
    public float apply(float a, float b) {
        return switch (this) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case COPY -> b;
        };
    }

    /** One row of n elements: o[io + i*so] = x[ia + i*sa] op y[ib + i*sb], picking a loop for the strides. */
    void row(float[] o, int io, int so, float[] x, int ia, int sa, float[] y, int ib, int sb, int n) {
        if (so == 1 && sa == 1 && sb == 1) dense(o, io, x, ia, y, ib, n);
        else if (so == 1 && sa == 1 && sb == 0) right(o, io, x, ia, y[ib], n);
        else if (so == 1 && sa == 0 && sb == 1) left(o, io, x[ia], y, ib, n);
        else strided(o, io, so, x, ia, sa, y, ib, sb, n);
    }

    /** o[io+i] = x[ia+i] op y[ib+i]: both operands laid out like the output (same shape, or a row of a bias). */
    void dense(float[] o, int io, float[] x, int ia, float[] y, int ib, int n) {
        int i = Simd.ACTIVE ? SimdArith.dense(this, o, io, x, ia, y, ib, n) : 0;   // whole vectors first
        switch (this) {
            case ADD -> { for (; i < n; i++) o[io + i] = x[ia + i] + y[ib + i]; }
            case SUB -> { for (; i < n; i++) o[io + i] = x[ia + i] - y[ib + i]; }
            case MUL -> { for (; i < n; i++) o[io + i] = x[ia + i] * y[ib + i]; }
            case DIV -> { for (; i < n; i++) o[io + i] = x[ia + i] / y[ib + i]; }
            case COPY -> System.arraycopy(y, ib + i, o, io + i, n - i);
        }
    }

    /** o[io+i] = x[ia+i] op c: the right operand is one value along the row (a scalar, or a column broadcast). */
    void right(float[] o, int io, float[] x, int ia, float c, int n) {
        int i = Simd.ACTIVE ? SimdArith.right(this, o, io, x, ia, c, n) : 0;
        switch (this) {
            case ADD -> { for (; i < n; i++) o[io + i] = x[ia + i] + c; }
            case SUB -> { for (; i < n; i++) o[io + i] = x[ia + i] - c; }
            case MUL -> { for (; i < n; i++) o[io + i] = x[ia + i] * c; }
            case DIV -> { for (; i < n; i++) o[io + i] = x[ia + i] / c; }
            case COPY -> Arrays.fill(o, io + i, io + n, c);
        }
    }

    /** o[io+i] = c op y[ib+i]: the left operand is one value along the row. */
    void left(float[] o, int io, float c, float[] y, int ib, int n) {
        switch (this) {
            case ADD -> { for (int i = 0; i < n; i++) o[io + i] = c + y[ib + i]; }
            case SUB -> { for (int i = 0; i < n; i++) o[io + i] = c - y[ib + i]; }
            case MUL -> { for (int i = 0; i < n; i++) o[io + i] = c * y[ib + i]; }
            case DIV -> { for (int i = 0; i < n; i++) o[io + i] = c / y[ib + i]; }
            case COPY -> System.arraycopy(y, ib, o, io, n);
        }
    }

    /** Any strides (a transposed operand or output): the op is a switch the JIT hoists, not a call per element. */
    private void strided(float[] o, int io, int so, float[] x, int ia, int sa, float[] y, int ib, int sb, int n) {
        for (int i = 0; i < n; i++, io += so, ia += sa, ib += sb) o[io] = apply(x[ia], y[ib]);
    }
}
