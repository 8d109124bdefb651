package layerwise.nn;

import layerwise.tensor.ValueError;
import layerwise.tensor.TorchText;
import layerwise.tensor.IndexError;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

/**
 * The argument and shape checks of the recurrent layers and cells, in PyTorch 1.13's order, each
 * throwing a {@link ShapeError} whose first line is PyTorch's text, then what it means here and the fix.
 */
final class RecurrentChecks {

    private RecurrentChecks() {
    }

    // ---------------------------------------------------------------- constructor arguments

    /** Sizes that would make a weight with a negative dimension (PyTorch fails creating the tensor). */
    static void cellSizes(String name, int inputSize, int hiddenSize) {
        if (hiddenSize < 0) {
            throw negativeSize(name, "hidden_size", hiddenSize, hiddenSize, inputSize);
        }
        if (inputSize < 0) {
            throw negativeSize(name, "input_size", inputSize, hiddenSize, inputSize);
        }
    }

    /**
     * gates * hidden_size, the rows of weight_ih and weight_hh, checked: beyond 2^31-1 it would wrap to a
     * negative size.
     */
    static int gateRows(String name, int gates, int hiddenSize) {
        long rows = (long) gates * hiddenSize;
        if (rows > Integer.MAX_VALUE) {
            throw new ShapeError(name + " with hidden_size=" + hiddenSize + " needs weights of " + rows + " rows ("
                    + gates + " gate" + (gates == 1 ? "" : "s") + " x hidden_size), more than the largest tensor"
                    + " dimension, " + Integer.MAX_VALUE,
                    "A tensor dimension here is a Java int (and a tensor holds at most 2^31-1 elements).",
                    "use a hidden_size of at most " + Integer.MAX_VALUE / gates + " (far smaller in practice).");
        }
        return (int) rows;
    }

    private static ShapeError negativeSize(String name, String what, int value, int rows, int cols) {
        return new ShapeError(TorchText.negativeDimension(value, rows, cols),
                name + " got " + what + "=" + value + "; sizes can't be negative.",
                "pass " + what + " >= 1.");
    }

    /** PyTorch's checks of {@code RNN}/{@code GRU}: a projection is LSTM-only, even proj_size=0. */
    static void noProjection(String name, Integer projSize) {
        if (projSize != null) {
            throw new ShapeError("proj_size argument is only supported for LSTM, not RNN or GRU",
                    name + " got proj_size=" + projSize + "; only an LSTM projects its hidden state (weight_hr).",
                    "drop projSize from the options, or use an LSTM with projSize.");
        }
    }

    /** LSTM and GRU have fixed gate activations: PyTorch rejects the keyword. */
    static void noNonlinearity(String name, String nonlinearity) {
        if (nonlinearity != null) {
            throw new ValueError("RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'",
                    name + " got nonlinearity=\"" + nonlinearity + "\"; its gates always use sigmoid and tanh.",
                    "drop nonlinearity from the options (it is for RNN only).");
        }
    }

    /** {@code RNN}'s nonlinearity: only "tanh" and "relu". */
    static void nonlinearity(String nonlinearity) {
        if (!"tanh".equals(nonlinearity) && !"relu".equals(nonlinearity)) {
            throw new ValueError("Unknown nonlinearity '" + nonlinearity + "'",
                    "an Elman RNN applies tanh (the default) or relu to W_ih x + b_ih + W_hh h + b_hh.",
                    "pass nonlinearity \"tanh\" or \"relu\"; for sigmoid gates use an LSTM or a GRU.");
        }
    }

    /** {@code RNNBase.__init__}'s checks, in order; warns like PyTorch when dropout can't apply. */
    static void layerArguments(String name, int inputSize, int hiddenSize, int numLayers, double dropout,
                               int projSize) {
        if (!(dropout >= 0 && dropout <= 1)) {
            throw new ValueError("dropout should be a number in range [0, 1] representing the probability of "
                    + "an element being zeroed",
                    name + " got dropout=" + dropout + ".",
                    "pass a probability between 0 and 1, e.g. dropout=0.2 (0 turns it off).");
        }
        if (dropout > 0 && numLayers == 1) {
            System.err.println("UserWarning: dropout option adds dropout after all but last recurrent layer, "
                    + "so non-zero dropout expects num_layers greater than 1, but got dropout="
                    + PyRepr.number(dropout) + " and num_layers=" + numLayers);
        }
        if (projSize < 0) {
            throw new ShapeError("proj_size should be a positive integer or zero to disable projections",
                    name + " got proj_size=" + projSize + ".",
                    "pass projSize 0 (no projection) or a value between 1 and hidden_size-1.");
        }
        if (projSize >= hiddenSize) {
            String why = hiddenSize <= 0
                    ? name + " got hidden_size=" + hiddenSize + "; the hidden state needs at least one unit."
                    : name + " got proj_size=" + projSize + " and hidden_size=" + hiddenSize
                            + "; the projection W_hr maps the hidden state of size hidden_size down to proj_size.";
            String fix = hiddenSize <= 0 ? "pass hidden_size >= 1."
                    : hiddenSize == 1 ? "pass projSize 0 (no projection), or a larger hidden_size."
                    : "pass projSize between 1 and " + (hiddenSize - 1) + ", or 0 for no projection.";
            throw new ShapeError("proj_size has to be smaller than hidden_size", why, fix);
        }
        if (numLayers < 1) {
            throw new ShapeError("num_layers must be greater than 0",
                    name + " got num_layers=" + numLayers + "; it stacks num_layers recurrent layers.",
                    "pass numLayers >= 1.");
        }
        if (inputSize < 0) {
            throw negativeSize(name, "input_size", inputSize, hiddenSize, inputSize);
        }
    }

