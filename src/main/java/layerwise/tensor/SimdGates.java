package layerwise.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GateMath}'s sigmoid and tanh over arrays, on vectors of doubles: the same operations in the same
 * order as GateMath's scalar code (which finishes the tail of each array), so every element comes out
 * bit for bit as GateMath computes it. Floats are widened to doubles 8 (AVX-512) at a time and the
 * result rounded back once.
 */
final class SimdGates {
    private SimdGates() {
    }

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> F =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int L = D.length();

    private static DoubleVector exp(DoubleVector x) {
        DoubleVector xc = x.max(GateMath.MIN_X).min(GateMath.MAX_X);
        DoubleVector t = xc.fma(GateMath.LOG2E, GateMath.SHIFTER);
        DoubleVector k = t.sub(GateMath.SHIFTER);
        DoubleVector r = k.fma(c(-GateMath.LN2_HI), xc);
        r = k.fma(c(-GateMath.LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(D, GateMath.EXP_TAYLOR[0]);
        for (int i = 1; i < GateMath.EXP_TAYLOR.length; i++) p = p.fma(r, c(GateMath.EXP_TAYLOR[i]));
        p = p.fma(r, c(1.0));
        p = p.fma(r, c(1.0));
        LongVector bits = t.reinterpretAsLongs();
        DoubleVector twoK = bits.sub(Double.doubleToRawLongBits(GateMath.SHIFTER) - 1023)
                .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
        return p.mul(twoK);
    }

    private static DoubleVector c(double v) {
        return DoubleVector.broadcast(D, v);
    }

    private static DoubleVector load(float[] x, int i) {
        return (DoubleVector) FloatVector.fromArray(F, x, i).convertShape(VectorOperators.F2D, D, 0);
    }

    private static void store(DoubleVector v, float[] y, int i) {
        ((FloatVector) v.convertShape(VectorOperators.D2F, F, 0)).intoArray(y, i);
    }

    /** y[i] = sigmoid(x[i]) for i in from..to-1 (y may be x). */
    static void sigmoid(float[] x, float[] y, int from, int to) {
        int i = from;
        // i <= last (not i + L <= to): a counted loop, whose index checks the JIT hoists out of the loop.
        for (int last = to - L; i <= last; i += L) {
            DoubleVector e = exp(load(x, i).neg());
            store(DoubleVector.broadcast(D, 1.0).div(e.add(1.0)), y, i);
        }
        for (; i < to; i++) y[i] = GateMath.sigmoid(x[i]);
    }

    /** y[at + i - from] = tanh(x[i]) for i in from..to-1 (y may be x, at from or not overlapping). */
    static void tanh(float[] x, int from, int to, float[] y, int at) {
        int i = from, shift = at - from;
        for (int last = to - L; i <= last; i += L) {
            DoubleVector d = load(x, i);
            DoubleVector a = d.abs();
            DoubleVector e = exp(a.mul(-2.0));
            DoubleVector t = DoubleVector.broadcast(D, 1.0).sub(e).div(e.add(1.0));
            t = t.blend(t.neg(), d.lt(0.0));
            VectorMask<Double> small = a.lt(GateMath.TANH_SERIES_BELOW);
            if (small.anyTrue()) {
                DoubleVector x2 = d.mul(d);
                DoubleVector p = DoubleVector.broadcast(D, GateMath.TANH_TAYLOR[0]);
                for (int j = 1; j < GateMath.TANH_TAYLOR.length; j++) p = p.fma(x2, c(GateMath.TANH_TAYLOR[j]));
                t = t.blend(d.mul(x2.fma(p, c(1.0))), small);
            }
            store(t, y, i + shift);
        }
        for (; i < to; i++) y[i + shift] = GateMath.tanh(x[i]);
    }
}
