package layerwise.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link GateMath}'s sigmoid and tanh over arrays, on vectors of doubles: the same operations in the same
 * order as GateMath's scalar code (which finishes the tail of each array), so every element comes out
 * bit for bit as GateMath computes it. Floats are widened to doubles in a scratch array, computed on 8
 * (AVX-512) at a time and rounded back once. Beside them, the float passes of {@link RecurrentGates}' gate
 * maths (sums and products, which round lane by lane exactly as the scalar code does).
 *
 * <p>Why the widening goes through a scratch array and not through half-width float vectors: this class,
 * like every SIMD kernel here, uses one float vector shape only, {@code FS}.
 * The JIT's type profile of a Vector API method such as {@code FloatVector.intoArray} is shared by every
 * caller; on JDK 17 once it has seen two vector classes (a 256-bit one here, the 512-bit one of the matrix
 * product), C2 inlines both, the vector's class is no longer a constant where the intrinsic needs it
 * ("VectorSupport::store failed to inline (intrinsic)" in -XX:+PrintInlining), and every vector of the
 * matrix product compiled after that is an object on the heap: one LSTM forward in a fresh JVM made the
 * next 1024-square matmul 35 times slower (6.6 GFLOP/s instead of 230). {@code KernelProfileTest} keeps it so.
 *
 * <p>Why {@link #activate} is one method with its exp written out inside the loop: the JIT keeps a vector
 * in a register only within one compiled method. A helper that takes or returns a vector and is not
 * inlined (the JIT declines once the helper has been compiled on its own into a large method) gets its
 * vectors allocated as objects on every call, several times slower.
 */
final class SimdGates {
    private SimdGates() {
    }

    /** The one float vector shape of every SIMD kernel (see above), and doubles of the same width. */
    private static final VectorSpecies<Float> FS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final int L = D.length();
    private static final long EXP_BIAS = Double.doubleToRawLongBits(GateMath.SHIFTER) - 1023;

    /** y[i] = sigmoid(x[i]) for i in from..to-1 (y may be x). */
    static void sigmoid(float[] x, float[] y, int from, int to) {
        activate(false, x, from, to, y, from);
    }

    /** y[at + i - from] = tanh(x[i]) for i in from..to-1 (y may be x, at from or not overlapping). */
    static void tanh(float[] x, int from, int to, float[] y, int at) {
        activate(true, x, from, to, y, at);
    }

    /**
     * y[at + i - from] = tanh(x[i]) or sigmoid(x[i]): sigmoid(x) = 1 / (1 + exp(-x)), tanh(x) = sign(x) ·
     * (1 - e) / (1 + e) with e = exp(-2|x|), or tanh's odd series where |x| &lt; 1/32; exp as GateMath's.
     */
    private static void activate(boolean tanh, float[] x, int from, int to, float[] y, int at) {
        double[] w = WIDE.get();
        int shift = at - from;
        DoubleVector one = DoubleVector.broadcast(D, 1.0);
        for (int c0 = from; c0 < to; c0 += CHUNK) {
            int len = Math.min(CHUNK, to - c0), whole = len - len % L;
            // The whole chunk is read before any of it is written: y may be x. (The widening and rounding
            // loops are scalar: the Vector API's conversions between float and double vectors of one width,
            // convertShape with a part, run as calls on JDK 17, and an LSTM took 30% longer with them.)
            for (int i = 0; i < whole; i++) w[i] = x[c0 + i];
            // i <= last (not i + L <= whole): a counted loop, whose index checks the JIT hoists out of the loop.
            for (int i = 0, last = whole - L; i <= last; i += L) {
                DoubleVector d = DoubleVector.fromArray(D, w, i);
                DoubleVector a = d.abs();
                DoubleVector arg = tanh ? a.mul(-2.0) : d.neg();
                // exp(arg) = 2^k · e^r, as GateMath.exp.
                DoubleVector xc = arg.max(GateMath.MIN_X).min(GateMath.MAX_X);
                DoubleVector t = xc.fma(GateMath.LOG2E, GateMath.SHIFTER);
                DoubleVector k = t.sub(GateMath.SHIFTER);
                DoubleVector r = k.fma(c(-GateMath.LN2_HI), xc);
                r = k.fma(c(-GateMath.LN2_LO), r);
                DoubleVector p = c(GateMath.EXP_TAYLOR[0]);
                for (int j = 1; j < GateMath.EXP_TAYLOR.length; j++) p = p.fma(r, c(GateMath.EXP_TAYLOR[j]));
                p = p.fma(r, one);
                p = p.fma(r, one);
                // 2^k: k's bits sit at the bottom of t's mantissa. (Shifted by a vector of counts: JDK 17 runs a
                // shift by a scalar count on long lanes as a call, not an instruction.)
                LongVector bits = (LongVector) t.reinterpretShape(LONGS, 0);
                DoubleVector twoK = (DoubleVector) bits.sub(EXP_BIAS)
                        .lanewise(VectorOperators.LSHL, LongVector.broadcast(LONGS, 52)).reinterpretShape(D, 0);
                DoubleVector e = p.mul(twoK);
                DoubleVector v;
                if (tanh) {
                    v = one.sub(e).div(e.add(1.0));
                    v = v.blend(v.neg(), d.lt(0.0));
                    VectorMask<Double> small = a.lt(GateMath.TANH_SERIES_BELOW);
                    if (small.anyTrue()) {
                        DoubleVector x2 = d.mul(d);
                        DoubleVector q = c(GateMath.TANH_TAYLOR[0]);
                        for (int j = 1; j < GateMath.TANH_TAYLOR.length; j++) q = q.fma(x2, c(GateMath.TANH_TAYLOR[j]));
                        v = v.blend(d.mul(x2.fma(q, one)), small);
                    }
                } else {
                    v = one.div(e.add(1.0));
                }
                v.intoArray(w, i);
            }
            for (int i = 0; i < whole; i++) y[c0 + shift + i] = (float) w[i];
            for (int i = c0 + whole; i < c0 + len; i++) y[i + shift] = tanh ? GateMath.tanh(x[i]) : GateMath.sigmoid(x[i]);
        }
    }

    /** Elements widened per pass of {@link #activate}: a multiple of any vector length. */
    private static final int CHUNK = 512;

    /** Each thread's widened chunk (4 KiB). */
    private static final ThreadLocal<double[]> WIDE = ThreadLocal.withInitial(() -> new double[CHUNK]);

    private static DoubleVector c(double v) {
        return DoubleVector.broadcast(D, v);
    }

    // The float passes, on full-width float vectors (the same vector class as the matrix product's, which
    // keeps the JIT's type profile of FloatVector's operations to one class). Each lane rounds as the
    // scalar expression in the comment does.

    /** gh[p+k] = (gi[x+k] + bi[b+k]) + (gh[p+k] + bh[b+k]) for k &lt; len. */
    static void sums(float[] gi, int x, float[] bi, float[] gh, int p, float[] bh, int b, int len) {
        int k = 0;
        for (int last = len - FS.length(); k <= last; k += FS.length()) {
            FloatVector v = FloatVector.fromArray(FS, gi, x + k).add(FloatVector.fromArray(FS, bi, b + k));
            v.add(FloatVector.fromArray(FS, gh, p + k).add(FloatVector.fromArray(FS, bh, b + k))).intoArray(gh, p + k);
        }
        for (; k < len; k++) gh[p + k] = (gi[x + k] + bi[b + k]) + (gh[p + k] + bh[b + k]);
    }

    /** The LSTM cell, c[cr+k] = f[k]*c[cr+k] + i[k]*g[k], for the gates at i, f, g of gh. */
    static void lstmCell(float[] gh, int i, int f, int g, float[] c, int cr, int len) {
        int k = 0;
        for (int last = len - FS.length(); k <= last; k += FS.length()) {
            FloatVector fc = FloatVector.fromArray(FS, gh, f + k).mul(FloatVector.fromArray(FS, c, cr + k));
            fc.add(FloatVector.fromArray(FS, gh, i + k).mul(FloatVector.fromArray(FS, gh, g + k))).intoArray(c, cr + k);
        }
        for (; k < len; k++) c[cr + k] = gh[f + k] * c[cr + k] + gh[i + k] * gh[g + k];
    }

    /** y[at+k] = x[from+k] * y[at+k]: h = o * tanh(c). */
    static void scale(float[] x, int from, float[] y, int at, int len) {
        int k = 0;
        for (int last = len - FS.length(); k <= last; k += FS.length()) {
            FloatVector.fromArray(FS, x, from + k).mul(FloatVector.fromArray(FS, y, at + k)).intoArray(y, at + k);
        }
        for (; k < len; k++) y[at + k] = x[from + k] * y[at + k];
    }

    /** z[at+k] = x[from+k] * y[yAt+k]: h = o * tanh(c) with tanh(c) kept apart. */
    static void product(float[] x, int from, float[] y, int yAt, float[] z, int at, int len) {
        int k = 0;
        for (int last = len - FS.length(); k <= last; k += FS.length()) {
            FloatVector.fromArray(FS, x, from + k).mul(FloatVector.fromArray(FS, y, yAt + k)).intoArray(z, at + k);
        }
        for (; k < len; k++) z[at + k] = x[from + k] * y[yAt + k];
    }

    /** The GRU candidate's pre-activation, gh[nn+k] = (gi[xn+k] + bi[b+k]) + r[k] * (gh[nn+k] + bh[b+k]), r at rg of gh. */
    static void gruCandidate(float[] gi, int xn, float[] bi, float[] gh, int rg, int nn, float[] bh, int b, int len) {
        int k = 0;
        for (int last = len - FS.length(); k <= last; k += FS.length()) {
            FloatVector hn = FloatVector.fromArray(FS, gh, nn + k).add(FloatVector.fromArray(FS, bh, b + k));
            FloatVector in = FloatVector.fromArray(FS, gi, xn + k).add(FloatVector.fromArray(FS, bi, b + k));
            in.add(FloatVector.fromArray(FS, gh, rg + k).mul(hn)).intoArray(gh, nn + k);
        }
        for (; k < len; k++) gh[nn + k] = (gi[xn + k] + bi[b + k]) + gh[rg + k] * (gh[nn + k] + bh[b + k]);
    }

    /** The GRU state, h[hr+k] = n[k] + z[k] * (prev[pr+k] - n[k]), n at nn and z at z of gh. */
    static void gruState(float[] gh, int nn, int z, float[] prev, int pr, float[] h, int hr, int len) {
        int k = 0;
        for (int last = len - FS.length(); k <= last; k += FS.length()) {
            FloatVector n = FloatVector.fromArray(FS, gh, nn + k);
            n.add(FloatVector.fromArray(FS, gh, z + k).mul(FloatVector.fromArray(FS, prev, pr + k).sub(n))).intoArray(h, hr + k);
        }
        for (; k < len; k++) {
            float n = gh[nn + k];
            h[hr + k] = n + gh[z + k] * (prev[pr + k] - n);
        }
    }
}
