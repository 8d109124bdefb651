package layerwise.nn;

/**
 * PyTorch's recurrent modes ({@code RNNBase.mode}): which step the layers and cells run and how many gates
 * their weights stack. The name is PyTorch's mode string.
 */
public enum RecurrentMode {
    /** h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh). */
    RNN_TANH(1),
    /** The same with relu. */
    RNN_RELU(1),
    /** Gates [i | f | g | o]. */
    LSTM(4),
    /** Gates [r | z | n]. */
    GRU(3);

    private final int gates;

    RecurrentMode(int gates) {
        this.gates = gates;
    }

    /** G, the gates stacked in weight_ih and weight_hh: (G*H, ...). */
    public int gates() {
        return gates;
    }

    /** The Elman mode for an RNN's nonlinearity: RNN_RELU for "relu", else RNN_TANH (the caller checks the name). */
    static RecurrentMode rnn(String nonlinearity) {
        return "relu".equals(nonlinearity) ? RNN_RELU : RNN_TANH;
    }
}
