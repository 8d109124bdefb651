package layerwise.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The SIMD matrix product (one thread's share of {@link Gemm#gemm}), the way fast BLAS libraries do it:
 * <ol>
 *   <li>cache blocking: B is taken KC rows by NC columns at a time, A MC rows by KC columns, sized so a
 *       block of A stays in the core's L2 cache and a micro-panel of B (KC x NR) in L1;</li>
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
    static final int MR = 12;
    static final int NR = 2 * L;
    private static final int KC = 256;
    private static final int MC = 120;
    private static final int NC = 2048;

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
        float[] packed = new float[k * nPad];
        for (int p0 = 0; p0 < k; p0 += KC) {
            packB(b, bOff + p0 * brs, brs, bcs, Math.min(KC, k - p0), n, packed, p0 * nPad);
        }
        return packed;
    }

    static int paddedColumns(int n) {
        return (n + NR - 1) / NR * NR;
    }

    /**
     * The product with B either packed here, block by block, or taken from {@link #packAll}'s {@code packed}
     * (then b is unused and this call's column 0 is column {@code packedJ0} of the packed matrix, a multiple of NR).
     */
    static void gemm(int m, int n, int k, float[] a, int aOff, int ars, int acs, float[] b, int bOff, int brs, int bcs,
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
                    packA(a, aOff + i0 * ars + p0 * acs, ars, acs, mc, kc, s.a);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        int bPanel = bBase + jr * kc;              // panel jr/NR starts at (jr/NR)·kc·NR
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            int aPanel = ir * kc;
                            int ct = cOff + (i0 + ir) * ldc + j0 + jr;
                            if (mr == MR && nr == NR) {
                                kernel(kc, s.a, aPanel, bp, bPanel, c, ct, ldc, acc);
                            } else {
                                edge(kc, s, aPanel, bp, bPanel, c, ct, ldc, mr, nr, acc);
                            }
                        }
                    }
                }
            }
        }
    }

    /** A partial tile at the bottom or right edge of C: run the full kernel on a copy, write back mr x nr. */
    private static void edge(int kc, Scratch s, int aPanel, float[] bp, int bPanel, float[] c, int ct, int ldc, int mr, int nr,
                             boolean acc) {
        float[] t = s.tile;
        if (acc) {
            for (int r = 0; r < mr; r++) System.arraycopy(c, ct + r * ldc, t, r * NR, nr);
        }
        kernel(kc, s.a, aPanel, bp, bPanel, t, 0, NR, acc);
        for (int r = 0; r < mr; r++) System.arraycopy(t, r * NR, c, ct + r * ldc, nr);
    }

    /** A block (mc x kc) into panels of MR rows: dst[panel·kc·MR + p·MR + r] = A[panel·MR + r][p], 0 past mc. */
    private static void packA(float[] a, int off, int rs, int cs, int mc, int kc, float[] dst) {
        for (int i0 = 0; i0 < mc; i0 += MR) {
            int base = i0 * kc;
            int rows = Math.min(MR, mc - i0);
            for (int r = 0; r < rows; r++) {
                int src = off + (i0 + r) * rs;
                int d = base + r;
                if (cs == 1) {
                    for (int p = 0; p < kc; p++, d += MR) dst[d] = a[src + p];
                } else {
                    for (int p = 0; p < kc; p++, d += MR) dst[d] = a[src + p * cs];
                }
            }
            for (int r = rows; r < MR; r++) {
                for (int p = 0, d = base + r; p < kc; p++, d += MR) dst[d] = 0f;
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
            } else if (rs == 1) {
                // B is a transposed view (columns contiguous): read each column once, scatter along p.
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

    /**
     * C[0..MR)[0..NR) (row stride ldc, from ct) = (acc ? C : 0) + sum over p &lt; kc of A[r][p]·B[p][j], from
     * packed panels: A at ap[aO + p·MR + r], B at bp[bO + p·NR + j].
     */
    private static void kernel(int kc, float[] ap, int aO, float[] bp, int bO, float[] c, int ct, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector r0a = z, r0b = z;
        FloatVector r1a = z, r1b = z;
        FloatVector r2a = z, r2b = z;
        FloatVector r3a = z, r3b = z;
        FloatVector r4a = z, r4b = z;
        FloatVector r5a = z, r5b = z;
        FloatVector r6a = z, r6b = z;
        FloatVector r7a = z, r7b = z;
        FloatVector r8a = z, r8b = z;
        FloatVector r9a = z, r9b = z;
        FloatVector r10a = z, r10b = z;
        FloatVector r11a = z, r11b = z;
        if (acc) {
            r0a = FloatVector.fromArray(S, c, ct + 0 * ldc); r0b = FloatVector.fromArray(S, c, ct + 0 * ldc + L);
            r1a = FloatVector.fromArray(S, c, ct + 1 * ldc); r1b = FloatVector.fromArray(S, c, ct + 1 * ldc + L);
            r2a = FloatVector.fromArray(S, c, ct + 2 * ldc); r2b = FloatVector.fromArray(S, c, ct + 2 * ldc + L);
            r3a = FloatVector.fromArray(S, c, ct + 3 * ldc); r3b = FloatVector.fromArray(S, c, ct + 3 * ldc + L);
            r4a = FloatVector.fromArray(S, c, ct + 4 * ldc); r4b = FloatVector.fromArray(S, c, ct + 4 * ldc + L);
            r5a = FloatVector.fromArray(S, c, ct + 5 * ldc); r5b = FloatVector.fromArray(S, c, ct + 5 * ldc + L);
            r6a = FloatVector.fromArray(S, c, ct + 6 * ldc); r6b = FloatVector.fromArray(S, c, ct + 6 * ldc + L);
            r7a = FloatVector.fromArray(S, c, ct + 7 * ldc); r7b = FloatVector.fromArray(S, c, ct + 7 * ldc + L);
            r8a = FloatVector.fromArray(S, c, ct + 8 * ldc); r8b = FloatVector.fromArray(S, c, ct + 8 * ldc + L);
            r9a = FloatVector.fromArray(S, c, ct + 9 * ldc); r9b = FloatVector.fromArray(S, c, ct + 9 * ldc + L);
            r10a = FloatVector.fromArray(S, c, ct + 10 * ldc); r10b = FloatVector.fromArray(S, c, ct + 10 * ldc + L);
            r11a = FloatVector.fromArray(S, c, ct + 11 * ldc); r11b = FloatVector.fromArray(S, c, ct + 11 * ldc + L);
        }
        for (int p = 0; p < kc; p++) {
            int ai = aO + p * MR, bi = bO + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[ai + 0]); r0a = x.fma(b0, r0a); r0b = x.fma(b1, r0b);
            x = FloatVector.broadcast(S, ap[ai + 1]); r1a = x.fma(b0, r1a); r1b = x.fma(b1, r1b);
            x = FloatVector.broadcast(S, ap[ai + 2]); r2a = x.fma(b0, r2a); r2b = x.fma(b1, r2b);
            x = FloatVector.broadcast(S, ap[ai + 3]); r3a = x.fma(b0, r3a); r3b = x.fma(b1, r3b);
            x = FloatVector.broadcast(S, ap[ai + 4]); r4a = x.fma(b0, r4a); r4b = x.fma(b1, r4b);
            x = FloatVector.broadcast(S, ap[ai + 5]); r5a = x.fma(b0, r5a); r5b = x.fma(b1, r5b);
            x = FloatVector.broadcast(S, ap[ai + 6]); r6a = x.fma(b0, r6a); r6b = x.fma(b1, r6b);
            x = FloatVector.broadcast(S, ap[ai + 7]); r7a = x.fma(b0, r7a); r7b = x.fma(b1, r7b);
            x = FloatVector.broadcast(S, ap[ai + 8]); r8a = x.fma(b0, r8a); r8b = x.fma(b1, r8b);
            x = FloatVector.broadcast(S, ap[ai + 9]); r9a = x.fma(b0, r9a); r9b = x.fma(b1, r9b);
            x = FloatVector.broadcast(S, ap[ai + 10]); r10a = x.fma(b0, r10a); r10b = x.fma(b1, r10b);
            x = FloatVector.broadcast(S, ap[ai + 11]); r11a = x.fma(b0, r11a); r11b = x.fma(b1, r11b);
        }
        r0a.intoArray(c, ct + 0 * ldc); r0b.intoArray(c, ct + 0 * ldc + L);
        r1a.intoArray(c, ct + 1 * ldc); r1b.intoArray(c, ct + 1 * ldc + L);
        r2a.intoArray(c, ct + 2 * ldc); r2b.intoArray(c, ct + 2 * ldc + L);
        r3a.intoArray(c, ct + 3 * ldc); r3b.intoArray(c, ct + 3 * ldc + L);
        r4a.intoArray(c, ct + 4 * ldc); r4b.intoArray(c, ct + 4 * ldc + L);
        r5a.intoArray(c, ct + 5 * ldc); r5b.intoArray(c, ct + 5 * ldc + L);
        r6a.intoArray(c, ct + 6 * ldc); r6b.intoArray(c, ct + 6 * ldc + L);
        r7a.intoArray(c, ct + 7 * ldc); r7b.intoArray(c, ct + 7 * ldc + L);
        r8a.intoArray(c, ct + 8 * ldc); r8b.intoArray(c, ct + 8 * ldc + L);
        r9a.intoArray(c, ct + 9 * ldc); r9b.intoArray(c, ct + 9 * ldc + L);
        r10a.intoArray(c, ct + 10 * ldc); r10b.intoArray(c, ct + 10 * ldc + L);
        r11a.intoArray(c, ct + 11 * ldc); r11b.intoArray(c, ct + 11 * ldc + L);
    }
}
