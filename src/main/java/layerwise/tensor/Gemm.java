package layerwise.tensor;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fast matrix product every hot op runs on: {@code C = A B} or {@code C += A B} for strided A, B and
 * a row-major C. A (m x k) is element {@code a[aOff + i*ars + p*acs]}, B (k x n) is
 * {@code b[bOff + p*brs + j*bcs]}, so a transposed operand is just swapped strides (no copy);
 * C is {@code c[cOff + i*ldc + j]}.
 *
 * <p>Every C element is still the sum of its products in increasing p, started from 0 (or from the C
 * value when accumulating: a bias), exactly as {@link MatmulKernels#plain} adds them. The SIMD kernel
 * ({@link SimdGemm}) computes each step as one fused multiply-add, {@code fma(a, b, sum)}, rounded once
 * where the plain loop rounds the product and then the sum; that is the only difference. The scalar
 * fallback ({@link #scalarRange}) rounds like the plain loop and matches it bit for bit.
 *
 * <p>Large products are cut into column ranges (or row ranges when C is narrow), one per thread.
 */
final class Gemm {
    private Gemm() {
    }

    /** Products below this many multiply-adds stay on the caller's thread. */
    static final long PARALLEL_WORK = 1L << 17;

    static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        float[] sharedA = sharedPackedA(m, n, k, a, aOff, ars, acs);
        if (sharedA != null) {
            split(m, n, k, RANGES_PER_THREAD, (i0, i1, j0, j1) -> SimdGemm.gemm(m, j1 - j0, k, null, 0, 0, 0, sharedA,
                    b, bOff + j0 * bcs, brs, bcs, null, 0, 0, c, cOff + j0, ldc, accumulate));
            return;
        }
        split(m, n, k, (i0, i1, j0, j1) -> range(i1 - i0, j1 - j0, k, a, aOff + i0 * ars, ars, acs,
                b, bOff + j0 * bcs, brs, bcs, c, cOff + i0 * ldc + j0, ldc, accumulate));
    }

    /** A shared packed copy of A is kept (and reused) up to this many floats: 16 MiB. */
    static final int SHARED_A_LIMIT = 1 << 22;

    private static final ThreadLocal<float[]> SHARED_A = new ThreadLocal<>();

    /**
     * When C is cut into column ranges, every thread needs all of A packed. Packing it once, the threads
     * each taking a share of the blocks, instead of once per thread, saves each thread about 1 ns per
     * element of A (a 1024-square product on two threads: about 1 ms of 11). Returns null (each thread
     * packs its own) without SIMD, on one thread, for row splits, small A, or an A over SHARED_A_LIMIT.
     */
    private static float[] sharedPackedA(int m, int n, int k, float[] a, int aOff, int ars, int acs) {
        if (!Simd.ACTIVE || k == 0 || !columnSplit(m, n, k) || m < 2 * SimdGemm.MR) return null;
        long size = (long) SimdGemm.paddedRows(m) * k;
        if (size > SHARED_A_LIMIT) return null;
        float[] packed = SHARED_A.get();
        if (packed == null || packed.length < size) {
            packed = Storage.allocate(SimdGemm.paddedRows(m), k);
            SHARED_A.set(packed);
        }
        float[] dst = packed;
        int blocks = SimdGemm.blocksOfA(m, k), threads = Math.min(Parallel.threads(), blocks);
        Parallel.forEach(threads, t -> SimdGemm.packARange(m, k, a, aOff, ars, acs, dst,
                (int) ((long) blocks * t / threads), (int) ((long) blocks * (t + 1) / threads)));
        return dst;
    }

    /** B packed once (see {@link #pack}) for many products A_t B, e.g. one per time step of a recurrent layer. */
    static final class PackedB {
        final int k;
        final int n;
        /** SIMD: {@link SimdGemm#packAll}'s panels, row length nPad; scalar: B row-major, nPad = n. */
        final float[] data;
        final int nPad;
        final boolean simd;

        private PackedB(int k, int n, float[] data, int nPad, boolean simd) {
            this.k = k;
            this.n = n;
            this.data = data;
            this.nPad = nPad;
            this.simd = simd;
        }
    }

    static PackedB pack(int k, int n, float[] b, int bOff, int brs, int bcs) {
        if (Simd.ACTIVE) return new PackedB(k, n, SimdGemm.packAll(k, n, b, bOff, brs, bcs), SimdGemm.paddedColumns(n), true);
        float[] rowMajor = Storage.allocate(k, n);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) rowMajor[p * n + j] = b[bOff + p * brs + j * bcs];
        }
        return new PackedB(k, n, rowMajor, n, false);
    }

    /** C = A B (or C += A B) with B packed by {@link #pack}; the same sums as {@link #gemm}. */
    static void gemm(int m, float[] a, int aOff, int ars, int acs, PackedB b, float[] c, int cOff, int ldc, boolean accumulate) {
        split(m, b.n, b.k, (i0, i1, j0, j1) -> range(i1 - i0, a, aOff + i0 * ars, ars, acs, b, j0, j1,
                c, cOff + i0 * ldc, ldc, accumulate));
    }

    /**
     * Columns j0..j1-1 of C = A B (or C += A B) with B packed by {@link #pack}, on the caller's thread; C's
     * column j is {@code c[cOff + i*ldc + j]}. j0 must be a multiple of {@link #panelWidth()}.
     */
    static void range(int m, float[] a, int aOff, int ars, int acs, PackedB b, int j0, int j1,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        if (j0 % panelWidth() != 0) throw new IllegalArgumentException("column range must start at a whole panel: " + j0);
        if (b.simd) {
            SimdGemm.gemm(m, j1 - j0, b.k, a, aOff, ars, acs, null, 0, 0, 0, b.data, b.nPad, j0, c, cOff + j0, ldc, accumulate);
        } else {
            scalarRange(m, j1 - j0, b.k, a, aOff, ars, acs, b.data, j0, b.n, 1, c, cOff + j0, ldc, accumulate);
        }
    }

    /** The column granularity of a packed B: a column range of {@link #range} starts at a multiple of this. */
    static int panelWidth() {
        return Simd.ACTIVE ? SimdGemm.NR : 1;
    }

    /** A packed once for many products A B_t, e.g. a convolution's weights, used for every chunk of every image. */
    static final class PackedA {
        final int m;
        final int k;
        /** SIMD: {@link SimdGemm#packARange}'s blocks; scalar: null, and the products read A through its strides. */
        final float[] data;
        final float[] a;
        final int aOff;
        final int ars;
        final int acs;

        private PackedA(int m, int k, float[] data, float[] a, int aOff, int ars, int acs) {
            this.m = m;
            this.k = k;
            this.data = data;
            this.a = a;
            this.aOff = aOff;
            this.ars = ars;
            this.acs = acs;
        }
    }

    static PackedA packA(int m, int k, float[] a, int aOff, int ars, int acs) {
        float[] data = null;
        if (Simd.ACTIVE && m > 0 && k > 0) {
            data = Storage.allocate(SimdGemm.paddedRows(m), k);
            SimdGemm.packARange(m, k, a, aOff, ars, acs, data, 0, SimdGemm.blocksOfA(m, k));
        }
        return new PackedA(m, k, data, a, aOff, ars, acs);
    }

    /** C = A B (or C += A B) with A packed by {@link #packA}, on the caller's thread; the same sums as {@link #gemm}. */
    static void range(PackedA a, int n, float[] b, int bOff, int brs, int bcs, float[] c, int cOff, int ldc, boolean accumulate) {
        if (a.data != null) {
            SimdGemm.gemm(a.m, n, a.k, null, 0, 0, 0, a.data, b, bOff, brs, bcs, null, 0, 0, c, cOff, ldc, accumulate);
        } else {
            range(a.m, n, a.k, a.a, a.aOff, a.ars, a.acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        }
    }

    /** One thread's block of C: rows i0..i1-1, columns j0..j1-1. */
    private interface Block {
        void run(int i0, int i1, int j0, int j1);
    }

    /**
     * Cuts C into one block per thread: column ranges in whole register tiles when C is wide enough (each
     * thread packs its own panels of B and writes its own columns), else row ranges; small products stay
     * on the caller's thread.
     */
    private static void split(int m, int n, int k, Block block) {
        split(m, n, k, 1, block);
    }

    /** Column ranges of C handed out this many per thread when A is packed once for all of them. */
    static final int RANGES_PER_THREAD = 4;

    /**
     * As {@link #split}, with C's columns cut into {@code perThread} ranges per thread that the threads claim
     * one at a time: a thread slowed down by anything else on its core (another process, a GC thread)
     * takes fewer ranges instead of holding up the whole product. More ranges than threads only pay when
     * A is packed once for all of them (each range packs its own columns of B, and nothing else).
     */
    private static void split(int m, int n, int k, int perThread, Block block) {
        if (m <= 0 || n <= 0) return;
        int threads = threadsFor(m, n, k);
        int unit = columnUnit();
        if (columnSplit(m, n, k)) {
            int units = (n + unit - 1) / unit;
            int ranges = Math.min(units, threads * perThread);
            AtomicInteger next = new AtomicInteger();
            Parallel.forEach(threads, t -> {
                for (int r = next.getAndIncrement(); r < ranges; r = next.getAndIncrement()) {
                    int j0 = Math.min(n, (int) ((long) units * r / ranges) * unit);
                    int j1 = Math.min(n, (int) ((long) units * (r + 1) / ranges) * unit);
                    if (j1 > j0) block.run(0, m, j0, j1);
                }
            });
        } else if (threads > 1 && m >= 16 * threads) {
            Parallel.forEach(threads, t -> {
                int i0 = (int) ((long) m * t / threads);
                int i1 = (int) ((long) m * (t + 1) / threads);
                if (i1 > i0) block.run(i0, i1, 0, n);
            });
        } else {
            block.run(0, m, 0, n);
        }
    }

    private static int threadsFor(int m, int n, int k) {
        return (long) m * n * k < PARALLEL_WORK ? 1 : Parallel.threads();
    }

    private static int columnUnit() {
        return Simd.ACTIVE ? SimdGemm.NR : 16;
    }

    /** Whether {@link #split} cuts C into column ranges (one per thread). */
    private static boolean columnSplit(int m, int n, int k) {
        int threads = threadsFor(m, n, k);
        return threads > 1 && n >= 2 * columnUnit() * threads;
    }

    /** One thread's share. */
    static void range(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                      float[] c, int cOff, int ldc, boolean accumulate) {
        if (Simd.ACTIVE) {
            SimdGemm.gemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        } else {
            scalarRange(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, c, cOff, ldc, accumulate);
        }
    }

    private static final int BLOCK_P = 128;
    private static final int BLOCK_J = 512;

    /** Per-thread scratch of the scalar fallback: a tile of B, one row array per p, and one row of C. */
    private static final class ScalarScratch {
        final float[][] tile = new float[BLOCK_P][BLOCK_J];
        final float[] row = new float[BLOCK_J];
    }

    private static final ThreadLocal<ScalarScratch> SCALAR_SCRATCH = ThreadLocal.withInitial(ScalarScratch::new);

    /**
     * The scalar fallback: i-p-j loop order (the inner loop walks B and C along a row), blocked over p and j
     * so a tile of B stays in cache. Each C element receives its products one by one in increasing p,
     * rounded as {@code sum + a*b}: the plain kernel's result, bit for bit.
     *
     * <p>The tile of B is copied into row arrays and C's row into a buffer, so that the inner loop is
     * {@code row[j] += aip * tileRow[j]}: whatever B's strides (a Linear's transposed weight), and with one
     * index for both arrays, which C2 then turns into vector instructions (with B and C read at different
     * offsets of possibly the same array it keeps the loop scalar). A Linear(1024, 1024) on 64 rows without the
     * Vector API: 6.8 ms instead of 165 ms when the loop read B through its strides.
     */
    static void scalarRange(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                            float[] c, int cOff, int ldc, boolean accumulate) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
        }
        ScalarScratch s = SCALAR_SCRATCH.get();
        float[] row = s.row;
        for (int j0 = 0; j0 < n; j0 += BLOCK_J) {
            int j1 = Math.min(n, j0 + BLOCK_J), w = j1 - j0;
            for (int p0 = 0; p0 < k; p0 += BLOCK_P) {
                int p1 = Math.min(k, p0 + BLOCK_P);
                for (int p = p0; p < p1; p++) {
                    float[] t = s.tile[p - p0];
                    int bp = bOff + p * brs + j0 * bcs;
                    if (bcs == 1) {
                        System.arraycopy(b, bp, t, 0, w);
                    } else {
                        for (int j = 0; j < w; j++) t[j] = b[bp + j * bcs];
                    }
                }
                for (int i = 0; i < m; i++) {
                    int ci = cOff + i * ldc + j0;
                    System.arraycopy(c, ci, row, 0, w);
                    for (int p = p0; p < p1; p++) {
                        float aip = a[aOff + i * ars + p * acs];
                        float[] t = s.tile[p - p0];
                        for (int j = 0; j < w; j++) row[j] += aip * t[j];
                    }
                    System.arraycopy(row, 0, c, ci, w);
                }
            }
        }
    }
}
