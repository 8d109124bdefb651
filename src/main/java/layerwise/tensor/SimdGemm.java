package layerwise.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD matrix product (one thread's share of {@link Gemm#gemm}), the way fast BLAS libraries do it:
 * <ol>
 *   <li>cache blocking: B is taken KC rows by NC columns at a time, A MC rows by KC columns, sized so both
 *       blocks stay in the core's L2 cache and a micro-panel of A (MR x KC) in L1 while the B panels pass;</li>
 *   <li>packing: each block is copied once into the order the micro-kernel reads it (A in panels of MR
 *       rows, column by column; B in panels of NR columns, row by row), zero-padded to whole panels, so
 *       the kernel walks memory strictly forward whatever the strides of A and B (transposed views need
 *       no copy of their own);</li>
 *   <li>a register-blocked micro-kernel: an MR x NR tile of C lives in 2·MR vector registers for the whole
 *       KC loop; each step loads two vectors of B, broadcasts MR values of A and does 2·MR fused
 *       multiply-adds. With MR = 12: 24 accumulators + 2 B vectors + 1 broadcast fit AVX-512's 32
 *       registers, 24 independent FMAs cover the FMA latency (4 cycles x 2 units), and 24 FMAs per 2
 *       vector loads and 12 broadcasts keep the load ports from being the limit.</li>
 * </ol>
 * Order of the sums: each C element gets its products for p = 0, 1, ..., k-1 in that order (a later KC
 * block starts from the C value the earlier one stored), each as one {@code fma}.
 */
final class SimdGemm {
    private SimdGemm() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    static final int MR = SimdTiles.MR;
    static final int NR = SimdTiles.NR;
    static final int KC = 256;
    static final int MC = 120;
    /**
     * A block of packed B is KC x NC floats = 512 KiB: it stays in a core's L2 cache (1.25 MiB here) beside
     * the packed A block (MC x KC = 120 KiB). With NC = 2048 the block outgrew L2 for n >= 768 and a
     * 1024-square product on one thread dropped from about 100 to about 60 GFLOP/s.
     */
    static final int NC = 512;

    static int vectorBits() {
        return S.vectorBitSize();
    }

    /** Per-thread packing buffers, reused from call to call. */
    private static final class Scratch {
        final float[] a = new float[MC * KC];
        final float[] b = new float[KC * NC];
        final float[] tile = new float[MR * NR];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(m, n, k, a, aOff, ars, acs, b, bOff, brs, bcs, null, 0, 0, c, cOff, ldc, accumulate);
    }

    /**
     * B (k x n) packed once for many products with it (a recurrent layer's W_hh, used at every time step):
     * for each block of KC rows from p0, panels of NR columns at {@code p0·nPad + j·kc}, nPad = n rounded up
     * to whole panels. Each block is laid out exactly as {@link #packB} lays it out for one product.
     */
    static float[] packAll(int k, int n, float[] b, int bOff, int brs, int bcs) {
        int nPad = paddedColumns(n);
        float[] packed = Storage.allocate(k, nPad);
        for (int p0 = 0; p0 < k; p0 += KC) {
            packB(b, bOff + p0 * brs, brs, bcs, Math.min(KC, k - p0), n, packed, p0 * nPad);
        }
        return packed;
    }

    static int paddedColumns(int n) {
        return (n + NR - 1) / NR * NR;
    }

    static int paddedRows(int m) {
        return (m + MR - 1) / MR * MR;
    }

    /** How many blocks {@link #packARange} cuts an m x k matrix A into: one per KC columns and MC rows. */
    static int blocksOfA(int m, int k) {
        return ((k + KC - 1) / KC) * ((m + MC - 1) / MC);
    }

    /**
     * Blocks from..to-1 of A (m x k) packed for {@link #gemm}'s packedA, so that several threads can pack
     * one shared copy: the block of KC columns from p0 and MC rows from i0 lands at
     * {@code p0·paddedRows(m) + i0·kc}, laid out as {@link #packA} lays it out for one product.
     */
    static void packARange(int m, int k, float[] a, int aOff, int ars, int acs, float[] dst, int from, int to) {
        int rowBlocks = (m + MC - 1) / MC;
        for (int block = from; block < to; block++) {
            int p0 = block / rowBlocks * KC, i0 = block % rowBlocks * MC;
            int kc = Math.min(KC, k - p0);
            packA(a, aOff + i0 * ars + p0 * acs, ars, acs, Math.min(MC, m - i0), kc, dst, p0 * paddedRows(m) + i0 * kc);
        }
    }

    /**
     * The product with B either packed here, block by block, or taken from {@link #packAll}'s {@code packed}
     * (then b is unused and this call's column 0 is column {@code packedJ0} of the packed matrix, a multiple of NR).
     */
    static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
                     float[] packed, int packedNPad, int packedJ0, float[] c, int cOff, int ldc, boolean accumulate) {
        gemm(m, n, k, a, aOff, ars, acs, null, b, bOff, brs, bcs, packed, packedNPad, packedJ0, c, cOff, ldc, accumulate);
    }

    /** As above, with A either packed here or taken from {@link #packARange}'s {@code packedA} (then a is unused). */
    static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] packedA,
                     float[] b, int bOff, int brs, int bcs,
                     float[] packed, int packedNPad, int packedJ0, float[] c, int cOff, int ldc, boolean accumulate) {
        if (k == 0) {
            if (!accumulate) for (int i = 0; i < m; i++) java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            return;
        }
        Scratch s = SCRATCH.get();
        for (int j0 = 0; j0 < n; j0 += NC) {
            int nc = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kc = Math.min(KC, k - p0);
                boolean acc = accumulate || p0 > 0;
                float[] bp;
                int bBase;
                if (packed == null) {
                    packB(b, bOff + p0 * brs + j0 * bcs, brs, bcs, kc, nc, s.b, 0);
                    bp = s.b;
                    bBase = 0;
                } else {
                    bp = packed;
                    bBase = p0 * packedNPad + (packedJ0 + j0) * kc;
                }
                for (int i0 = 0; i0 < m; i0 += MC) {
                    int mc = Math.min(MC, m - i0);
                    float[] ap;
                    int aBase;
                    if (packedA == null) {
                        packA(a, aOff + i0 * ars + p0 * acs, ars, acs, mc, kc, s.a, 0);
                        ap = s.a;
                        aBase = 0;
                    } else {
                        ap = packedA;
                        aBase = p0 * paddedRows(m) + i0 * kc;
                    }
                    // A micro-panel (MR x kc, 12 KiB) stays in L1 while the B panels of the block stream past
                    // it from L2: about 10% faster here than the other order, which keeps a B panel (32 KiB) in
                    // L1 and streams the A panels.
                    for (int ir = 0; ir < mc; ir += MR) {
                        int mr = Math.min(MR, mc - ir);
                        int rows = SimdTiles.kernelRows(mr);
                        int aPanel = aBase + ir * kc;
                        for (int jr = 0; jr < nc; jr += NR) {
                            int nr = Math.min(NR, nc - jr);
                            int bPanel = bBase + jr * kc;              // panel jr/NR starts at (jr/NR)·kc·NR
                            int ct = cOff + (i0 + ir) * ldc + j0 + jr;
                            if (mr == rows && nr == NR) {
                                SimdTiles.run(rows, kc, ap, aPanel, bp, bPanel, c, ct, ldc, acc);
                            } else {
                                edge(rows, kc, s.tile, ap, aPanel, bp, bPanel, c, ct, ldc, mr, nr, acc);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A partial tile at the bottom or right edge of C: run a kernel of {@code rows} rows on a copy, write back mr x nr. */
    private static void edge(int rows, int kc, float[] t, float[] ap, int aPanel, float[] bp, int bPanel, float[] c, int ct, int ldc,
                             int mr, int nr, boolean acc) {
        if (acc) {
            for (int r = 0; r < mr; r++) System.arraycopy(c, ct + r * ldc, t, r * NR, nr);
        }
        SimdTiles.run(rows, kc, ap, aPanel, bp, bPanel, t, 0, NR, acc);
        for (int r = 0; r < mr; r++) System.arraycopy(t, r * NR, c, ct + r * ldc, nr);
    }

    /**
     * A block (mc x kc) into panels of MR rows: dst[panel·kc·MR + p·w + r] = A[panel·MR + r][p], where w is
     * MR, or for the last panel the rows of the kernel that will read it (4, 8 or 12), zero past mc.
     */
    private static void packA(float[] a, int off, int rs, int cs, int mc, int kc, float[] dst, int dstOff) {
        for (int i0 = 0; i0 < mc; i0 += MR) {
            int base = dstOff + i0 * kc;
            int rows = Math.min(MR, mc - i0);
            int w = SimdTiles.kernelRows(rows);
            for (int r = 0; r < rows; r++) {
                int src = off + (i0 + r) * rs;
                int d = base + r;
                if (cs == 1) {
                    for (int p = 0; p < kc; p++, d += w) dst[d] = a[src + p];
                } else {
                    for (int p = 0; p < kc; p++, d += w) dst[d] = a[src + p * cs];
                }
            }
            for (int r = rows; r < w; r++) {
                for (int p = 0, d = base + r; p < kc; p++, d += w) dst[d] = 0f;
            }
        }
    }

    /** B block (kc x nc) into panels of NR columns: dst[panel·kc·NR + p·NR + j] = B[p][panel·NR + j], 0 past nc. */
    private static void packB(float[] b, int off, int rs, int cs, int kc, int nc, float[] dst, int dstOff) {
        for (int j0 = 0; j0 < nc; j0 += NR) {
            int base = dstOff + j0 * kc;
            int cols = Math.min(NR, nc - j0);
            if (cs == 1 && cols == NR) {
                for (int p = 0; p < kc; p++) {
                    int src = off + p * rs + j0;
                    int d = base + p * NR;
                    FloatVector.fromArray(S, b, src).intoArray(dst, d);
                    FloatVector.fromArray(S, b, src + L).intoArray(dst, d + L);
                }
            } else if (rs == 1 && cols == NR) {
                // B is a transposed view (columns contiguous, e.g. a Linear's weight read as Wᵀ). Eight columns
                // at a time, each read forward, their values stored side by side in each panel row: eight
                // neighbouring stores per row instead of one store per row per column (this copy took 45%
                // less time than the column-by-column loop below on a 64-row Linear, 1024 -> 1024).
                for (int j = 0; j < NR; j += 8) {
                    int s0 = off + (j0 + j) * cs, s1 = s0 + cs, s2 = s1 + cs, s3 = s2 + cs;
                    int s4 = s3 + cs, s5 = s4 + cs, s6 = s5 + cs, s7 = s6 + cs;
                    for (int p = 0, d = base + j; p < kc; p++, d += NR) {
                        dst[d] = b[s0 + p];
                        dst[d + 1] = b[s1 + p];
                        dst[d + 2] = b[s2 + p];
                        dst[d + 3] = b[s3 + p];
                        dst[d + 4] = b[s4 + p];
                        dst[d + 5] = b[s5 + p];
                        dst[d + 6] = b[s6 + p];
                        dst[d + 7] = b[s7 + p];
                    }
                }
            } else if (rs == 1) {
                // The last, partial panel of a transposed view: read each column once, scatter along p.
                for (int j = 0; j < cols; j++) {
                    int src = off + (j0 + j) * cs;
                    for (int p = 0, d = base + j; p < kc; p++, d += NR) dst[d] = b[src + p];
                }
                for (int j = cols; j < NR; j++) {
                    for (int p = 0, d = base + j; p < kc; p++, d += NR) dst[d] = 0f;
                }
            } else {
                for (int p = 0; p < kc; p++) {
                    int src = off + p * rs + j0 * cs;
                    int d = base + p * NR;
                    for (int j = 0; j < cols; j++) dst[d + j] = b[src + j * cs];
                    for (int j = cols; j < NR; j++) dst[d + j] = 0f;
                }
            }
        }
    }
}
