package layerwise.shape;

import layerwise.tensor.Nulls;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.nn.Conv2d;
import layerwise.nn.Module;
import layerwise.nn.RNNBase;
import layerwise.tensor.Tensor;

/**
 * A model summary, like torchinfo's {@code summary(model, input_size)}: a forward pass on zeros, then one
 * row per layer with its path, repr, input and output shape, every parameter (PyTorch key, shape,
 * count, fan_in/fan_out, the bound of PyTorch's default init, the gate split of a recurrent weight) and
 * the multiply-adds; totals of parameters, multiply-adds and memory.
 * <pre>
 *   println(Summary.of(net, 1, 3, 32, 32));
 *   Tables.summary(Summary.of(net, 1, 3, 32, 32))     // the same rows as a Tablesaw table
 * </pre>
 * A model that fails part-way keeps the rows that ran, the failing layer marked, then the error.
 * {@code Summary.of(net)} without an input shape lists the parameters only. The Tablesaw table is
 * {@code Tables.summary(summary)} (layerwise.table holds everything Tablesaw).
 *
 * <p>Multiply-adds follow torchinfo's convention: every weight and bias element counts once per output
 * position it is used at. Conv2d: {@code (weight + bias elements) · N·H_out·W_out}; recurrent layers:
 * {@code (all their parameters) · T·N}; Linear and the cells: {@code (weight + bias) · rows}, rows being
 * the output's leading dims multiplied (torchinfo takes only the first dim, which is the same for the
 * usual 2-D input); layers without parameters: 0.
 */
public final class Summary {

    /**
     * One layer. {@code output} is null when the layer (or, for a container, a layer inside it) failed.
     * {@code hN}/{@code cN} are a recurrent layer's final-state shapes, else null.
     */
    public record Row(String path, int depth, String layer, boolean container, int[] input, int[] output,
                      int[] hN, int[] cN, List<ParamInfo> params, long parameters, long multAdds) {
    }

    private static final int FLOAT_BYTES = 4;

    private final String model;
    private final int[] inputShape;
    private final List<Row> rows;
    private final long totalParameters;
    private final String failure;

    private Summary(String model, int[] inputShape, List<Row> rows, long totalParameters, String failure) {
        this.model = model;
        this.inputShape = inputShape;
        this.rows = List.copyOf(rows);
        this.totalParameters = totalParameters;
        this.failure = failure;
    }

    /**
     * Runs {@code model} on {@code Tensor.zeros(inputShape)} and summarises every layer. Without an input
     * shape, as torchinfo without {@code input_size}, only the parameters are listed: no shapes, no
     * multiply-adds, no activation memory.
     */
    public static Summary of(Module model, int... inputShape) {
        Nulls.require(model, "Summary.of", "model", 1, Nulls.MODULE);
        Nulls.require(inputShape, "Summary.of", "input_size", 2, Nulls.SHAPE);
        if (inputShape.length == 0) {
            List<Row> rows = new ArrayList<>();
            parametersOnly(model, "", 0, rows);
            return new Summary(Names.oneLine(model), null, rows, model.numParameters(), null);
        }
        Walk.Result run = Walk.run(model, Tensor.zeros(inputShape));
        List<Row> rows = new ArrayList<>();
        for (Walk.Step s : run.steps()) rows.add(row(s));
        String failure = run.failure() == null ? null : Failures.message(model, inputShape, run.failure());
        return new Summary(Names.oneLine(model), inputShape.clone(), rows, model.numParameters(), failure);
    }

    /** The rows of a summary without input: the module tree as {@link Walk} would open it, parameters only. */
    private static void parametersOnly(Module m, String path, int depth, List<Row> rows) {
        boolean container = m instanceof layerwise.nn.Sequential;
        rows.add(row(new Walk.Step(path, depth, m, null, null, null, null)));
        if (!container) return;
        for (var child : m.namedChildren().entrySet()) {
            parametersOnly(child.getValue(), path.isEmpty() ? child.getKey() : path + "." + child.getKey(), depth + 1, rows);
        }
    }

