package layerwise.tensor;

import java.util.Arrays;

/**
 * The gate maths of one recurrent step in one pass, for rows 0..n-1 and the hidden units u0..u1-1 of each
 * gate: what {@link RecurrentKernels}' cell steps and a whole layer ({@link RecurrentDirection}) share. A
 * thread that owns units u0..u1 of a step needs nothing from the other threads' units, so a step splits
 * over threads by units.
 *
 * <p>Operands, for G gates of H units stacked {@code [gate 0 | gate 1 | ...]}:
 * <ul>
 *   <li>{@code gi}: the input part x W_ih^T of row r at {@code giOff + r*giLd} (G·H values), read only;</li>
 *   <li>{@code gh}: the hidden part h W_hh^T, rows of G·H at {@code ghOff + r*G·H}, read and then overwritten:
 *       an LSTM's and a GRU's with their gates' activations (i, f, g, o; r, z, n), which a recording forward
 *       keeps for the backward ({@link RecurrentTape});</li>
 *   <li>{@code bi}, {@code bh}: b_ih and b_hh (G·H), from {@link #bias}: an absent bias is -0, the one
 *       float that adds as nothing at all (x + -0 = x, also for x = -0, where + 0 would give +0).</li>
 * </ul>
 * A gate's pre-activation is {@code (gi + b_ih) + (gh + b_hh)}, rounded in that order, the order of the
 * tensor-op chain {@code gi.add(gh.add(bhh))} (float addition is commutative, so which side holds gi does
 * not matter). Without SIMD sigmoid and tanh are the tensor ops' own; with SIMD, {@link GateMath}'s, and the
 * passes run as {@link SimdGates}' loops.
 */
final class RecurrentGates {
    private RecurrentGates() {
    }

    /** b's values, or G·H values of -0 when there is no bias. */
    static float[] bias(Tensor b, int width) {
        if (b != null) return b.toFloatArray();
        float[] none = Storage.allocate(width);
        Arrays.fill(none, -0f);
        return none;
    }

    /**
     * LSTM, gates {@code [i | f | g | o]}: i, f, o = sigmoid(pre), g = tanh(pre), c' = f*c + i*g (c updated in
     * place, row r at {@code cOff + r*cLd}), h' = o * tanh(c') (row r at {@code hOff + r*hLd}). When {@code tc}
     * is not null, tanh(c') is also kept there (rows of H at {@code tcOff + r*H}) for the backward.
     */
    static void lstm(int n, int hidden, int u0, int u1, float[] gi, int giOff, int giLd, float[] bi,
                     float[] gh, int ghOff, float[] bh, float[] c, int cOff, int cLd, float[] h, int hOff, int hLd,
                     float[] tc, int tcOff) {
        int len = u1 - u0;
        int bI = u0, bF = bI + hidden, bG = bF + hidden, bO = bG + hidden;
        for (int r = 0; r < n; r++) {
            int x = giOff + r * giLd, row = ghOff + r * 4 * hidden;
            int i = row + bI, f = row + bF, g = row + bG, o = row + bO;
            int cr = cOff + r * cLd + u0, hr = hOff + r * hLd + u0, tr = tcOff + r * hidden + u0;
            if (Simd.ACTIVE) {
                for (int gate = 0; gate < 4; gate++) {
                    int at = gate * hidden + u0;
                    SimdGates.sums(gi, x + at, bi, gh, row + at, bh, at, len);
                }
                SimdGates.sigmoid(gh, gh, i, i + len);
                SimdGates.sigmoid(gh, gh, f, f + len);
                SimdGates.tanh(gh, g, g + len, gh, g);
                SimdGates.sigmoid(gh, gh, o, o + len);
                SimdGates.lstmCell(gh, i, f, g, c, cr, len);
                if (tc == null) {
                    SimdGates.tanh(c, cr, cr + len, h, hr);
                    SimdGates.scale(gh, o, h, hr, len);
                } else {
                    SimdGates.tanh(c, cr, cr + len, tc, tr);
                    SimdGates.product(gh, o, tc, tr, h, hr, len);
                }
                continue;
            }
            for (int k = 0; k < len; k++) {
                float ig = Elementwise.sigmoid(pre(gi, x + bI + k, bi, gh, i + k, bh, bI + k));
                float fg = Elementwise.sigmoid(pre(gi, x + bF + k, bi, gh, f + k, bh, bF + k));
                float gg = (float) Math.tanh(pre(gi, x + bG + k, bi, gh, g + k, bh, bG + k));
                float og = Elementwise.sigmoid(pre(gi, x + bO + k, bi, gh, o + k, bh, bO + k));
                gh[i + k] = ig;
                gh[f + k] = fg;
                gh[g + k] = gg;
                gh[o + k] = og;
                float cn = fg * c[cr + k] + ig * gg;
                c[cr + k] = cn;
                float t = (float) Math.tanh(cn);
                if (tc != null) tc[tr + k] = t;
                h[hr + k] = og * t;
            }
        }
    }

