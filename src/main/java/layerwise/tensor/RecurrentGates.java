package layerwise.tensor;

/**
 * The gate maths of one recurrent step in one pass, for rows 0..n-1 and the hidden units u0..u1-1 of each
 * gate: what {@link RecurrentKernels}' cell steps and a whole layer ({@link RecurrentDirection}) share. A
 * thread that owns units u0..u1 of a step needs nothing from the other threads' units, so a step splits
 * over threads by units.
 *
 * <p>Operands, for G gates of H units stacked {@code [gate 0 | gate 1 | ...]}:
 * <ul>
 *   <li>{@code gi}: the input part x W_ih^T of row r at {@code giOff + r*giLd} (G·H values), read only;</li>
 *   <li>{@code gh}: the hidden part h W_hh^T, rows of G·H at {@code ghOff + r*G·H}, overwritten with the
 *       gates;</li>
 *   <li>{@code bi}, {@code bh}: b_ih and b_hh (G·H), each null when absent (skipped, not added as 0: -0 + 0
 *       is +0).</li>
 * </ul>
 * A gate's pre-activation is {@code (gi + b_ih) + (gh + b_hh)}, rounded in that order, the order of the
 * tensor-op chain {@code gi.add(gh.add(bhh))} (float addition is commutative, so which side holds gi does
 * not matter). Without SIMD sigmoid and tanh are the tensor ops' own; with SIMD, {@link GateMath}'s.
 */
final class RecurrentGates {
    private RecurrentGates() {
    }

    /**
     * LSTM, gates {@code [i | f | g | o]}: i, f, o = sigmoid(pre), g = tanh(pre), c' = f*c + i*g (c updated in
     * place, row r at {@code cOff + r*cLd}), h' = o * tanh(c') (row r at {@code hOff + r*hLd}).
     */
    static void lstm(int n, int hidden, int u0, int u1, float[] gi, int giOff, int giLd, float[] bi,
                     float[] gh, int ghOff, float[] bh, float[] c, int cOff, int cLd, float[] h, int hOff, int hLd) {
        int width = 4 * hidden, len = u1 - u0;
        for (int r = 0; r < n; r++) {
            int x = giOff + r * giLd, g0 = ghOff + r * width;
            for (int gate = 0; gate < 4; gate++) {
                int at = gate * hidden + u0;
                preActivation(gi, x + at, bi, gh, g0 + at, bh, at, len);
            }
            int i = g0 + u0, f = i + hidden, g = f + hidden, o = g + hidden;
            sigmoid(gh, i, i + len);
            sigmoid(gh, f, f + len);
            tanh(gh, gh, g, g + len);
            sigmoid(gh, o, o + len);
            int cr = cOff + r * cLd + u0, hr = hOff + r * hLd + u0;
            for (int u = 0; u < len; u++) c[cr + u] = gh[f + u] * c[cr + u] + gh[i + u] * gh[g + u];
            tanh(c, h, cr, cr + len, hr);
            for (int u = 0; u < len; u++) h[hr + u] = gh[o + u] * h[hr + u];
        }
    }

    /**
     * GRU, gates {@code [r | z | n]}: r, z = sigmoid(pre), n = tanh((gi_n + b_in) + r * (gh_n + b_hn)),
     * h' = n + z * (h - n); the previous h row r at {@code pOff + r*pLd}, h' at {@code hOff + r*hLd}.
     */
    static void gru(int n, int hidden, int u0, int u1, float[] gi, int giOff, int giLd, float[] bi,
                    float[] gh, int ghOff, float[] bh, float[] prev, int pOff, int pLd, float[] h, int hOff, int hLd) {
        int width = 3 * hidden, len = u1 - u0;
        for (int r = 0; r < n; r++) {
            int x = giOff + r * giLd, g0 = ghOff + r * width;
            for (int gate = 0; gate < 2; gate++) {
                int at = gate * hidden + u0;
                preActivation(gi, x + at, bi, gh, g0 + at, bh, at, len);
            }
            int rg = g0 + u0, z = rg + hidden, nn = z + hidden, xn = x + 2 * hidden + u0, bn = 2 * hidden + u0;
            sigmoid(gh, rg, rg + len);
            sigmoid(gh, z, z + len);
            // n's hidden part is scaled by r before the input part joins it: its bias stays inside.
            if (bh != null) for (int u = 0; u < len; u++) gh[nn + u] = gh[nn + u] + bh[bn + u];
            if (bi != null) {
                for (int u = 0; u < len; u++) gh[nn + u] = (gi[xn + u] + bi[bn + u]) + gh[rg + u] * gh[nn + u];
            } else {
                for (int u = 0; u < len; u++) gh[nn + u] = gi[xn + u] + gh[rg + u] * gh[nn + u];
            }
            tanh(gh, gh, nn, nn + len);
            int pr = pOff + r * pLd + u0, hr = hOff + r * hLd + u0;
            for (int u = 0; u < len; u++) {
                float nu = gh[nn + u];
                h[hr + u] = nu + gh[z + u] * (prev[pr + u] - nu);
            }
        }
    }

    /** Elman RNN: h' = tanh(pre) or max(0, pre) (relu), row r at {@code hOff + r*hLd}. */
    static void rnn(int n, int hidden, int u0, int u1, float[] gi, int giOff, int giLd, float[] bi,
                    float[] gh, int ghOff, float[] bh, boolean relu, float[] h, int hOff, int hLd) {
        int len = u1 - u0;
        for (int r = 0; r < n; r++) {
            int g0 = ghOff + r * hidden + u0, hr = hOff + r * hLd + u0;
            preActivation(gi, giOff + r * giLd + u0, bi, gh, g0, bh, u0, len);
            if (relu) {
                for (int u = 0; u < len; u++) h[hr + u] = Elementwise.relu(gh[g0 + u]);
            } else {
                tanh(gh, h, g0, g0 + len, hr);
            }
        }
    }

    /** gh[p+k] = (gi[x+k] + bi[b+k]) + (gh[p+k] + bh[b+k]) for k &lt; len, an absent bias left out. */
    private static void preActivation(float[] gi, int x, float[] bi, float[] gh, int p, float[] bh, int b, int len) {
        if (bi != null && bh != null) {
            for (int k = 0; k < len; k++) gh[p + k] = (gi[x + k] + bi[b + k]) + (gh[p + k] + bh[b + k]);
        } else if (bi != null) {
            for (int k = 0; k < len; k++) gh[p + k] = (gi[x + k] + bi[b + k]) + gh[p + k];
        } else if (bh != null) {
            for (int k = 0; k < len; k++) gh[p + k] = gi[x + k] + (gh[p + k] + bh[b + k]);
        } else {
            for (int k = 0; k < len; k++) gh[p + k] = gi[x + k] + gh[p + k];
        }
    }

    private static void sigmoid(float[] x, int from, int to) {
        if (Simd.ACTIVE) {
            SimdGates.sigmoid(x, x, from, to);
        } else {
            for (int q = from; q < to; q++) x[q] = Elementwise.sigmoid(x[q]);
        }
    }

    private static void tanh(float[] x, float[] y, int from, int to) {
        tanh(x, y, from, to, from);
    }

    /** y[at + q - from] = tanh(x[q]) for q in from..to-1. */
    private static void tanh(float[] x, float[] y, int from, int to, int at) {
        if (Simd.ACTIVE) {
            SimdGates.tanh(x, from, to, y, at);
        } else {
            for (int q = from, d = at; q < to; q++, d++) y[d] = (float) Math.tanh(x[q]);
        }
    }
}