    // ---------------------------------------------------------------- layer forward (RNN, LSTM, GRU)

    /** Check 1: the initial states have the input's batching (3-D with 3-D input, 2-D with unbatched). */
    static void stateRanks(RNNBase m, Tensor input, Tensor h0, Tensor c0) {
        if (h0 == null) return;
        boolean batched = input.dim() == 3;
        int want = batched ? 3 : 2;
        boolean lstm = c0 != null;
        if (h0.dim() == want && (!lstm || c0.dim() == want)) return;
        String torch = lstm
                ? "hx and cx should also be " + want + "-D but got (" + h0.dim() + "-D, " + c0.dim() + "-D) tensors"
                : "hx should also be " + want + "-D but got " + h0.dim() + "-D tensor";
        torch = (batched ? "For batched 3-D input, " : "For unbatched 2-D input, ") + torch;
        String states = lstm ? "h0 and c0" : "h0";
        String got = lstm ? shape(h0) + " and " + shape(c0) : shape(h0);
        String explanation;
        String fix;
        if (batched) {
            int n = input.size(m.batchFirst() ? 0 : 1);
            explanation = "The input " + shape(input) + " is batched, " + m.inputLayout() + ", so " + states
                    + " must be 3-D (D*num_layers, N, H) = " + expectedStates(m, n, lstm) + "; got " + got + ".";
            fix = "pass " + stateShapes(m, n, lstm) + " (a 2-D state of one layer gets its axis with "
                    + "unsqueeze(0)), or leave the state out to start from zeros.";
        } else {
            String rank = input.dim() == 2 ? "unbatched (T, input_size)"
                    : input.dim() + "-D; any input that is not 3-D is taken as one unbatched sequence";
            explanation = "The input " + shape(input) + " is " + rank + ", so " + states
                    + " must be 2-D (D*num_layers, H) = " + expectedStates(m, -1, lstm) + "; got " + got + ".";
            fix = input.dim() == 2
                    ? "pass " + stateShapes(m, -1, lstm) + " (squeeze(1) drops a batch axis of 1), or give the input a "
                            + "batch axis with input.unsqueeze(" + (m.batchFirst() ? 0 : 1) + ")."
                    : "make the input 3-D " + m.inputLayout() + " or 2-D (T, input_size), and the state 3-D or "
                            + "2-D to match.";
        }
        throw new ShapeError(torch, explanation, fix);
    }

    /** A 0-d input can't take the unbatched batch axis at dim 1 (PyTorch's IndexError from unsqueeze). */
    static void notScalar(RNNBase m, Tensor input, int batchDim) {
        if (input.dim() == 0 && batchDim == 1) {
            throw new IndexError(TorchText.dimOutOfRange(1, 1),
                    m + " takes a sequence " + m.inputLayout() + " or (T, input_size); got a 0-d tensor (one number),"
                            + " to which PyTorch cannot add the batch axis at dim 1.",
                    "pass a 2-D (T, " + m.inputSize() + ") or 3-D " + m.inputLayout().replace("input_size",
                            "" + m.inputSize()) + " input.");
        }
    }

