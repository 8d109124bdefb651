package layerwise.tensor;

/**
 * What the forward of one recurrent direction keeps for its backward ({@link RecurrentBackward}) when it
 * records, one slab per time step t, rows {@code t·N + b} (time-major, whatever the input's layout):
 * <pre>
 *   gates  (T, N, G·H)   the gates' activations: LSTM [i | f | g | o], GRU [r | z | n]  (RNN: none)
 *   c      (T, N, H)     LSTM: the cell state c_t after step t
 *   tanhC  (T, N, H)     LSTM: tanh(c_t)
 *   m      (T, N, H)     LSTM with proj_size: o ⊙ tanh(c_t), the state before the projection h_t = m W_hrᵀ
 *   hn     (T, N, H)     GRU: W_hn h_{t-1} + b_hn, the part of n's pre-activation the reset gate scales
 * </pre>
 * The states h_t themselves are the layer's output, which the layer copies once after the forward. An RNN
 * needs nothing more: its derivative reads h_t alone. A forward that does not record (inference, or under
 * {@code Autograd.noGrad()}) allocates none of this.
 */
final class RecurrentTape {
    final float[] gates;
    final float[] c;
    final float[] tanhC;
    final float[] m;
    final float[] hn;

    RecurrentTape(RecurrentKernels.Cell cell, int steps, int n, int hidden, boolean projected) {
        boolean lstm = cell == RecurrentKernels.Cell.LSTM;
        boolean gru = cell == RecurrentKernels.Cell.GRU;
        gates = lstm || gru ? Storage.allocate(steps, n, cell.gates() * hidden) : null;
        c = lstm ? Storage.allocate(steps, n, hidden) : null;
        tanhC = lstm ? Storage.allocate(steps, n, hidden) : null;
        m = lstm && projected ? Storage.allocate(steps, n, hidden) : null;
        hn = gru ? Storage.allocate(steps, n, hidden) : null;
    }
}
