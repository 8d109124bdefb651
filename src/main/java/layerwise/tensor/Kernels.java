package layerwise.tensor;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which kernel runs the hot ops: the one seam where plain or fast is decided. Each hot op has a plain
 * "teaching" kernel that mirrors its formula and a fast default (packed, cache-blocked, SIMD,
 * multi-threaded), and every call of one, from a tensor method, {@link Functional} or a layer, comes
 * through a method here that picks between them and calls that kernel, never back into Functional. A
 * new kernel (a backward pass, say) is one more method here with its plain and fast sides.
 *
 * <p>Both add each output's terms in the same order, starting from the same value (0, or the bias) and
 * treating padding the same way (a padding tap multiplies 0, so Inf and NaN weights behave alike). What
 * differs, precisely: with SIMD (the Vector API module present) the matrix products round each step
 * {@code s + a*b} once, as a fused multiply-add, where the plain loops round the product and then the
 * sum; so matmul, linear and conv2d results can differ in the last bits, by at most
 * 2·k·2^-24·(|s0| + Σ|a·b|) for k terms (tested). Without SIMD, and for the elementwise, depthwise and
 * gate kernels, the two agree bit for bit (the fast gates' sigmoid and tanh, with SIMD, within one ulp).
 *
 * <p>The default is {@link Kind#FAST}. Start the JVM with {@code -Dlayerwise.kernels=plain} to make
 * every hot op (matmul, mm, bmm, linear, conv2d, the recurrent cells and layers) use the plain kernels
 * (the property is read once, at start-up); for the workbook:
 * {@code JAVA_TOOL_OPTIONS=-Dlayerwise.kernels=plain ./workbook}. The methods that take a {@link Kind}
 * run one kernel explicitly, for benchmarks, tests and lessons that compare the two.
 */
public final class Kernels {
    private Kernels() {
    }

    /** The two kernel families. */
    public enum Kind { PLAIN, FAST }

    /**
     * The hot ops, each chosen here. A recurrent cell's or layer's backward (RECURRENT_CELL_BACKWARD,
     * RECURRENT_BACKWARD) is chosen with its forward, when that records: the plain forward records the chain
     * of tensor ops of every step, whose derivatives autograd applies op by op; the fast one records one node
     * with a hand-written backward.
     */
    enum Op { MATMUL, LINEAR, LINEAR_BACKWARD, CONV2D, CONV2D_BACKWARD, RNN_CELL, LSTM_CELL, GRU_CELL, RECURRENT_LAYER,
        RECURRENT_CELL_BACKWARD, RECURRENT_BACKWARD }

    private static final Kind DEFAULT =
            "plain".equals(System.getProperty("layerwise.kernels", "").toLowerCase(Locale.ROOT)) ? Kind.PLAIN : Kind.FAST;

    /**
     * Which kernel each op last ran on, recorded only under {@code -Dlayerwise.kernels.trace=true}: a test
     * starts a JVM with it and {@code -Dlayerwise.kernels=plain}, runs every op through the layers and
     * checks that each ran PLAIN, so the property provably reaches them all. Without the property this
     * is a constant false and the hot paths pay nothing.
     */
    private static final boolean TRACE = Boolean.getBoolean("layerwise.kernels.trace");
    private static final Map<Op, Kind> RAN = new EnumMap<>(Op.class);

    /** The kernel that the ops use: FAST unless -Dlayerwise.kernels=plain. */
    public static Kind selected() {
        return DEFAULT;
    }

    private static Kind chosen(Op op, Kind kind) {
        if (TRACE) {
            synchronized (RAN) {
                RAN.put(op, kind);
            }
        }
        return kind;
    }

    /** What {@link #TRACE} recorded: each op that ran and its kernel. */
    static Map<Op, Kind> ran() {
        synchronized (RAN) {
            return Map.copyOf(RAN);
        }
    }

    /** How many threads the fast kernels use (default: every core), like {@code torch.get_num_threads()}. */
    public static int threads() {
        return Parallel.threads();
    }

    /** Sets how many threads the fast kernels use, like {@code torch.set_num_threads(n)}; 1 runs them on the caller's thread. */
    public static void setThreads(int n) {
        Parallel.setThreads(n);
    }

    /** "SIMD on (512-bit vectors, ...)" or why it is off: whether the fast kernels use the Vector API. */
    public static String simd() {
        return Simd.describe();
    }

    // ---------------------------------------------------------------- matrix products

    /** torch.matmul computed with the given kernel. */
    public static Tensor matmul(Tensor a, Tensor b, Kind kind) {
        return Matmul.matmul(a, b, chosen(Op.MATMUL, kind));
    }

    /** {@link Tensor#matmul}: torch.matmul's rank rules, each product on the selected kernel. */
    static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, b, DEFAULT);
    }

    /** {@link Tensor#mm}. */
    static Tensor mm(Tensor a, Tensor b) {
        return Matmul.mm(a, b, chosen(Op.MATMUL, DEFAULT));
    }

    /** {@link Tensor#bmm}. */
    static Tensor bmm(Tensor a, Tensor b) {
        return Matmul.bmm(a, b, chosen(Op.MATMUL, DEFAULT));
    }

    /**
     * F.linear's y = x W^T + b, its shapes checked by the caller. Fast: one strided product and the bias
     * added row by row ({@link MatmulKernels#linear}) when x has rows and b is one value per output;
     * otherwise, and plain, {@code x.matmul(W^T)} then {@code add(b)}, which also broadcasts or reports a
     * bias of another shape.
     */
    static Tensor linear(Tensor input, Tensor weight, Tensor bias) {
        Kind kind = chosen(Op.LINEAR, DEFAULT);
        boolean perOutput = bias == null || (bias.dim() == 1 && bias.size(0) == weight.size(0));
        if (kind == Kind.FAST && input.dim() >= 2 && perOutput) return MatmulKernels.linear(input, weight, bias);
        Tensor y = Matmul.matmul(input, weight.t(), kind);
        return bias == null ? y : y.add(bias);
    }

    /**
     * Linear's backward for g (M, out), x (M, in), W (out, in): {dx, dW, db}, each null when not needed
     * (see {@link LinearGrad}): the loops (PLAIN) or two products on the GEMM (FAST).
     */
    static Tensor[] linearBackward(Tensor g, Tensor x, Tensor weight, boolean needX, boolean needW, boolean needB) {
        return linearBackward(g, x, weight, needX, needW, needB, DEFAULT);
    }

    /** {@link #linearBackward(Tensor, Tensor, Tensor, boolean, boolean, boolean)} with the given kernel. */
    public static Tensor[] linearBackward(Tensor g, Tensor x, Tensor weight, boolean needX, boolean needW, boolean needB,
                                          Kind kind) {
        return switch (chosen(Op.LINEAR_BACKWARD, kind)) {
            case PLAIN -> LinearGrad.loops(g, x, weight, needX, needW, needB);
            case FAST -> LinearGrad.fast(g, x, weight, needX, needW, needB);
        };
    }

    // ---------------------------------------------------------------- conv2d

    /**
     * torch.nn.functional.conv2d (symmetric padding) computed with the given kernel: the loops (PLAIN),
     * or im2col, 1x1 and depthwise kernels (FAST).
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                int[] dilation, int groups, Kind kind) {
        return conv2d(input, weight, bias, Conv2dGeometry.symmetric(input, weight, bias, stride, padding, dilation, groups),
                kind);
    }

    /** conv2d of an input (N, C, H, W) or (C, H, W) that {@link Conv2dGeometry} has checked, on the selected kernel. */
    static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g) {
        return conv2d(input, weight, bias, g, DEFAULT);
    }

    private static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv2dGeometry g, Kind kind) {
        boolean batched = input.dim() == 4;
        Tensor x = batched ? input : input.unsqueeze(0);
        Tensor y = switch (chosen(Op.CONV2D, kind)) {
            case PLAIN -> Conv2dKernels.loops(x, weight, bias, g);
            case FAST -> Conv2dKernels.fast(x, weight, bias, g);
        };
        return batched ? y : y.squeeze(0);
    }

    /**
     * conv2d's backward for g = dL/dout: {dx, dW, db}, each null when not needed (see {@link ConvGrad}),
     * with the given kernel: the loops (PLAIN) or im2col and col2im on the GEMM (FAST). The input (N, C, H, W)
     * or (C, H, W) and the weight are the forward's, with symmetric padding as {@link #conv2d}; g has the
     * output's shape.
     */
    public static Tensor[] conv2dBackward(Tensor g, Tensor input, Tensor weight, int[] stride, int[] padding,
                                          int[] dilation, int groups, boolean needX, boolean needW, boolean needB, Kind kind) {
        Nulls.tensor(g, "convolution_backward", "grad_output", 1);
        Nulls.tensor(input, "convolution_backward", "input", 2);
        Nulls.tensor(weight, "convolution_backward", "weight", 3);
        Conv2dGeometry geo = Conv2dGeometry.symmetric(input, weight, null, stride, padding, dilation, groups);
        int[] out = input.dim() == 4 ? new int[] {geo.batch(), geo.outChannels(), geo.outH(), geo.outW()}
                : new int[] {geo.outChannels(), geo.outH(), geo.outW()};
        if (!java.util.Arrays.equals(g.shape(), out)) {
            throw new ShapeError("Expected grad_output of size " + Shapes.str(out) + ", but got " + Shapes.str(g.shape()),
                    "The gradient of a convolution's output has the output's shape.", "pass a gradient of shape " + Shapes.str(out));
        }
        return conv2dBackward(g, input, weight, geo, needX, needW, needB, kind);
    }

    /** {@link ConvGrad}'s backward on the selected kernel, for an input that {@link Conv2dGeometry} has checked. */
    static Tensor[] conv2dBackward(Tensor g, Tensor input, Tensor weight, Conv2dGeometry geo, boolean needX, boolean needW,
                                   boolean needB) {
        return conv2dBackward(g, input, weight, geo, needX, needW, needB, DEFAULT);
    }

    private static Tensor[] conv2dBackward(Tensor g, Tensor input, Tensor weight, Conv2dGeometry geo, boolean needX,
                                           boolean needW, boolean needB, Kind kind) {
        boolean batched = input.dim() == 4;
        Tensor x = batched ? input : Views.unsqueeze(input, 0);
        Tensor g4 = batched ? g : Views.unsqueeze(g, 0);
        Tensor[] d = switch (chosen(Op.CONV2D_BACKWARD, kind)) {
            case PLAIN -> Conv2dBackward.loops(g4, x, weight, geo, needX, needW, needB);
            case FAST -> Conv2dBackward.fast(g4, x, weight, geo, needX, needW, needB);
        };
        if (!batched && d[0] != null) d[0] = Views.squeeze(d[0], 0);
        return d;
    }

    // ---------------------------------------------------------------- recurrent

    /**
     * One Elman RNN cell step from the input part of the gates {@code gi = x W_ih^T + b_ih (N, H)}:
     * h' = tanh(gi + h W_hh^T + b_hh), or relu of it; {@code whhT} is W_hh transposed, bhh may be null.
     */
    public static Tensor rnnCell(Tensor gi, Tensor h, Tensor whhT, Tensor bhh, boolean relu) {
        return rnnCell(gi, h, whhT, bhh, relu, DEFAULT);
    }

    /**
     * {@link #rnnCell(Tensor, Tensor, Tensor, Tensor, boolean)} with the given kernel. Recording, the plain
     * step records its chain of ops; the fast one records h W_hh^T as a product and the rest as one node
     * ({@link RecurrentCellGrad}); likewise for the LSTM and GRU cells.
     */
    static Tensor rnnCell(Tensor gi, Tensor h, Tensor whhT, Tensor bhh, boolean relu, Kind kind) {
        Kind k = cellKind(Op.RNN_CELL, kind, gi, h, whhT, bhh);
        return switch (k) {
            case PLAIN -> RecurrentChain.rnn(gi, h, whhT, bhh, relu, Kind.PLAIN);
            case FAST -> RecurrentCellGrad.rnn(gi, MatmulGrad.matmul(h, whhT, Kind.FAST), bhh, relu);
        };
    }

    /** One LSTM cell step, gates stacked {@code [i | f | g | o]} (see {@link RecurrentChain#lstm}): {h', c'}. */
    public static Tensor[] lstmCell(Tensor gi, Tensor h, Tensor c, Tensor whhT, Tensor bhh) {
        return lstmCell(gi, h, c, whhT, bhh, DEFAULT);
    }

    static Tensor[] lstmCell(Tensor gi, Tensor h, Tensor c, Tensor whhT, Tensor bhh, Kind kind) {
        Kind k = cellKind(Op.LSTM_CELL, kind, gi, h, c, whhT, bhh);
        return switch (k) {
            case PLAIN -> RecurrentChain.lstm(gi, h, c, whhT, bhh, Kind.PLAIN);
            case FAST -> RecurrentCellGrad.lstm(gi, MatmulGrad.matmul(h, whhT, Kind.FAST), bhh, c);
        };
    }

    /** One GRU cell step, gates stacked {@code [r | z | n]} (see {@link RecurrentChain#gru}): h'. */
    public static Tensor gruCell(Tensor gi, Tensor h, Tensor whhT, Tensor bhh) {
        return gruCell(gi, h, whhT, bhh, DEFAULT);
    }

    static Tensor gruCell(Tensor gi, Tensor h, Tensor whhT, Tensor bhh, Kind kind) {
        Kind k = cellKind(Op.GRU_CELL, kind, gi, h, whhT, bhh);
        return switch (k) {
            case PLAIN -> RecurrentChain.gru(gi, h, whhT, bhh, Kind.PLAIN);
            case FAST -> RecurrentCellGrad.gru(gi, MatmulGrad.matmul(h, whhT, Kind.FAST), bhh, h);
        };
    }

    /** The kernel of a cell step, and of its backward when the step records. */
    private static Kind cellKind(Op op, Kind kind, Tensor... inputs) {
        Kind k = chosen(op, kind);
        if (Autograd.recording(inputs)) chosen(Op.RECURRENT_CELL_BACKWARD, k);
        return k;
    }

    /** One recurrent layer over {@code seq (T, N, in)} in one or two directions, on the selected kernel. */
    public static RecurrentKernels.Layer recurrentLayer(RecurrentKernels.Cell cell, Tensor seq,
                                                        RecurrentKernels.Direction... directions) {
        return recurrentLayer(cell, seq, DEFAULT, directions);
    }

    /**
     * One recurrent layer computed with the given kernel: every step as the chain of tensor ops it is
     * (PLAIN, {@link RecurrentChain}), or whole directions at once (FAST, {@link RecurrentKernels#layer}).
     * When it records, the backward goes with it: PLAIN records every op of every step, and backpropagation
     * through time is autograd's chain rule through the unrolled loop; FAST records one node per layer
     * ({@link RecurrentLayerGrad}), whose backward is {@link #recurrentBackward}.
     */
    public static RecurrentKernels.Layer recurrentLayer(RecurrentKernels.Cell cell, Tensor seq, Kind kind,
                                                        RecurrentKernels.Direction... directions) {
        Kind k = chosen(Op.RECURRENT_LAYER, kind);
        if (Autograd.recording(RecurrentLayerGrad.inputs(seq, directions))) chosen(Op.RECURRENT_BACKWARD, k);
        return switch (k) {
            case PLAIN -> RecurrentChain.layer(cell, seq, directions);
            case FAST -> RecurrentLayerGrad.layer(cell, seq, directions);
        };
    }

    /**
     * The fast layer's backward, backpropagation through time from what its forward kept (see
     * {@link RecurrentBackward}): the gradients of the sequence and of every direction's W_ih, b_ih, W_hh,
     * b_hh, W_hr, h0 and c0, in that order, from those of the output, the final h's and the final c's.
     */
    static Tensor[] recurrentBackward(RecurrentKernels.Cell cell, Tensor seq, RecurrentKernels.Direction[] directions,
                                      RecurrentTape[] tapes, float[] states, Tensor[] grads) {
        chosen(Op.RECURRENT_BACKWARD, Kind.FAST);
        return RecurrentLayerGrad.backward(cell, seq, directions, tapes, states, grads);
    }
}
