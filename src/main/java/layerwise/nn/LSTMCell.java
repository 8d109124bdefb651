package layerwise.nn;

import layerwise.tensor.Kernels;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

/**
 * One time step of an LSTM, like {@code torch.nn.LSTMCell}. Gates stacked {@code [i | f | g | o]}:
 * <pre>
 *   i, f, o = sigmoid(W_i* x + b_i* + W_h* h + b_h*)
 *   g       = tanh(W_ig x + b_ig + W_hg h + b_hg)
 *   c'      = f * c + i * g
 *   h'      = o * tanh(c')
 * </pre>
 * {@code weight_ih (4H, input_size)}, {@code weight_hh (4H, H)}, {@code bias_ih (4H)}, {@code bias_hh (4H)}.
 * PyTorch's cell has no projection; {@link LSTM} with {@code projSize} does.
 */
public final class LSTMCell extends RecurrentCellBase {

    /** The two states an LSTM step returns, PyTorch's {@code (h_1, c_1)}. */
    public record State(Tensor h, Tensor c) {
    }

    /** {@code nn.LSTMCell(input_size, hidden_size)}. */
    public LSTMCell(int inputSize, int hiddenSize) {
        this(inputSize, hiddenSize, true);
    }

    /** {@code nn.LSTMCell(input_size, hidden_size, bias)}. */
    public LSTMCell(int inputSize, int hiddenSize, boolean bias) {
        super(inputSize, hiddenSize, bias, RecurrentMode.LSTM);
    }

    /** One step from zero states: x {@code (N, input_size)} or {@code (input_size)}. */
    public State forward(Tensor input) {
        return forward(input, null, null);
    }

    /** One step from {@code h} and {@code c} ({@code (N, H)} each, or {@code (H)} unbatched; both or neither). */
    public State forward(Tensor input, Tensor h, Tensor c) {
        layerwise.tensor.Nulls.tensor(input, "lstm_cell", "input", 1);
        if ((h == null) != (c == null)) {
            throw new ShapeError("LSTMCell expects hx as the pair (h, c), got "
                    + (h == null ? "h" : "c") + " = null",
                    "an LSTM step carries two states, h and c; PyTorch's hx is the tuple (h, c), both or neither.",
                    "pass both h and c, or call forward(input) to start both from zeros.");
        }
        Tensor x = batchedInput(input);
        Tensor hx = batchedState(h, 0, input, x);
        Tensor cx = batchedState(c, 1, input, x);
        Tensor[] hc = Kernels.lstmCell(inputGates(x), hx, cx, weight_hh.t(), bias_hh);
        State next = new State(hc[0], hc[1]);
        return input.dim() == 1 ? new State(next.h().squeeze(0), next.c().squeeze(0)) : next;
    }
}
