package layerwise.tensor;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The register-blocked micro-kernels of {@link SimdGemm}: a tile of C of 12, 8 or 4 rows by NR = 2 vectors
 * of columns, held in registers for the whole KC loop. Each step loads two vectors of the packed B panel,
 * broadcasts one value of the packed A panel per row, and does two fused multiply-adds per row.
 *
 * <p>Why 12 rows: 24 accumulators + 2 B vectors + 1 broadcast fit AVX-512's 32 registers; 24 independent
 * FMAs cover the FMA latency (4 cycles x 2 units); the broadcasts are loads ({@code vbroadcastss} from
 * memory), so the two FMA ports are the only limit. The 8- and 4-row kernels finish the bottom edge of C
 * (32 rows = 12 + 12 + 8, 64 = 5·12 + 4) without running 12 rows' worth of FMAs on zero padding.
 *
 * <p>The three kernels are the same loop written out for 12, 8 and 4 rows on purpose: C2 keeps an
 * accumulator in a register only when it is a variable of its own, so a loop over an array of vectors
 * (or one kernel with a row count) would spill them to memory and run several times slower.
 *
 * <p>Each C element gets its products in increasing p, each as one {@code fma}, starting from 0 or (acc) from C.
 */
final class SimdTiles {
    private SimdTiles() {
    }

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Columns of a tile: two vectors. */
    static final int NR = 2 * L;
    /** Rows of the full tile; A panels are packed this many rows wide. */
    static final int MR = 12;

    /** The fewest rows of a kernel that covers {@code rows} (1..12): 4, 8 or 12. */
    static int kernelRows(int rows) {
        return rows <= 4 ? 4 : rows <= 8 ? 8 : 12;
    }

    /** Runs the kernel of {@code rows} (4, 8 or 12) rows; the A panel holds that many values per p. */
    static void run(int rows, int kc, float[] ap, int aO, float[] bp, int bO, float[] c, int ct, int ldc, boolean acc) {
        switch (rows) {
            case 12 -> rows12(kc, ap, aO, bp, bO, c, ct, ldc, acc);
            case 8 -> rows8(kc, ap, aO, bp, bO, c, ct, ldc, acc);
            case 4 -> rows4(kc, ap, aO, bp, bO, c, ct, ldc, acc);
            default -> throw new IllegalArgumentException("no " + rows + "-row kernel");
        }
    }

