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
        // One loop per op: the Vector API compiles to SIMD instructions only when the op is a constant.
        switch (op) {
            case ADD -> { for (int i = 0; i < end; i += L) v(x, ia + i).add(v(y, ib + i)).intoArray(o, io + i); }
            case SUB -> { for (int i = 0; i < end; i += L) v(x, ia + i).sub(v(y, ib + i)).intoArray(o, io + i); }
            case MUL -> { for (int i = 0; i < end; i += L) v(x, ia + i).mul(v(y, ib + i)).intoArray(o, io + i); }
            case DIV -> { for (int i = 0; i < end; i += L) v(x, ia + i).div(v(y, ib + i)).intoArray(o, io + i); }
            case COPY -> { return 0; }   // System.arraycopy is already a vector copy
        }
        return end;
    }

    /** o[io+i] = x[ia+i] op c for whole vectors; returns the first i not done. */
    static int right(Arith op, float[] o, int io, float[] x, int ia, float c, int n) {
        int end = F.loopBound(n);
        switch (op) {
            case ADD -> { for (int i = 0; i < end; i += L) v(x, ia + i).add(c).intoArray(o, io + i); }
            case SUB -> { for (int i = 0; i < end; i += L) v(x, ia + i).sub(c).intoArray(o, io + i); }
            case MUL -> { for (int i = 0; i < end; i += L) v(x, ia + i).mul(c).intoArray(o, io + i); }
            case DIV -> { for (int i = 0; i < end; i += L) v(x, ia + i).div(c).intoArray(o, io + i); }
            case COPY -> { return 0; }   // Arrays.fill
        }
        return end;
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

    private static FloatVector v(float[] a, int at) {
        return FloatVector.fromArray(F, a, at);
    }
}
