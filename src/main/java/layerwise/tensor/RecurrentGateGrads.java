package layerwise.tensor;

/**
 * The chain rule through one recurrent step's gates, for rows 0..n-1 and the hidden units u0..u1-1: from
 * the gradient of the step's new state to the gradients of its gate pre-activations (and of the previous
 * state where it enters directly). What {@link RecurrentBackward} runs at every step of a layer, and
 * {@link RecurrentCellGrad} for one step of a cell. Like {@link RecurrentGates}, a thread that owns units
 * u0..u1 needs nothing of the others' units.
 *
 * <p>The local derivatives, with a = σ(p) or a = tanh(p) the activation saved by the forward:
 * <pre>
 *   σ'(p) = σ(p) (1 − σ(p)) = a (1 − a)          tanh'(p) = 1 − tanh²(p) = 1 − a²
 * </pre>
 * Rows are G·H wide for the gates ({@code [gate 0 | gate 1 | ...]}, as the weights stack them) and H (or
 * the given ld) wide for states.
 */
final class RecurrentGateGrads {
    private RecurrentGateGrads() {
    }

    /**
     * LSTM, gates {@code [i | f | g | o]} (rows at {@code gOff + r·4H}). The forward step was
     * <pre>
     *   i, f, o = σ(pre_i), σ(pre_f), σ(pre_o)      g = tanh(pre_g)
     *   c' = f ⊙ c + i ⊙ g                           m = o ⊙ tanh(c')     (h' = m, or m W_hrᵀ with proj_size)
     * </pre>
     * Given dm = dL/dm (rows at {@code dmOff + r·dmLd}) and dc = dL/dc' from the later steps (rows of H at
     * {@code dcOff}; c_n's gradient at the last step), c' reaches L through both, and:
     * <pre>
     *   dc'    = dc + dm ⊙ o ⊙ (1 − tanh²c')
     *   do     = dm ⊙ tanh c'
     *   di     = dc' ⊙ g        df = dc' ⊙ c        dg = dc' ⊙ i
     *   dc     ← dc' ⊙ f                                              (to the step before: overwrites dc)
     *   dpre_i = di ⊙ i(1 − i)   dpre_f = df ⊙ f(1 − f)   dpre_g = dg ⊙ (1 − g²)   dpre_o = do ⊙ o(1 − o)
     * </pre>
     * c is the previous cell state (rows at {@code cOff + r·cLd}), tanhC = tanh(c') (rows of H at
     * {@code tOff}); dpre is written at {@code dOff + r·4H}.
     */
    static void lstm(int n, int hidden, int u0, int u1, float[] gates, int gOff, float[] c, int cOff, int cLd,
                     float[] tanhC, int tOff, float[] dm, int dmOff, int dmLd, float[] dc, int dcOff, float[] dpre, int dOff) {
        int width = 4 * hidden;
        for (int r = 0; r < n; r++) {
            int gr = gOff + r * width, dr = dOff + r * width;
            int cr = cOff + r * cLd, tr = tOff + r * hidden, mr = dmOff + r * dmLd, dcr = dcOff + r * hidden;
            for (int u = u0; u < u1; u++) {
                float i = gates[gr + u], f = gates[gr + hidden + u], g = gates[gr + 2 * hidden + u];
                float o = gates[gr + 3 * hidden + u];
                float t = tanhC[tr + u], dmu = dm[mr + u];
                float dcNext = dc[dcr + u] + dmu * o * (1 - t * t);
                dc[dcr + u] = dcNext * f;
                dpre[dr + u] = dcNext * g * i * (1 - i);
                dpre[dr + hidden + u] = dcNext * c[cr + u] * f * (1 - f);
                dpre[dr + 2 * hidden + u] = dcNext * i * (1 - g * g);
                dpre[dr + 3 * hidden + u] = dmu * t * o * (1 - o);
            }
        }
    }

