package layerwise.nn;

import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

/**
 * A long short-term memory layer, like {@code torch.nn.LSTM}. Gates are stacked {@code [i | f | g | o]}
 * in {@code weight_ih_l0 (4H, input_size)} and {@code weight_hh_l0 (4H, Hout)}:
 * <pre>
 *   i, f, o = sigmoid(W_i* x + b_i* + W_h* h + b_h*)      input, forget, output gates
 *   g       = tanh(W_ig x + b_ig + W_hg h + b_hg)         candidate cell
 *   c'      = f * c + i * g
 *   h'      = o * tanh(c')            with proj_size P &gt; 0: h' = W_hr (o * tanh(c'))   (W_hr: (P, H))
 * </pre>
 * With a projection, h0, h_n and the output have P features while c0 and c_n keep H. See
 * {@link RNNBase} for every parameter, {@link RNNOutput} for what comes back.
 * <pre>
 *   LSTM lstm = new LSTM(10, 20, 2);
 *   RNNOutput out = lstm.forward(Tensor.randn(5, 3, 10));
 *   out.hN().shape();  // [2, 3, 20]     out.cN().shape();  // [2, 3, 20]
 *   new LSTM(10, 20, LSTM.options().projSize(5).bidirectional(true));
 * </pre>
 */
public final class LSTM extends RNNBase {

    /** {@code nn.LSTM(input_size, hidden_size)}. */
    public LSTM(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, options());
    }

    /** {@code nn.LSTM(input_size, hidden_size, num_layers)}. */
    public LSTM(int inputSize, int hiddenSize, int numLayers) {
        this(inputSize, hiddenSize, options().numLayers(numLayers));
    }

    /** Every other argument through {@link RNNOptions}, e.g. {@code LSTM.options().projSize(5)}. */
    public LSTM(int inputSize, int hiddenSize, RNNOptions options) {
        super(mode(options), inputSize, hiddenSize, options);
    }

    private static RecurrentMode mode(RNNOptions options) {
        RecurrentChecks.noNonlinearity("LSTM", options.nonlinearity);
        return RecurrentMode.LSTM;
    }

    /** Runs the sequence from zero initial states. */
    public RNNOutput forward(Tensor input) {
        return run(input, null, null);
    }

    /**
     * Answers {@code lstm(x, h0)}: PyTorch takes an LSTM's state only as the tuple {@code (h0, c0)} and fails
     * on a lone {@code h0} with an indexing message (it reads {@code h0[0]} as h and {@code h0[1]} as c).
     * This overload exists so that the call a PyTorch user types compiles and says what to write instead.
     */
    public RNNOutput forward(Tensor input, Tensor h0) {
        if (h0 == null) return run(input, null, null); // lstm(x, None): both states start from zeros
        String torch = h0.dim() == 0 || h0.size(0) < 2
                ? "index 1 is out of bounds for dimension 0 with size " + (h0.dim() == 0 ? 0 : h0.size(0))
                : (input.dim() == 3 ? "For batched 3-D input, hx and cx should also be 3-D"
                        : "For unbatched 2-D input, hx and cx should also be 2-D")
                        + " but got (" + (h0.dim() - 1) + "-D, " + (h0.dim() - 1) + "-D) tensors";
        int[] c0 = h0.shape();
        if (c0.length > 0) c0[c0.length - 1] = hiddenSize();
        throw new ShapeError(torch,
                "an LSTM carries two states, h and c: PyTorch's hx is the tuple (h0, c0), here forward(x, h0, c0).",
                "pass c0 too, e.g. lstm.forward(x, h0, Tensor.zeros(" + java.util.Arrays.stream(c0).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + ")), or call forward(x) to start both from zeros.");
    }

    /**
     * Runs the sequence from {@code h0 (D*num_layers, N, Hout)} and {@code c0 (D*num_layers, N, H)}
     * ({@code (D*num_layers, Hout)} and {@code (D*num_layers, H)} unbatched): PyTorch's {@code hx=(h0, c0)}.
     */
    public RNNOutput forward(Tensor input, Tensor h0, Tensor c0) {
        if ((h0 == null) != (c0 == null)) {
            String missing = h0 == null ? "h0" : "c0";
            throw new ShapeError("LSTM expects hx as the pair (h0, c0), got " + missing + " = null",
                    "an LSTM carries two states, h and c; PyTorch's hx is the tuple (h0, c0), both or neither.",
                    "pass both h0 and c0, or call forward(input) to start both from zeros.");
        }
        return run(input, h0, c0);
    }
}