    private static Row row(Walk.Step s) {
        List<ParamInfo> params = new ArrayList<>();
        long count = 0;
        if (!s.container()) {
            String prefix = s.path().isEmpty() ? "" : s.path() + ".";
            for (Map.Entry<String, Tensor> e : s.module().namedParameters().entrySet()) {
                params.add(ParamInfo.of(s.module(), prefix, e.getKey(), e.getValue()));
                count += e.getValue().numel();
            }
        }
        long macs = s.container() || s.output() == null ? 0 : multAdds(s.module(), s.output(), count);
        return new Row(s.path(), s.depth(), Names.oneLine(s.module()), s.container(), s.input(), s.output(),
                s.hN(), s.cN(), params, count, macs);
    }

    /** torchinfo's count for one layer (see the class comment). */
    static long multAdds(Module m, int[] out, long params) {
        if (params == 0) return 0;
        if (m instanceof Conv2d) {
            // (N, C, H, W) or unbatched (C, H, W): one use of each weight per output position.
            long positions = (long) out[out.length - 1] * out[out.length - 2] * (out.length == 4 ? out[0] : 1);
            return params * positions;
        }
        if (m instanceof RNNBase r) {
            // output (T, N, *) or (N, T, *) batch-first: T·N steps either way; unbatched (T, *): T.
            long steps = out.length == 3 ? (long) out[0] * out[1] : out[0];
            return params * steps;
        }
        long rowsOut = out.length == 0 ? 1 : Names.numel(out) / Math.max(1, out[out.length - 1]);
        return params * rowsOut;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The model's repr, one line ("Sequential" for a container). */
    public String model() {
        return model;
    }

    /** The input shape the model ran on; null for a summary of the parameters only. */
    public int[] inputShape() {
        return inputShape == null ? null : inputShape.clone();
    }

    /**
     * How a summary with shapes is asked for this model: {@code Summary.of(model, 1, 3, 32, 32)} with
     * the first layer's channels or features (32×32 for an image, 5 steps for a sequence).
     */
    String withInputExample() {
        for (Row r : rows) {
            if (r.container()) continue;
            String l = r.layer();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(Conv2d|Linear|RNN|LSTM|GRU)\\((?:in_features=|input_size=)?(\\d+)").matcher(l);
            if (!m.find()) continue;
            String n = m.group(2);
            return switch (m.group(1)) {
                case "Conv2d" -> "Summary.of(model, 1, " + n + ", 32, 32)";
                case "Linear" -> "Summary.of(model, 1, " + n + ")";
                default -> "Summary.of(model, 5, 1, " + n + ")";
            };
        }
        return "Summary.of(model, 1, 3, 32, 32)";
    }

    /** Every parameter element, counted once: {@code model.numParameters()}. */
    public long totalParameters() {
        return totalParameters;
    }

    /** The layers' multiply-adds, summed over the layers that ran (containers are not counted twice). */
    public long totalMultAdds() {
        return rows.stream().filter(r -> !r.container()).mapToLong(Row::multAdds).sum();
    }

    /** float32 bytes of the input. */
    public long inputBytes() {
        return inputShape == null ? 0 : Names.numel(inputShape) * FLOAT_BYTES;
    }

    /** float32 bytes of every layer's output (containers not counted twice). */
    public long activationBytes() {
        long n = 0;
        for (Row r : rows) {
            if (r.container() || r.output() == null) continue;
            n += Names.numel(r.output());
            if (r.hN() != null) n += Names.numel(r.hN());
            if (r.cN() != null) n += Names.numel(r.cN());
        }
        return n * FLOAT_BYTES;
    }

    public long parameterBytes() {
        return totalParameters * FLOAT_BYTES;
    }

    /** The error of the layer that failed, with the network's context; null when the whole model ran. */
    public String failure() {
        return failure;
    }

    /** The text table the REPL prints. */
    @Override
    public String toString() {
        return SummaryText.render(this);
    }
}