    /**
     * GRU, gates {@code [r | z | n]}: r, z = sigmoid(pre), n = tanh((gi_n + b_in) + r * (gh_n + b_hn)),
     * h' = n + z * (h - n); the previous h row r at {@code pOff + r*pLd}, h' at {@code hOff + r*hLd}.
     */
    static void gru(int n, int hidden, int u0, int u1, float[] gi, int giOff, int giLd, float[] bi,
                    float[] gh, int ghOff, float[] bh, float[] prev, int pOff, int pLd, float[] h, int hOff, int hLd) {
        int len = u1 - u0;
        int bR = u0, bZ = bR + hidden, bN = bZ + hidden;
        for (int r = 0; r < n; r++) {
            int x = giOff + r * giLd, row = ghOff + r * 3 * hidden;
            int rg = row + bR, z = row + bZ, nn = row + bN;
            int pr = pOff + r * pLd + u0, hr = hOff + r * hLd + u0;
            if (Simd.ACTIVE) {
                SimdGates.sums(gi, x + bR, bi, gh, rg, bh, bR, len);
                SimdGates.sums(gi, x + bZ, bi, gh, z, bh, bZ, len);
                SimdGates.sigmoid(gh, gh, rg, rg + len);
                SimdGates.sigmoid(gh, gh, z, z + len);
                SimdGates.gruCandidate(gi, x + bN, bi, gh, rg, nn, bh, bN, len);
                SimdGates.tanh(gh, nn, nn + len, gh, nn);
                SimdGates.gruState(gh, nn, z, prev, pr, h, hr, len);
                continue;
            }
            for (int k = 0; k < len; k++) {
                float rk = Elementwise.sigmoid(pre(gi, x + bR + k, bi, gh, rg + k, bh, bR + k));
                float zk = Elementwise.sigmoid(pre(gi, x + bZ + k, bi, gh, z + k, bh, bZ + k));
                // n's hidden part is scaled by r before the input part joins it: its bias stays inside.
                float nk = (float) Math.tanh((gi[x + bN + k] + bi[bN + k]) + rk * (gh[nn + k] + bh[bN + k]));
                gh[rg + k] = rk;
                gh[z + k] = zk;
                gh[nn + k] = nk;
                h[hr + k] = nk + zk * (prev[pr + k] - nk);
            }
        }
    }

    /** Elman RNN: h' = tanh(pre) or max(0, pre) (relu), row r at {@code hOff + r*hLd}. */
    static void rnn(int n, int hidden, int u0, int u1, float[] gi, int giOff, int giLd, float[] bi,
                    float[] gh, int ghOff, float[] bh, boolean relu, float[] h, int hOff, int hLd) {
        int len = u1 - u0;
        for (int r = 0; r < n; r++) {
            int x = giOff + r * giLd + u0, p = ghOff + r * hidden + u0, hr = hOff + r * hLd + u0;
            if (relu) {
                for (int k = 0; k < len; k++) h[hr + k] = Elementwise.relu(pre(gi, x + k, bi, gh, p + k, bh, u0 + k));
            } else if (Simd.ACTIVE) {
                SimdGates.sums(gi, x, bi, gh, p, bh, u0, len);
                SimdGates.tanh(gh, p, p + len, h, hr);
            } else {
                for (int k = 0; k < len; k++) h[hr + k] = (float) Math.tanh(pre(gi, x + k, bi, gh, p + k, bh, u0 + k));
            }
        }
    }

    /** (gi + b_ih) + (gh + b_hh) for one unit. */
    private static float pre(float[] gi, int x, float[] bi, float[] gh, int p, float[] bh, int b) {
        return (gi[x] + bi[b]) + (gh[p] + bh[b]);
    }
}
