package layerwise.shape;

import layerwise.tensor.Nulls;
import layerwise.nn.Module;
import layerwise.nn.TensorModule;

/**
 * The shape question asked backwards: "I have this input and want that output: which layer settings,
 * and which weight and bias shapes?" Each answer lists settings simplest first, each with its
 * derivation and parameter shapes, and each checked by building the layer and running it on zeros of
 * the input shape. An impossible target gets the reason and the nearest settings that work.
 * <pre>
 *   Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 16, 16})
 *   Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 32, 32}, Solve.where().kernelSize(3).padding(0))
 *   Solve.linear(new int[] {8, 16, 4, 4}, new int[] {8, 10})
 *   Solve.linearAfter(convStack, new int[] {1, 3, 32, 32}, 10)
 *   Solve.recurrent("LSTM", new int[] {5, 3, 10}, 40)
 * </pre>
 * Building a layer draws random numbers; the solver puts the generator back, so it never changes what
 * comes next in the learner's session.
 */
public final class Solve {
    private Solve() {
    }

    private static void shapes(String op, int[] in, int[] out) {
        Nulls.require(in, op, "in", 1, Nulls.SHAPE);
        Nulls.require(out, op, "out", 2, Nulls.SHAPE);
    }

    /** Settings a conv search must keep, e.g. {@code Solve.where().kernelSize(3).padding(0)}. */
    public static ConvSettings where() {
        return new ConvSettings();
    }

    /** The Linear that maps {@code in} to {@code out}, with the Flatten or reshape needed when the leading dims differ. */
    public static Solutions linear(int[] in, int[] out) {
        shapes("Solve.linear", in, out);
        return LinearSolver.linear(in, out);
    }

    /**
     * (kernel, stride, padding, dilation) that map (N, C, H, W) to (N, C', H', W'), searched in
     * {@link ConvSettings}' range, simplest first, with out_channels C' and the weight shape.
     */
    public static Solutions conv2d(int[] in, int[] out) {
        shapes("Solve.conv2d", in, out);
        return ConvSolver.solve(in, out, new ConvSettings());
    }

    /** As {@link #conv2d(int[], int[])}, keeping the settings fixed in {@code fixed} (and its groups). */
    public static Solutions conv2d(int[] in, int[] out, ConvSettings fixed) {
        shapes("Solve.conv2d", in, out);
        Nulls.require(fixed, "Solve.conv2d", "fixed", 3, "ConvSettings (Solve.where()...)");
        return ConvSolver.solve(in, out, fixed.copy());
    }

    /** The in_features a Linear needs after {@code stack} (conv/pool layers) and a Flatten, for input {@code in}. */
    public static <M extends Module & TensorModule> Solutions linearAfter(M stack, int[] in, int outFeatures) {
        Nulls.require(stack, "Solve.linearAfter", "stack", 1, Nulls.MODULE);
        Nulls.require(in, "Solve.linearAfter", "in", 2, Nulls.SHAPE);
        return LinearSolver.linearAfter(stack, in, outFeatures);
    }

    /**
     * hidden_size, num_layers, bidirectional and proj_size (LSTM) for {@code outFeatures} output features
     * from a time-first input (T, N, input_size), or unbatched (T, input_size). {@code kind} is "RNN",
     * "LSTM" or "GRU".
     */
    public static Solutions recurrent(String kind, int[] in, int outFeatures) {
        return recurrent(kind, in, outFeatures, false);
    }

    /** As {@link #recurrent(String, int[], int)}; with batchFirst the input is (N, T, input_size). */
    public static Solutions recurrent(String kind, int[] in, int outFeatures, boolean batchFirst) {
        Nulls.require(kind, "Solve.recurrent", "kind", 1, "str (\"RNN\", \"LSTM\" or \"GRU\")");
        Nulls.require(in, "Solve.recurrent", "in", 2, Nulls.SHAPE);
        return RecurrentSolver.solve(kind, in, outFeatures, batchFirst);
    }
}
