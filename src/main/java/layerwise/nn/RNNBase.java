package layerwise.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import layerwise.tensor.BidirectionalOutputs;
import layerwise.tensor.Functional;
import layerwise.tensor.Kernels;
import layerwise.tensor.RecurrentKernels;
import layerwise.tensor.Tensor;

/**
 * What {@link RNN}, {@link LSTM} and {@link GRU} share, like PyTorch's {@code RNNBase}: the stacked,
 * optionally bidirectional parameters, their default init, the forward checks and the loop over layers,
 * directions and time steps. Each step is the same maths as the cells; each layer runs on
 * {@link Kernels#recurrentLayer}: by default whole directions at once, under
 * {@code -Dlayerwise.kernels=plain} as the chain of tensor ops of each step.
 *
 * <p>Notation: {@code D} = 2 if bidirectional else 1, {@code H} = hidden_size, {@code P} = proj_size
 * (LSTM only), {@code Hout} = P if P &gt; 0 else H, {@code G} = gates (1 RNN, 4 LSTM, 3 GRU). For layer
 * k and direction suffix {@code ""} / {@code "_reverse"}, in PyTorch's order:
 * <pre>
 *   weight_ih_l{k}{sfx}  (G*H, input_size) for k = 0, (G*H, D*Hout) above
 *   weight_hh_l{k}{sfx}  (G*H, Hout)
 *   bias_ih_l{k}{sfx}    (G*H)          absent with bias=false
 *   bias_hh_l{k}{sfx}    (G*H)          absent with bias=false
 *   weight_hr_l{k}{sfx}  (P, H)         LSTM with proj_size &gt; 0 only
 * </pre>
 * Every parameter starts ~ {@code U(-1/sqrt(H), 1/sqrt(H))}, drawn in that order (bit-exact with torch).
 *
 * <p>Gradients: {@code backward()} from the output, h_n or c_n reaches every parameter, the input, h0 and c0
 * (and passes through the dropout between layers in training): on the plain kernel through the recorded ops
 * of every step, on the fast one through one node per layer that runs backpropagation through time
 * ({@link Kernels#recurrentLayer}).
 */
public abstract class RNNBase extends Module {

    private final RecurrentMode mode;
    private final int inputSize;
    private final int hiddenSize;
    private final int numLayers;
    private final boolean bias;
    private final boolean batchFirst;
    private final double dropout;
    private final boolean bidirectional;
    private final int projSize;

    final int gates;
    // [layer][direction]; biases and projections null when absent.
    private final Tensor[][] weightIh;
    private final Tensor[][] weightHh;
    private final Tensor[][] biasIh;
    private final Tensor[][] biasHh;
    private final Tensor[][] weightHr;

    RNNBase(RecurrentMode mode, int inputSize, int hiddenSize, RNNOptions options) {
        String name = getClass().getSimpleName();
        int proj = options.projSize == null ? 0 : options.projSize;
        RecurrentChecks.layerArguments(name, inputSize, hiddenSize, options.numLayers, options.dropout, proj);
        this.mode = mode;
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.numLayers = options.numLayers;
        this.bias = options.bias;
        this.batchFirst = options.batchFirst;
        this.dropout = options.dropout;
        this.bidirectional = options.bidirectional;
        this.projSize = proj;
        this.gates = mode.gates();

        int d = numDirections();
        int rows = RecurrentChecks.gateRows(name, gates, hiddenSize);
        layerwise.tensor.Memory.requireHeapFor(parameterCount(rows, d), name + "(" + inputSize + ", " + hiddenSize
                + ", num_layers=" + numLayers + (bidirectional ? ", bidirectional=True" : "")
                + (projSize > 0 ? ", proj_size=" + projSize : "") + ")'s parameters are",
                "use fewer layers (num_layers is " + numLayers + "; 1 to 4 is usual) or a smaller hidden_size");
        weightIh = new Tensor[numLayers][d];
        weightHh = new Tensor[numLayers][d];
        biasIh = new Tensor[numLayers][d];
        biasHh = new Tensor[numLayers][d];
        weightHr = new Tensor[numLayers][d];
        for (int layer = 0; layer < numLayers; layer++) {
            int layerInput = layer == 0 ? inputSize : d * outputSize();
            for (int dir = 0; dir < d; dir++) {
                String sfx = "_l" + layer + (dir == 1 ? "_reverse" : "");
                weightIh[layer][dir] = registerParameter("weight_ih" + sfx, Tensor.empty(rows, layerInput));
                weightHh[layer][dir] = registerParameter("weight_hh" + sfx, Tensor.empty(rows, outputSize()));
                if (bias) {
                    biasIh[layer][dir] = registerParameter("bias_ih" + sfx, Tensor.empty(rows));
                    biasHh[layer][dir] = registerParameter("bias_hh" + sfx, Tensor.empty(rows));
                }
                if (projSize > 0) {
                    weightHr[layer][dir] = registerParameter("weight_hr" + sfx, Tensor.empty(projSize, hiddenSize));
                }
            }
        }
        resetParameters();
    }

