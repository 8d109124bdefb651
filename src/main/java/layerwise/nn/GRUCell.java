package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * One time step of a GRU, like {@code torch.nn.GRUCell}. Gates stacked {@code [r | z | n]}:
 * <pre>
 *   r  = sigmoid(W_ir x + b_ir + W_hr h + b_hr)
 *   z  = sigmoid(W_iz x + b_iz + W_hz h + b_hz)
 *   n  = tanh(W_in x + b_in + r * (W_hn h + b_hn))
 *   h' = (1 - z) * n + z * h
 * </pre>
 * {@code weight_ih (3H, input_size)}, {@code weight_hh (3H, H)}, {@code bias_ih (3H)}, {@code bias_hh (3H)}.
 */
public final class GRUCell extends RecurrentCellBase implements TensorModule {

    /** {@code nn.GRUCell(input_size, hidden_size)}. */
    public GRUCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    /** {@code nn.GRUCell(input_size, hidden_size, bias)}. */
    public GRUCell(int inputSize, int hiddenSize, boolean bias) {
        super(inputSize, hiddenSize, bias, RecurrentMode.GRU);
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
}
