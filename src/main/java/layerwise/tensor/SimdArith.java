package layerwise.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Arith}'s row loops and relu on vectors of floats (16 lanes with AVX-512). Each lane does the one
 * IEEE operation the scalar loop does (a + b, a - b, a * b, a / b, each rounded once; relu selects x or
 * +0 by the same comparison x &lt;= 0), so the results are the same bits. Each method covers whole vectors
 * from the start of the row and returns where it stopped; the caller's scalar loop finishes the row.
 * Only loaded when {@link Simd#ACTIVE}.
 */
final class SimdArith {
    private SimdArith() {
    }

    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    /** o[io+i] = x[ia+i] op y[ib+i] for whole vectors; returns the first i not done. */
    static int dense(Arith op, float[] o, int io, float[] x, int ia, float[] y, int ib, int n) {
        int end = F.loopBound(n);
        // One small method per op: the Vector API compiles to SIMD instructions only when the op is a
        // constant, and a small method is compiled alone, its vector calls all inlined.
        switch (op) {
            case ADD -> add(o, io, x, ia, y, ib, end);
            case SUB -> sub(o, io, x, ia, y, ib, end);
            case MUL -> mul(o, io, x, ia, y, ib, end);
            case DIV -> div(o, io, x, ia, y, ib, end);
            case COPY -> { return 0; }   // System.arraycopy is already a vector copy
        }
        return end;
    }

    private static void add(float[] o, int io, float[] x, int ia, float[] y, int ib, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).add(v(y, ib + i)).intoArray(o, io + i);
    }

    private static void sub(float[] o, int io, float[] x, int ia, float[] y, int ib, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).sub(v(y, ib + i)).intoArray(o, io + i);
    }

    private static void mul(float[] o, int io, float[] x, int ia, float[] y, int ib, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).mul(v(y, ib + i)).intoArray(o, io + i);
    }

    private static void div(float[] o, int io, float[] x, int ia, float[] y, int ib, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).div(v(y, ib + i)).intoArray(o, io + i);
    }

    /** o[io+i] = x[ia+i] op c for whole vectors; returns the first i not done. */
    static int right(Arith op, float[] o, int io, float[] x, int ia, float c, int n) {
        int end = F.loopBound(n);
        switch (op) {
            case ADD -> addScalar(o, io, x, ia, c, end);
            case SUB -> subScalar(o, io, x, ia, c, end);
            case MUL -> mulScalar(o, io, x, ia, c, end);
            case DIV -> divScalar(o, io, x, ia, c, end);
            case COPY -> { return 0; }   // Arrays.fill
        }
        return end;
    }

    private static void addScalar(float[] o, int io, float[] x, int ia, float c, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).add(c).intoArray(o, io + i);
    }

    private static void subScalar(float[] o, int io, float[] x, int ia, float c, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).sub(c).intoArray(o, io + i);
    }

    private static void mulScalar(float[] o, int io, float[] x, int ia, float c, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).mul(c).intoArray(o, io + i);
    }

    private static void divScalar(float[] o, int io, float[] x, int ia, float c, int end) {
        for (int i = 0; i < end; i += L) v(x, ia + i).div(c).intoArray(o, io + i);
    }

    /** dst[to+i] = relu(src[from+i]) = (x &lt;= 0 ? +0 : x) for whole vectors; NaN fails x &lt;= 0, so it is kept. */
    static int relu(float[] src, int from, float[] dst, int to, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += L) {
            FloatVector v = v(src, from + i);
            v.blend(0f, v.compare(VectorOperators.LE, 0f)).intoArray(dst, to + i);
        }
        return end;
    }

    /** d[i] = (y[i] &gt; 0 ? g[i] : +0) for whole vectors: relu's backward, no branch to mispredict. */
    static int reluBackward(float[] g, int gFrom, float[] y, int yFrom, float[] d, int n) {
        int end = F.loopBound(n);
        for (int i = 0; i < end; i += L) {
            v(g, gFrom + i).blend(0f, v(y, yFrom + i).compare(VectorOperators.GT, 0f).not()).intoArray(d, i);
        }
        return end;
    }

    private static FloatVector v(float[] a, int at) {
        return FloatVector.fromArray(F, a, at);
    }
}
