package layerwise.tensor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One recorded operation of the autograd graph, PyTorch's {@code grad_fn}: {@code y = x.mul(w)} gives y a
 * node named {@code MulBackward0} that knows how to turn dL/dy into dL/dx and dL/dw (the chain rule, one
 * op at a time). A node points at the nodes that made its inputs ({@link #nextFunctions()}); a leaf
 * input (a tensor made with {@code requiresGrad(true)}, a parameter) is an {@code AccumulateGrad} edge,
 * where the engine adds the gradient into the leaf's {@code grad}.
 *
 * <p>The tensors a formula needs (the inputs of {@code mul}, the output of {@code sigmoid}) are saved
 * with their version: an in-place change to one of them before backward would make the gradient wrong,
 * so {@link #apply} refuses it with PyTorch's message. After a backward without {@code retainGraph} the
 * node forgets its formula and saved tensors; a second backward through it is refused too.
 */
public final class Node {

    /** dL/d(each input) from dL/d(each output); a null entry for an input that needs no gradient. */
    @FunctionalInterface
    interface Formula {
        Tensor[] apply(Tensor[] gradOutputs);
    }

    private final String name;
    // Where each input's gradient goes: the node that made it (and which of its outputs), or the leaf.
    final Node[] nextNodes;
    final int[] nextOutputs;
    final Tensor[] leaves;
    // The outputs' shapes (a missing output gradient is zeros of this shape) and who retains its grad.
    final int[][] outputShapes;
    final Tensor[] retained;
    private Formula formula;
    private Tensor[] saved;
    private int[] savedVersions;
    private String[] savedOrigins;

    Node(String name, Tensor[] inputs, Tensor[] saved, Formula formula, int outputs) {
        this.name = name;
        this.nextNodes = new Node[inputs.length];
        this.nextOutputs = new int[inputs.length];
        this.leaves = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            Tensor in = inputs[i];
            if (in == null || !in.requiresGrad) continue;
            if (in.gradFn != null) {
                nextNodes[i] = in.gradFn;
                nextOutputs[i] = in.outputNr;
            } else {
                leaves[i] = in;
            }
        }
        this.formula = formula;
        this.saved = saved;
        this.savedVersions = new int[saved.length];
        this.savedOrigins = new String[saved.length];
        for (int i = 0; i < saved.length; i++) {
            if (saved[i] != null) savedVersions[i] = saved[i].version.value;
        }
        this.outputShapes = new int[outputs][];
        this.retained = new Tensor[outputs];
    }

    /** Notes which op made each saved tensor, for the in-place message; called once the outputs are attached. */
    void noteOrigins() {
        for (int i = 0; i < saved.length; i++) {
            Tensor t = saved[i];
            if (t != null && t.gradFn != null) savedOrigins[i] = "output " + t.outputNr + " of " + t.gradFn.name;
        }
    }

    /** PyTorch's class name of this backward, e.g. {@code "AddmmBackward0"}. */
    public String name() {
        return name;
    }

    /** The nodes this one passes gradients to, in input order; a leaf input appears as {@code AccumulateGrad}. */
    public List<String> nextFunctions() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < leaves.length; i++) {
            out.add(nextNodes[i] != null ? nextNodes[i].name : leaves[i] != null ? "AccumulateGrad" : "None");
        }
        return Collections.unmodifiableList(out);
    }

    /** Runs the formula, after checking that it still exists and that no saved tensor changed since. */
    Tensor[] apply(Tensor[] gradOutputs) {
        if (formula == null) throw AutogradError.graphFreed();
        for (int i = 0; i < saved.length; i++) {
            Tensor s = saved[i];
            if (s != null && s.version.value != savedVersions[i]) {
                throw AutogradError.modifiedInPlace(s, savedOrigins[i], savedVersions[i]);
            }
        }
        return formula.apply(gradOutputs);
    }

    /** Forgets the formula and the saved tensors (backward without retain_graph). */
    void release() {
        formula = null;
        saved = new Tensor[0];
        savedVersions = new int[0];
        savedOrigins = new String[0];
    }

    @Override
    public String toString() {
        return "<" + name + " object>";
    }
}