    /** Checks 2 and 3: the (batched) input is 3-D and its last dim is input_size. */
    static void input(RNNBase m, Tensor userInput, Tensor x) {
        if (x.dim() != 3) {
            String hint = userInput.dim() == 1 && userInput.size(0) == m.inputSize()
                    ? " A single vector of input_size is one time step: input.reshape(1, " + m.inputSize() + ")."
                    : "";
            throw new ShapeError("input must have 3 dimensions, got " + x.dim(),
                    m + " takes a batched input " + m.inputLayout() + " or an unbatched one (T, input_size); got "
                            + shape(userInput) + ", which is " + userInput.dim() + "-D (PyTorch first gives any "
                            + "input that is not 3-D a batch axis, so it counts " + x.dim() + ").",
                    "reshape the input to 3-D " + m.inputLayout().replace("input_size", "" + m.inputSize())
                            + " or 2-D (T, " + m.inputSize() + ")." + hint);
        }
        int last = x.size(2);
        if (last != m.inputSize()) {
            throw new ShapeError("input.size(-1) must be equal to input_size. Expected " + m.inputSize()
                    + ", got " + last,
                    m + " reads a vector of input_size=" + m.inputSize() + " at every time step, but the input "
                            + shape(userInput) + " has last dim " + last + ".",
                    "build the layer with input_size=" + last + ", or give the input a last dim of "
                            + m.inputSize() + ".");
        }
        if (x.size(m.batchFirst() ? 1 : 0) == 0) {
            throw new ShapeError("Expected sequence length to be larger than 0 in RNN",
                    "The input " + shape(userInput) + " has no time steps.",
                    "pass a sequence with at least one time step.");
        }
    }

    /**
     * Check 4: a (batched) initial state has the expected shape. {@code torchName} is "hidden" (RNN/GRU),
     * "hidden[0]" or "hidden[1]" (LSTM h0/c0); {@code cell} says whether it is an LSTM cell state.
     */
    static void state(RNNBase m, Tensor userInput, Tensor x, Tensor userState, Tensor s, String torchName,
                      boolean cell) {
        int n = x.size(m.batchFirst() ? 0 : 1);
        int size = cell ? m.hiddenSize() : m.outputSize();
        int[] expected = {m.numDirections() * m.numLayers(), n, size};
        int[] got = s.shape();
        if (java.util.Arrays.equals(expected, got)) return;
        boolean unbatched = userInput.dim() != 3;
        String name = cell ? "c0" : "h0";
        String torch = "Expected " + torchName + " size (" + expected[0] + ", " + expected[1] + ", " + expected[2]
                + "), got " + TorchFormat.shapeString(got);
        StringBuilder why = new StringBuilder(name + " must be " + (unbatched
                ? "(D*num_layers, " + sizeName(m, cell) + ") for the unbatched input " + shape(userInput)
                : "(D*num_layers, N, " + sizeName(m, cell) + ")")
                + " = " + TorchFormat.shapeString(userShape(expected, unbatched))
                + (!unbatched && m.batchFirst() ? " (batch_first=True does not apply to states)" : "")
                + "; got " + shape(userState) + ":");
        if (got[0] != expected[0]) {
            why.append(" dim 0 should be D*num_layers = ").append(m.numDirections()).append('*')
                    .append(m.numLayers()).append(" = ").append(expected[0])
                    .append(" (one state per layer and direction),")
                    .append(" not ").append(got[0]).append(';');
        }
        if (!unbatched && got[1] != expected[1]) {
            why.append(" dim 1 should be the batch N = ").append(n).append(" of the input ").append(shape(userInput))
                    .append(", not ").append(got[1]).append(';');
        }
        if (got[2] != expected[2]) {
            why.append(" dim ").append(unbatched ? 1 : 2).append(" should be ").append(sizeName(m, cell)).append(" = ")
                    .append(size).append(", not ").append(got[2]).append(';');
        }
        why.setCharAt(why.length() - 1, '.');
        if (m.projSize() > 0) {
            why.append(" With proj_size, h0 holds projected states (proj_size=").append(m.projSize())
                    .append(") and c0 full cell states (hidden_size=").append(m.hiddenSize()).append(").");
        }
        String fix = "pass " + name + " of shape " + TorchFormat.shapeString(userShape(expected, unbatched))
                + ", or leave the state out to start from zeros.";
        if (!unbatched && m.batchFirst() && got[0] == expected[1] && got[1] == expected[0] && got[2] == expected[2]) {
            fix = "batch_first changes only the input and output, never the states: pass " + name
                    + ".transpose(0, 1).";
        }
        StateMistake mistake = stateMistake(m, userInput, x, userState, name, expected);
        why.append(mistake.sentence());
        if (mistake.inputBatchFirst()) {                 // the input, not the state, is the thing to repair
            int[] t = x.shape();
            fix = "build the layer with " + m.getClass().getSimpleName() + ".options().batchFirst(true), or pass "
                    + "x.transpose(0, 1), which is (T, N, input_size) = " + TorchFormat.shapeString(t[1], t[0], t[2]) + ".";
        }
        throw new ShapeError(torch, why.toString(), fix);
    }

    /** A sentence naming the mistake behind a wrong state ("" if none fits); inputBatchFirst: repair the input. */
    private record StateMistake(String sentence, boolean inputBatchFirst) {
    }

