package layerwise.nn;

import layerwise.tensor.Kernels;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

/**
 * What {@link RNNCell}, {@link LSTMCell} and {@link GRUCell} share, like PyTorch's {@code RNNCellBase}:
 * the four parameters, their default init, the input checks and the repr.
 *
 * <p>Parameters, in PyTorch's order and names ({@code G} gates: 1 for RNN, 4 for LSTM, 3 for GRU):
 * {@code weight_ih (G*H, input_size)}, {@code weight_hh (G*H, H)}, {@code bias_ih (G*H)},
 * {@code bias_hh (G*H)}; the biases are absent with {@code bias=false}. Default init: every parameter
 * ~ {@code U(-1/sqrt(H), 1/sqrt(H))}, drawn in that order, bit-exact with torch under the same seed.
 */
public abstract class RecurrentCellBase extends Module {

    private final int inputSize;
    private final int hiddenSize;
    private final boolean bias;
    /** The step the cell runs; its gates() are stacked in the weights. */
    final RecurrentMode mode;

    public final Tensor weight_ih;
    public final Tensor weight_hh;
    public final Tensor bias_ih;
    public final Tensor bias_hh;

    RecurrentCellBase(int inputSize, int hiddenSize, boolean bias, RecurrentMode mode) {
        RecurrentChecks.cellSizes(getClass().getSimpleName(), inputSize, hiddenSize);
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.bias = bias;
        this.mode = mode;
        int rows = RecurrentChecks.gateRows(getClass().getSimpleName(), mode.gates(), hiddenSize);
        weight_ih = registerParameter("weight_ih", Tensor.empty(rows, inputSize));
        weight_hh = registerParameter("weight_hh", Tensor.empty(rows, hiddenSize));
        bias_ih = registerParameter("bias_ih", bias ? Tensor.empty(rows) : null);
        bias_hh = registerParameter("bias_hh", bias ? Tensor.empty(rows) : null);
        resetParameters();
    }

    /** PyTorch's default init: every parameter ~ U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)), in order. */
    public void resetParameters() {
        DefaultInit.uniformAll(parameters(), hiddenSize);
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    /** Whether the cell has the biases b_ih and b_hh. */
    public boolean bias() {
        return bias;
    }

    /**
     * Checks the input like PyTorch (rank 1 or 2) and returns it batched: {@code (N, input_size)}.
     * A 1-D input is one sample and gets a batch axis of 1.
     */
    Tensor batchedInput(Tensor input) {
        if (input.dim() != 1 && input.dim() != 2) {
            String name = getClass().getSimpleName();
            throw new ShapeError(name + ": Expected input to be 1-D or 2-D but received " + input.dim() + "-D tensor",
                    this + " takes one time step: x of shape (N, " + inputSize + ") for a batch of N, or ("
                            + inputSize + ") for one sample; got " + TorchFormat.shapeString(input.shape()) + ".",
                    "for a whole sequence (T, N, " + inputSize + ") call the cell once per step on x.select(0, t), "
                            + "or use the layer " + name.replace("Cell", "") + "(" + inputSize + ", " + hiddenSize
                            + ").");
        }
        Tensor x = input.dim() == 1 ? input.unsqueeze(0) : input;
        if (x.size(1) != inputSize) {
            throw new ShapeError("input has inconsistent input_size: got " + x.size(1) + " expected " + inputSize,
                    this + " expects x's last dim to be input_size=" + inputSize + ", got "
                            + TorchFormat.shapeString(input.shape()) + ".",
                    "build " + getClass().getSimpleName() + "(" + x.size(1) + ", " + hiddenSize
                            + "), or give x a last dim of " + inputSize + ".");
        }
        return x;
    }

    /**
     * The state {@code hidden<index>} (0 = h, 1 = c for LSTM) as {@code (N, hidden_size)}: zeros when
     * null, a batch axis added when the input was unbatched, then PyTorch's checks.
     */
    Tensor batchedState(Tensor state, int index, Tensor input, Tensor x) {
        if (state == null) return Tensor.zeros(x.size(0), hiddenSize);
        boolean unbatched = input.dim() == 1;
        Tensor s = unbatched ? state.unsqueeze(0) : state;
        RecurrentChecks.cellState(this, index, s, x, state, unbatched);
        return s;
    }

    /**
     * One step of an RNN or GRU cell: the next hidden state, {@code (N, H)} (or {@code (H)} for an
     * unbatched x and h). The LSTM cell, with its two states, has its own.
     */
    Tensor step(Tensor input, Tensor h) {
        layerwise.tensor.Nulls.tensor(input, mode.name().toLowerCase(java.util.Locale.ROOT) + "_cell", "input", 1);
        Tensor x = batchedInput(input);
        Tensor hx = batchedState(h, 0, input, x);
        Tensor gi = inputGates(x);
        Tensor next = mode == RecurrentMode.GRU ? Kernels.gruCell(gi, hx, weight_hh.t(), bias_hh)
                : Kernels.rnnCell(gi, hx, weight_hh.t(), bias_hh, mode == RecurrentMode.RNN_RELU);
        return input.dim() == 1 ? next.squeeze(0) : next;
    }

    /**
     * The input half of the gates, {@code gi = x W_ih^T + b_ih} {@code (N, G*H)}: it does not depend on the
     * state. The hidden half, {@code h W_hh^T + b_hh}, and the gate maths are the step {@link Kernels} runs.
     */
    Tensor inputGates(Tensor x) {
        Tensor gi = x.matmul(weight_ih.t());
        return bias_ih == null ? gi : gi.add(bias_ih);
    }

    @Override
    public String extraRepr() {
        String s = inputSize + ", " + hiddenSize;
        if (!bias) s += ", bias=False";
        return s;
    }
}