    /** 12 rows: C[0..12)[0..NR) (row stride ldc, from ct) = (acc ? C : 0) + A panel · B panel; A panel rows 12 apart. */
    static void rows12(int kc, float[] ap, int aO, float[] bp, int bO, float[] c, int ct, int ldc, boolean acc) {
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
            int ai = aO + p * 12, bi = bO + p * NR;
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

    /** 8 rows: C[0..8)[0..NR) (row stride ldc, from ct) = (acc ? C : 0) + A panel · B panel; A panel rows 8 apart. */
    static void rows8(int kc, float[] ap, int aO, float[] bp, int bO, float[] c, int ct, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector r0a = z, r0b = z;
        FloatVector r1a = z, r1b = z;
        FloatVector r2a = z, r2b = z;
        FloatVector r3a = z, r3b = z;
        FloatVector r4a = z, r4b = z;
        FloatVector r5a = z, r5b = z;
        FloatVector r6a = z, r6b = z;
        FloatVector r7a = z, r7b = z;
        if (acc) {
            r0a = FloatVector.fromArray(S, c, ct + 0 * ldc); r0b = FloatVector.fromArray(S, c, ct + 0 * ldc + L);
            r1a = FloatVector.fromArray(S, c, ct + 1 * ldc); r1b = FloatVector.fromArray(S, c, ct + 1 * ldc + L);
            r2a = FloatVector.fromArray(S, c, ct + 2 * ldc); r2b = FloatVector.fromArray(S, c, ct + 2 * ldc + L);
            r3a = FloatVector.fromArray(S, c, ct + 3 * ldc); r3b = FloatVector.fromArray(S, c, ct + 3 * ldc + L);
            r4a = FloatVector.fromArray(S, c, ct + 4 * ldc); r4b = FloatVector.fromArray(S, c, ct + 4 * ldc + L);
            r5a = FloatVector.fromArray(S, c, ct + 5 * ldc); r5b = FloatVector.fromArray(S, c, ct + 5 * ldc + L);
            r6a = FloatVector.fromArray(S, c, ct + 6 * ldc); r6b = FloatVector.fromArray(S, c, ct + 6 * ldc + L);
            r7a = FloatVector.fromArray(S, c, ct + 7 * ldc); r7b = FloatVector.fromArray(S, c, ct + 7 * ldc + L);
        }
        for (int p = 0; p < kc; p++) {
            int ai = aO + p * 8, bi = bO + p * NR;
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
        }
        r0a.intoArray(c, ct + 0 * ldc); r0b.intoArray(c, ct + 0 * ldc + L);
        r1a.intoArray(c, ct + 1 * ldc); r1b.intoArray(c, ct + 1 * ldc + L);
        r2a.intoArray(c, ct + 2 * ldc); r2b.intoArray(c, ct + 2 * ldc + L);
        r3a.intoArray(c, ct + 3 * ldc); r3b.intoArray(c, ct + 3 * ldc + L);
        r4a.intoArray(c, ct + 4 * ldc); r4b.intoArray(c, ct + 4 * ldc + L);
        r5a.intoArray(c, ct + 5 * ldc); r5b.intoArray(c, ct + 5 * ldc + L);
        r6a.intoArray(c, ct + 6 * ldc); r6b.intoArray(c, ct + 6 * ldc + L);
        r7a.intoArray(c, ct + 7 * ldc); r7b.intoArray(c, ct + 7 * ldc + L);
    }

    /** 4 rows: C[0..4)[0..NR) (row stride ldc, from ct) = (acc ? C : 0) + A panel · B panel; A panel rows 4 apart. */
    static void rows4(int kc, float[] ap, int aO, float[] bp, int bO, float[] c, int ct, int ldc, boolean acc) {
        FloatVector z = FloatVector.zero(S);
        FloatVector r0a = z, r0b = z;
        FloatVector r1a = z, r1b = z;
        FloatVector r2a = z, r2b = z;
        FloatVector r3a = z, r3b = z;
        if (acc) {
            r0a = FloatVector.fromArray(S, c, ct + 0 * ldc); r0b = FloatVector.fromArray(S, c, ct + 0 * ldc + L);
            r1a = FloatVector.fromArray(S, c, ct + 1 * ldc); r1b = FloatVector.fromArray(S, c, ct + 1 * ldc + L);
            r2a = FloatVector.fromArray(S, c, ct + 2 * ldc); r2b = FloatVector.fromArray(S, c, ct + 2 * ldc + L);
            r3a = FloatVector.fromArray(S, c, ct + 3 * ldc); r3b = FloatVector.fromArray(S, c, ct + 3 * ldc + L);
        }
        for (int p = 0; p < kc; p++) {
            int ai = aO + p * 4, bi = bO + p * NR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector x;
            x = FloatVector.broadcast(S, ap[ai + 0]); r0a = x.fma(b0, r0a); r0b = x.fma(b1, r0b);
            x = FloatVector.broadcast(S, ap[ai + 1]); r1a = x.fma(b0, r1a); r1b = x.fma(b1, r1b);
            x = FloatVector.broadcast(S, ap[ai + 2]); r2a = x.fma(b0, r2a); r2b = x.fma(b1, r2b);
            x = FloatVector.broadcast(S, ap[ai + 3]); r3a = x.fma(b0, r3a); r3b = x.fma(b1, r3b);
        }
        r0a.intoArray(c, ct + 0 * ldc); r0b.intoArray(c, ct + 0 * ldc + L);
        r1a.intoArray(c, ct + 1 * ldc); r1b.intoArray(c, ct + 1 * ldc + L);
        r2a.intoArray(c, ct + 2 * ldc); r2b.intoArray(c, ct + 2 * ldc + L);
        r3a.intoArray(c, ct + 3 * ldc); r3b.intoArray(c, ct + 3 * ldc + L);
    }
}