    /** Every parameter's elements together, in long: num_layers may be large enough to overflow an int. */
    private long parameterCount(int rows, int d) {
        long perDirection = (long) rows * outputSize() + (bias ? 2L * rows : 0) + (long) projSize * hiddenSize;
        long first = (long) rows * inputSize + perDirection;
        long later = (long) rows * d * outputSize() + perDirection;
        return d * (first + (numLayers - 1L) * later);
    }

    /**
     * The options object for everything after {@code input_size, hidden_size}: numLayers, nonlinearity
     * (RNN), bias, batchFirst, dropout, bidirectional, projSize (LSTM). For example
     * {@code new LSTM(10, 20, LSTM.options().numLayers(2).bidirectional(true))}.
     */
    public static RNNOptions options() {
        return new RNNOptions();
    }

    /** PyTorch's default init: every parameter ~ U(-1/sqrt(hidden_size), 1/sqrt(hidden_size)), in order. */
    public void resetParameters() {
        DefaultInit.uniformAll(parameters(), hiddenSize);
    }

    /** PyTorch's mode: RNN_TANH, RNN_RELU, LSTM or GRU. */
    public RecurrentMode mode() {
        return mode;
    }

    public int inputSize() {
        return inputSize;
    }

    public int hiddenSize() {
        return hiddenSize;
    }

    public int numLayers() {
        return numLayers;
    }

    /** Whether the layers have biases (b_ih and b_hh). */
    public boolean bias() {
        return bias;
    }

    public boolean batchFirst() {
        return batchFirst;
    }

    public double dropout() {
        return dropout;
    }

    public boolean bidirectional() {
        return bidirectional;
    }

    /** 0 when h is not projected (always 0 for RNN and GRU). */
    public int projSize() {
        return projSize;
    }

    /** D: 2 if bidirectional, else 1. */
    public int numDirections() {
        return bidirectional ? 2 : 1;
    }

    /** Hout, the size of h (and of each direction's output): proj_size if set, else hidden_size. */
    public int outputSize() {
        return projSize > 0 ? projSize : hiddenSize;
    }

    /** "(T, N, input_size)", or "(N, T, input_size)" with batch_first. */
    String inputLayout() {
        return batchFirst ? "(N, T, input_size)" : "(T, N, input_size)";
    }

