package layerwise.shape;

import layerwise.tensor.Nulls;
import java.util.ArrayList;
import java.util.List;

import layerwise.nn.Module;
import layerwise.tensor.Tensor;

/**
 * The shape after every layer, with the formula that produced it and the numbers filled in:
 * <pre>
 *   println(Trace.of(net, Tensor.zeros(1, 3, 32, 32)));
 *   (0) Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))   [1, 3, 32, 32] → [1, 16, 32, 32]
 *         H_out = ⌊(32 + 2·1 − 1·(3−1) − 1)/1⌋ + 1 = 32
 * </pre>
 * Nested Sequentials are opened; a layer that fails ends the trace with its error.
 */
public final class Trace {

    /** One layer: its path, one-line repr, the shapes in and out (out null when it failed), the formulas. */
    public record Step(String path, int depth, String layer, int[] input, int[] output, List<String> formulas) {
    }

    private final String model;
    private final List<Step> steps;
    private final String failure;

    private Trace(String model, List<Step> steps, String failure) {
        this.model = model;
        this.steps = List.copyOf(steps);
        this.failure = failure;
    }

    /** Runs {@code model} on {@code input}, one layer at a time. */
    public static Trace of(Module model, Tensor input) {
        Nulls.require(model, "Trace.of", "model", 1, Nulls.MODULE);
        Nulls.tensor(input, "Trace.of", "input", 2);
        Walk.Result run = Walk.run(model, input);
        List<Step> steps = new ArrayList<>();
        for (Walk.Step s : run.steps()) {
            if (s.container()) continue;                                // the layers inside say it all
            List<String> formulas = new ArrayList<>(Formulas.explain(s.module(), s.input()));
            if (s.hN() != null) {
                formulas.add("h_n " + Names.shape(s.hN()) + (s.cN() == null ? "" : ", c_n " + Names.shape(s.cN())));
            }
            steps.add(new Step(s.path(), s.depth(), Names.oneLine(s.module()), s.input(), s.output(), formulas));
        }
        String failure = run.failure() == null ? null : Failures.message(model, input.shape(), run.failure());
        return new Trace(Names.oneLine(model), steps, failure);
    }

    /** Runs {@code model} on {@code Tensor.zeros(inputShape)}. */
    public static Trace of(Module model, int... inputShape) {
        Nulls.require(model, "Trace.of", "model", 1, Nulls.MODULE);
        return of(model, Tensor.zeros(Nulls.require(inputShape, "Trace.of", "input_size", 2, Nulls.SHAPE)));
    }

    public List<Step> steps() {
        return steps;
    }

    /** The shape the last layer returned, or null when a layer failed. */
    public int[] output() {
        if (failure != null || steps.isEmpty()) return null;
        return steps.get(steps.size() - 1).output().clone();
    }

    /** The error of the layer that failed, with the network's context; null when every layer ran. */
    public String failure() {
        return failure;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Trace of ").append(model);
        if (!steps.isEmpty()) sb.append(" on ").append(Names.shape(steps.get(0).input()));
        sb.append('\n');
        int width = 0;
        for (Step s : steps) width = Math.max(width, label(s).length());
        for (Step s : steps) {
            sb.append(SummaryText.pad(label(s), width)).append("   ").append(Names.shape(s.input())).append(" → ")
                    .append(s.output() == null ? "FAILED" : Names.shape(s.output())).append('\n');
            for (String f : s.formulas()) sb.append("      ").append(f).append('\n');
        }
        if (failure != null) sb.append(failure).append('\n');
        return sb.toString().stripTrailing();
    }

    private static String label(Step s) {
        return s.path().isEmpty() ? s.layer() : "(" + s.path() + ") " + s.layer();
    }
}