    /**
     * GRU, gates {@code [r | z | n]} (rows at {@code gOff + r·3H}). The forward step was
     * <pre>
     *   r = σ(i_r + h_r)     z = σ(i_z + h_z)     n = tanh(i_n + r ⊙ hn),  hn = W_hn h + b_hn
     *   h' = (1 − z) ⊙ n + z ⊙ h
     * </pre>
     * where i_* is the input part x W_i*ᵀ + b_i* and h_* the hidden part h W_h*ᵀ + b_h*. b_hn sits inside
     * the reset product, so the hidden part of n gets r times the gradient of n's pre-activation, not all
     * of it. Given dh' (rows at {@code dhOff + r·dhLd}):
     * <pre>
     *   dn     = dh' ⊙ (1 − z)        dz = dh' ⊙ (h − n)        dh (direct) = dh' ⊙ z
     *   dpre_n = dn ⊙ (1 − n²)                                    the gradient of i_n + r ⊙ hn
     *   dr     = dpre_n ⊙ hn          d(hn) = dpre_n ⊙ r
     *   dpre_r = dr ⊙ r(1 − r)        dpre_z = dz ⊙ z(1 − z)
     * </pre>
     * So the input part's gradient is {@code [dpre_r | dpre_z | dpre_n]} (into dgi at {@code giOff + r·3H})
     * and the hidden part's {@code [dpre_r | dpre_z | dpre_n ⊙ r]} (into dgh at {@code ghOff + r·3H}); the
     * direct term dh' ⊙ z goes to dPrev (rows at {@code dpOff + r·dpLd}). hn rows are H wide at
     * {@code hnOff}, the previous h at {@code pOff + r·pLd}.
     */
    static void gru(int n, int hidden, int u0, int u1, float[] gates, int gOff, float[] hn, int hnOff,
                    float[] prev, int pOff, int pLd, float[] dh, int dhOff, int dhLd,
                    float[] dgi, int giOff, float[] dgh, int ghOff, float[] dPrev, int dpOff, int dpLd) {
        int width = 3 * hidden;
        for (int row = 0; row < n; row++) {
            int gr = gOff + row * width, ir = giOff + row * width, hr = ghOff + row * width;
            int nr = hnOff + row * hidden, pr = pOff + row * pLd, dr = dhOff + row * dhLd, dpr = dpOff + row * dpLd;
            for (int u = u0; u < u1; u++) {
                float r = gates[gr + u], z = gates[gr + hidden + u], nu = gates[gr + 2 * hidden + u];
                float d = dh[dr + u];
                float dpreN = d * (1 - z) * (1 - nu * nu);
                float dpreR = dpreN * hn[nr + u] * r * (1 - r);
                float dpreZ = d * (prev[pr + u] - nu) * z * (1 - z);
                dgi[ir + u] = dpreR;
                dgi[ir + hidden + u] = dpreZ;
                dgi[ir + 2 * hidden + u] = dpreN;
                dgh[hr + u] = dpreR;
                dgh[hr + hidden + u] = dpreZ;
                dgh[hr + 2 * hidden + u] = dpreN * r;
                dPrev[dpr + u] = d * z;
            }
        }
    }

    /**
     * Elman RNN, h' = tanh(pre) or relu(pre), from h' itself (rows at {@code hOff + r·hLd}):
     * <pre>
     *   tanh:  dpre = dh' ⊙ (1 − h'²)          relu:  dpre = dh' where h' &gt; 0, else 0 (also at 0, as torch)
     * </pre>
     * dh' rows at {@code dhOff + r·dhLd}, dpre rows at {@code dOff + r·dLd}.
     */
    static void rnn(int n, int u0, int u1, boolean relu, float[] h, int hOff, int hLd, float[] dh, int dhOff, int dhLd,
                    float[] dpre, int dOff, int dLd) {
        for (int r = 0; r < n; r++) {
            int hr = hOff + r * hLd, gr = dhOff + r * dhLd, dr = dOff + r * dLd;
            for (int u = u0; u < u1; u++) {
                float y = h[hr + u], d = dh[gr + u];
                dpre[dr + u] = relu ? (y > 0 ? d : 0f) : d * (1 - y * y);
            }
        }
    }
}
