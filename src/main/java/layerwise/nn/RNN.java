package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * An Elman RNN, like {@code torch.nn.RNN}: for every layer, direction and time step
 * <pre>
 *   h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh)        (or relu instead of tanh)
 * </pre>
 * {@code weight_ih_l0} is {@code (H, input_size)}, {@code weight_hh_l0} is {@code (H, H)}; see
 * {@link RNNBase} for every parameter, {@link RNNOutput} for what comes back.
 * <pre>
 *   RNN rnn = new RNN(10, 20, 2);                       // nn.RNN(10, 20, 2)
 *   RNNOutput out = rnn.forward(Tensor.randn(5, 3, 10));
 *   out.output().shape();  // [5, 3, 20]      out.hN().shape();  // [2, 3, 20]
 *   new RNN(10, 20, RNN.options().nonlinearity("relu").batchFirst(true));
 * </pre>
 * The repr is PyTorch's, except that a relu RNN says so: {@code RNN(10, 20, nonlinearity=relu)}.
 * PyTorch 1.13 prints {@code RNN(10, 20)} for both, which hides the one setting that changes every
 * output; the cells already print it this way ({@code RNNCell(10, 20, nonlinearity=relu)}).
 */
public final class RNN extends RNNBase {

    private final String nonlinearity;

    /** {@code nn.RNN(input_size, hidden_size)}: one layer, tanh. */
    public RNN(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, options());
    }

    /** {@code nn.RNN(input_size, hidden_size, num_layers)}. */
    public RNN(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, options().numLayers(numLayers));
    }

    /** Every other argument through {@link RNNOptions}, e.g. {@code RNN.options().nonlinearity("relu")}. */
    public RNN(int inputSize, int hiddenSize, RNNOptions options) {
        super(mode(options), inputSize, hiddenSize, options);
        this.nonlinearity = options.nonlinearity == null ? "tanh" : options.nonlinearity;
    }

    /** "tanh" or "relu". */
    public String nonlinearity() {
        return nonlinearity;
    }

    // PyTorch's RNN.__init__ checks these before RNNBase's checks.
    private static RecurrentMode mode(RNNOptions options) {
        RecurrentChecks.noProjection("RNN", options.projSize);
        String nonlinearity = options.nonlinearity == null ? "tanh" : options.nonlinearity;
        RecurrentChecks.nonlinearity(nonlinearity);
        return RecurrentMode.rnn(nonlinearity);
    }

    /** Runs the sequence from zero initial states. */
    public RNNOutput forward(Tensor input) {
        return run(input, null, null);
    }

    /** Runs the sequence from {@code h0 (D*num_layers, N, H)}, or {@code (D*num_layers, H)} unbatched. */
    public RNNOutput forward(Tensor input, Tensor h0) {
        return run(input, h0, null);
    }
}