    /** The commonest mistakes behind a wrong state shape: a state shaped like the input, batch-first data, a state per step. */
    private static StateMistake stateMistake(RNNBase m, Tensor userInput, Tensor x, Tensor userState, String name,
                                             int[] expected) {
        if (userInput.dim() != 3) return new StateMistake("", false);
        int[] got = userState.shape();
        if (java.util.Arrays.equals(got, userInput.shape())) {
            return new StateMistake(" " + name + " has the input's shape " + shape(userInput) + ", but a state is not a copy of the input: "
                    + "it is one vector per layer and direction for each sequence, whatever the sequence's length.", false);
        }
        if (got.length == 3 && !m.batchFirst() && got[0] == expected[0] && got[2] == expected[2] && got[1] == x.size(0)
                && got[1] != x.size(1)) {
            return new StateMistake(" The input " + shape(userInput) + " looks batch-first, (N, T, input_size) with N = " + got[1] + " as in "
                    + name + ", but this layer reads (T, N, input_size): it takes dim 0 as time.", true);
        }
        int steps = x.size(m.batchFirst() ? 1 : 0);
        if (got.length == 3 && got[0] == steps && got[0] != expected[0]) {
            return new StateMistake(" " + name + " holds one state per layer and direction, not one per time step (T = "
                    + steps + ").", false);
        }
        return new StateMistake("", false);
    }

    private static String sizeName(RNNBase m, boolean cell) {
        return !cell && m.projSize() > 0 ? "proj_size" : "hidden_size";
    }

    private static int[] userShape(int[] expected, boolean unbatched) {
        return unbatched ? new int[] {expected[0], expected[2]} : expected;
    }

    private static String expectedStates(RNNBase m, int n, boolean lstm) {
        String h = TorchFormat.shapeString(stateShape(m, n, m.outputSize()));
        return lstm ? h + " and " + TorchFormat.shapeString(stateShape(m, n, m.hiddenSize())) : h;
    }

    private static String stateShapes(RNNBase m, int n, boolean lstm) {
        String h = "h0 of shape " + TorchFormat.shapeString(stateShape(m, n, m.outputSize()));
        return lstm ? h + " and c0 of shape " + TorchFormat.shapeString(stateShape(m, n, m.hiddenSize())) : h;
    }

    private static int[] stateShape(RNNBase m, int n, int size) {
        int rows = m.numDirections() * m.numLayers();
        return n < 0 ? new int[] {rows, size} : new int[] {rows, n, size};
    }

    // ---------------------------------------------------------------- cells

    /**
     * PyTorch's {@code check_rnn_cell_forward_hidden} for state {@code hidden<index>} (already batched
     * as {@code s}), plus the rank problems PyTorch only reports from inside its kernels.
     */
    static void cellState(RecurrentCellBase cell, int index, Tensor s, Tensor x, Tensor userState,
                          boolean unbatched) {
        String hidden = "hidden" + index;
        int n = x.size(0);
        int[] want = unbatched ? new int[] {cell.hiddenSize()} : new int[] {n, cell.hiddenSize()};
        String name = index == 0 ? "h" : "c";
        String why = cell + " keeps one state of hidden_size=" + cell.hiddenSize() + " per sample: for x "
                + (unbatched ? "of one sample" : "with a batch of " + n) + ", " + name + " must be "
                + TorchFormat.shapeString(want) + "; got " + shape(userState) + ".";
        String fix = "pass " + name + " of shape " + TorchFormat.shapeString(want)
                + ", or leave it out to start from zeros.";
        if (s.dim() == 0) {
            throw new ShapeError("Dimension specified as 0 but tensor has no dimensions", why, fix);
        }
        if (s.size(0) != n) {
            throw new ShapeError("Input batch size " + n + " doesn't match " + hidden + " batch size " + s.size(0),
                    why, fix);
        }
        if (s.dim() == 1) {
            throw new ShapeError(TorchText.dimOutOfRange(1, 1), why, fix);
        }
        if (s.size(1) != cell.hiddenSize()) {
            throw new ShapeError(hidden + " has inconsistent hidden_size: got " + s.size(1) + ", expected "
                    + cell.hiddenSize(), why, fix);
        }
        if (s.dim() > 2) {
            int cols = s.size(s.dim() - 1);
            int rows = cols == 0 ? 0 : s.numel() / cols;
            throw new ShapeError(TorchText.matmulShapes(rows, cols, cell.hiddenSize(), cell.mode.gates() * cell.hiddenSize()), why, fix);
        }
    }

    static String shape(Tensor t) {
        return TorchFormat.shapeString(t.shape());
    }
}
