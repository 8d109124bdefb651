package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * One time step of an Elman RNN, like {@code torch.nn.RNNCell}:
 * <pre>
 *   h' = tanh(x W_ih^T + b_ih + h W_hh^T + b_hh)        (or relu)
 * </pre>
 * {@code weight_ih (H, input_size)}, {@code weight_hh (H, H)}, {@code bias_ih (H)}, {@code bias_hh (H)}.
 * Written out over a sequence, this is what {@link RNN} does:
 * <pre>
 *   RNNCell cell = new RNNCell(10, 20);
 *   Tensor h = Tensor.zeros(3, 20);
 *   for (int t = 0; t &lt; 6; t++) h = cell.forward(x.select(0, t), h);
 * </pre>
 */
public final class RNNCell extends RecurrentCellBase implements TensorModule {

    private final String nonlinearity;

    /** {@code nn.RNNCell(input_size, hidden_size)}. */
    public RNNCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true, "tanh");
    }

    /** {@code nn.RNNCell(input_size, hidden_size, bias)}. */
    public RNNCell(int inputSize, int hiddenSize, boolean bias) {
        this(inputSize, hiddenSize, bias, "tanh");
    }

    /** {@code nn.RNNCell(input_size, hidden_size, bias, nonlinearity)}; "tanh" or "relu". */
    public RNNCell(int inputSize, int hiddenSize, boolean bias, String nonlinearity) {
        super(inputSize, hiddenSize, bias, RecurrentMode.rnn(nonlinearity));
        // PyTorch accepts any string here and fails at the first forward; failing now is kinder.
        RecurrentChecks.nonlinearity(nonlinearity);
        this.nonlinearity = nonlinearity;
    }

    /** "tanh" or "relu". */
    public String nonlinearity() {
        return nonlinearity;
    }

    /** One step from a zero state: x {@code (N, input_size)} or {@code (input_size)}. */
    @Override
    public Tensor forward(Tensor input) {
        return forward(input, null);
    }

    /** One step: the next hidden state, {@code (N, H)} (or {@code (H)} for an unbatched x and h). */
    public Tensor forward(Tensor input, Tensor h) {
        return step(input, h);
    }

    @Override
    public String extraRepr() {
        String s = super.extraRepr();
        return nonlinearity.equals("tanh") ? s : s + ", nonlinearity=" + nonlinearity;
    }
}
