package layerwise.shape;

import java.util.ArrayList;
import java.util.List;

import layerwise.nn.GRU;
import layerwise.nn.LSTM;
import layerwise.nn.Module;
import layerwise.nn.RNN;
import layerwise.nn.RNNOutput;
import layerwise.nn.Sequential;
import layerwise.nn.TensorModule;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;

/**
 * Runs a model one layer at a time and records what reached each layer and what came out: the walk
 * behind {@link Summary} and {@link Trace}. A {@link Sequential} (nested too) is opened and its layers
 * run one by one; any other module runs whole. The model runs in eval mode (so Dropout draws no random
 * numbers) and is put back in the mode it was in.
 */
final class Walk {
    private Walk() {
    }

    /**
     * One row: a layer at {@code path} ("" for the model itself, "0", "1.2" inside Sequentials), the
     * shape that reached it and what it returned (null when it failed or, for a container, when a layer
     * inside it failed). {@code hN}/{@code cN} are a recurrent layer's final states, else null.
     */
    record Step(String path, int depth, Module module, int[] input, int[] output, int[] hN, int[] cN) {
        boolean container() {
            return module instanceof Sequential;
        }

        Step withOutput(int[] out) {
            return new Step(path, depth, module, input, out, hN, cN);
        }
    }

    /** Every step in order, and the exception of the layer that failed (then the last leaf step), or null. */
    record Result(List<Step> steps, RuntimeException failure) {
    }

    static Result run(Module model, Tensor input) {
        List<Step> steps = new ArrayList<>();
        List<Module> modules = new ArrayList<>();
        List<Boolean> modes = new ArrayList<>();
        remember(model, modules, modes);
        model.eval();
        try (var noGrad = Autograd.noGrad()) {               // shapes and statistics only: no graph to keep
            visit(model, "", 0, input, steps);
            return new Result(steps, null);
        } catch (RuntimeException e) {
            return new Result(steps, e);
        } finally {
            // Parents first: train(mode) also sets the children, which are then put back one by one.
            for (int i = 0; i < modules.size(); i++) modules.get(i).train(modes.get(i));
        }
    }

    private static void remember(Module m, List<Module> modules, List<Boolean> modes) {
        modules.add(m);
        modes.add(m.isTraining());
        for (Module child : m.children()) remember(child, modules, modes);
    }

    private static Tensor visit(Module m, String path, int depth, Tensor x, List<Step> steps) {
        if (m instanceof Sequential seq) {
            int row = steps.size();
            steps.add(new Step(path, depth, m, x.shape(), null, null, null));
            Tensor y = x;
            for (var child : seq.namedChildren().entrySet()) {
                String childPath = path.isEmpty() ? child.getKey() : path + "." + child.getKey();
                y = visit(child.getValue(), childPath, depth + 1, y, steps);
            }
            steps.set(row, steps.get(row).withOutput(y.shape()));
            return y;
        }
        int row = steps.size();
        steps.add(new Step(path, depth, m, x.shape(), null, null, null));
        RNNOutput r = recurrent(m, x);
        if (r != null) {
            steps.set(row, new Step(path, depth, m, x.shape(), r.output().shape(), r.hN().shape(),
                    r.cN() == null ? null : r.cN().shape()));
            return r.output();
        }
        if (!(m instanceof TensorModule t)) {
            throw new IllegalArgumentException(m.getClass().getSimpleName() + " has no forward(Tensor) to run; "
                    + "the shape tools run Sequentials, layers and RNN, LSTM, GRU");
        }
        Tensor y = t.forward(x);
        steps.set(row, steps.get(row).withOutput(y.shape()));
        return y;
    }

    /** A recurrent layer's forward from zero states, or null for any other module. */
    static RNNOutput recurrent(Module m, Tensor x) {
        if (m instanceof LSTM l) return l.forward(x);
        if (m instanceof GRU g) return g.forward(x);
        if (m instanceof RNN r) return r.forward(x);
        return null;
    }
}
