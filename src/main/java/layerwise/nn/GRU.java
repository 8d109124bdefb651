package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * A gated recurrent unit layer, like {@code torch.nn.GRU}. Gates are stacked {@code [r | z | n]} in
 * {@code weight_ih_l0 (3H, input_size)} and {@code weight_hh_l0 (3H, H)}:
 * <pre>
 *   r = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
 *   z = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 *   n = tanh(W_in x + b_in + r * (W_hn h + b_hn))      b_hn sits inside the reset product
 *   h' = (1 - z) * n + z * h                            z keeps the OLD state
 * </pre>
 * See {@link RNNBase} for every parameter, {@link RNNOutput} for what comes back.
 * <pre>
 *   GRU gru = new GRU(10, 20);
 *   RNNOutput out = gru.forward(Tensor.randn(5, 3, 10), Tensor.zeros(1, 3, 20));
 * </pre>
 */
public final class GRU extends RNNBase {

    /** {@code nn.GRU(input_size, hidden_size)}. */
    public GRU(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, options());
    }

    /** {@code nn.GRU(input_size, hidden_size, num_layers)}. */
    public GRU(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, options().numLayers(numLayers));
    }

    /** Every other argument through {@link RNNOptions}. */
    public GRU(int inputSize, int hiddenSize, RNNOptions options) {
        super(mode(options), inputSize, hiddenSize, options);
    }

    private static RecurrentMode mode(RNNOptions options) {
        RecurrentChecks.noProjection("GRU", options.projSize);
        RecurrentChecks.noNonlinearity("GRU", options.nonlinearity);
        return RecurrentMode.GRU;
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