    /**
     * The whole forward pass: PyTorch's checks in its order, then every layer and direction over the
     * sequence. {@code c0} is used by LSTM only; null states start from zeros.
     */
    RNNOutput run(Tensor input, Tensor h0, Tensor c0) {
        layerwise.tensor.Nulls.tensor(input, mode.name().toLowerCase(java.util.Locale.ROOT), "input", 1);
        boolean lstm = mode == RecurrentMode.LSTM;
        boolean batched = input.dim() == 3;
        int batchDim = batchFirst ? 0 : 1;
        RecurrentChecks.notScalar(this, input, batchDim);
        RecurrentChecks.stateRanks(this, input, h0, lstm ? c0 : null);
        // Any input that is not 3-D is one unbatched sequence: give it (and the states) a batch axis of 1.
        Tensor x = batched ? input : input.unsqueeze(batchDim);
        Tensor h = h0 == null || batched ? h0 : h0.unsqueeze(1);
        Tensor c = c0 == null || batched ? c0 : c0.unsqueeze(1);
        RecurrentChecks.input(this, input, x);
        if (h != null) RecurrentChecks.state(this, input, x, h0, h, lstm ? "hidden[0]" : "hidden", false);
        if (lstm && c != null) RecurrentChecks.state(this, input, x, c0, c, "hidden[1]", true);
        int n = x.size(batchDim);
        int states = numDirections() * numLayers;
        if (h == null) h = Tensor.zeros(states, n, outputSize());
        if (lstm && c == null) c = Tensor.zeros(states, n, hiddenSize);

        Tensor seq = batchFirst ? x.transpose(0, 1) : x;   // (T, N, features) from here on
        List<Tensor> hN = new ArrayList<>();
        List<Tensor> cN = new ArrayList<>();
        for (int layer = 0; layer < numLayers; layer++) {
            RecurrentKernels.Direction[] dirs = new RecurrentKernels.Direction[numDirections()];
            for (int dir = 0; dir < dirs.length; dir++) {
                int index = layer * numDirections() + dir;
                Tensor[] b = biases(layer, dir);
                dirs[dir] = new RecurrentKernels.Direction(weightIh[layer][dir], b[0], weightHh[layer][dir], b[1],
                        weightHr[layer][dir], h.select(0, index), lstm ? c.select(0, index) : null);
            }
            // The layer's output is [forward | reverse] at every step, what the next layer reads.
            RecurrentKernels.Layer r = Kernels.recurrentLayer(cell(), seq, dirs);
            seq = r.output();
            hN.addAll(Arrays.asList(r.h()));
            if (lstm) cN.addAll(Arrays.asList(r.c()));
            // Dropout between layers, in training mode only.
            if (layer < numLayers - 1) seq = Functional.dropout(seq, dropout, isTraining());
        }
        Tensor output = batchFirst ? seq.transpose(0, 1) : seq;
        if (bidirectional) BidirectionalOutputs.mark(output, outputSize());
        Tensor hOut = Tensor.stack(hN, 0);
        Tensor cOut = lstm ? Tensor.stack(cN, 0) : null;
        if (!batched) {
            output = output.squeeze(batchDim);
            hOut = hOut.squeeze(1);
            if (lstm) cOut = cOut.squeeze(1);
        }
        return new RNNOutput(output, hOut, cOut);
    }

    private RecurrentKernels.Cell cell() {
        return switch (mode) {
            case RNN_TANH -> RecurrentKernels.Cell.RNN_TANH;
            case RNN_RELU -> RecurrentKernels.Cell.RNN_RELU;
            case LSTM -> RecurrentKernels.Cell.LSTM;
            case GRU -> RecurrentKernels.Cell.GRU;
        };
    }

    /**
     * {b_ih, b_hh} as the steps add them (null without bias). RNN and LSTM gates see only b_ih + b_hh: the
     * sum is taken once, before the time loop, and joins the input part. (The GRU's b_hn sits inside the
     * reset product, so its b_hh stays with the hidden part.)
     */
    private Tensor[] biases(int layer, int dir) {
        Tensor bih = biasIh[layer][dir];
        Tensor bhh = biasHh[layer][dir];
        if (bih != null && mode != RecurrentMode.GRU) return new Tensor[] {bih.add(bhh), null};
        return new Tensor[] {bih, bhh};
    }

    /** PyTorch's {@code RNNBase.extra_repr}: only the arguments that differ from the defaults. */
    @Override
    public String extraRepr() {
        StringBuilder s = new StringBuilder(inputSize + ", " + hiddenSize);
        if (projSize != 0) s.append(", proj_size=").append(projSize);
        if (numLayers != 1) s.append(", num_layers=").append(numLayers);
        if (mode == RecurrentMode.RNN_RELU) s.append(", nonlinearity=relu");
        if (!bias) s.append(", bias=False");
        if (batchFirst) s.append(", batch_first=True");
        if (dropout != 0) s.append(", dropout=").append(PyRepr.number(dropout));
        if (bidirectional) s.append(", bidirectional=True");
        return s.toString();
    }
}
