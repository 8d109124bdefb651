package layerwise.nn;

/**
 * The keyword arguments of {@link RNN}, {@link LSTM} and {@link GRU} after {@code input_size} and
 * {@code hidden_size}, with PyTorch's defaults; set only what differs:
 * <pre>
 *   new LSTM(10, 20, LSTM.options().numLayers(2).batchFirst(true).bidirectional(true))
 * </pre>
 * is {@code nn.LSTM(10, 20, num_layers=2, batch_first=True, bidirectional=True)}.
 */
public final class RNNOptions {

    int numLayers = 1;
    /** null when not given ("tanh" for RNN); LSTM and GRU reject it, as PyTorch does. */
    String nonlinearity = null;
    boolean bias = true;
    boolean batchFirst = false;
    double dropout = 0.0;
    boolean bidirectional = false;
    /** null when not given: RNN and GRU reject proj_size even when it is 0, as PyTorch does. */
    Integer projSize = null;

    /** PyTorch's defaults; get one from {@code RNN.options()}, {@code LSTM.options()} or {@code GRU.options()}. */
    RNNOptions() {
    }

    /** Stacked recurrent layers; each one after the first reads the previous layer's output. Default 1. */
    public RNNOptions numLayers(int numLayers) {
        this.numLayers = numLayers;
        return this;
    }

    /** RNN only: "tanh" (default) or "relu". */
    public RNNOptions nonlinearity(String nonlinearity) {
        this.nonlinearity = nonlinearity;
        return this;
    }

    /** false drops all four biases (b_ih and b_hh of every layer). Default true. */
    public RNNOptions bias(boolean bias) {
        this.bias = bias;
        return this;
    }

    /** true: input and output are (N, T, features); the states stay (D*num_layers, N, H). Default false. */
    public RNNOptions batchFirst(boolean batchFirst) {
        this.batchFirst = batchFirst;
        return this;
    }

    /** Dropout on the output of every layer but the last, in training mode only. Default 0. */
    public RNNOptions dropout(double dropout) {
        this.dropout = dropout;
        return this;
    }

    /** A second pass over the sequence from the end; outputs are concatenated. Default false. */
    public RNNOptions bidirectional(boolean bidirectional) {
        this.bidirectional = bidirectional;
        return this;
    }

    /** LSTM only: project h to this size with W_hr (0 = no projection). Default 0. */
    public RNNOptions projSize(int projSize) {
        this.projSize = projSize;
        return this;
    }
}
