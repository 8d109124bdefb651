package layerwise.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backward pass: from the output's node back to the leaves, each node once, after every node that
 * feeds it a gradient (reverse topological order). The gradients reaching one output of a node are
 * added up first (a tensor used twice gets both contributions: the multivariate chain rule); a leaf's
 * arriving gradients are added into its {@code grad}, which keeps what earlier backward calls put
 * there (PyTorch's accumulation: training loops zero it each step).
 */
final class Engine {
    private Engine() {
    }

    static void backward(Tensor root, Tensor gradient, boolean retainGraph) {
        if (!root.requiresGrad) {
            throw new AutogradError("element 0 of tensors does not require grad and does not have a grad_fn",
                    "No tensor this value was computed from requires grad (or it was computed inside Autograd.noGrad()), "
                            + "so there is no graph to run backward through.",
                    "mark the inputs you want gradients for before the forward pass: w.requiresGrad(true) "
                            + "(a layer's parameters already do), and keep the forward pass out of noGrad()");
        }
        Tensor g = gradient == null ? implicitGradient(root) : checked(root, gradient);
        try (Autograd.GradMode off = Autograd.noGrad()) {
            if (root.gradFn == null) {
                accumulate(root, g);
                return;
            }
            run(root.gradFn, root.outputNr, g, retainGraph);
        }
    }

    private static Tensor implicitGradient(Tensor root) {
        if (root.numel() != 1) {
            throw new AutogradError("grad can be implicitly created only for scalar outputs",
                    "backward() with no argument starts from dL/dL = 1, which needs L to be one number; this tensor has shape "
                            + Shapes.str(root.dims) + ".",
                    "reduce it to a loss first (y.sum().backward(), y.mean().backward()), or pass the gradient of the loss "
                            + "with respect to it: y.backward(Tensor.onesLike(y))");
        }
        return Tensor.onesLike(root);
    }

    private static Tensor checked(Tensor root, Tensor gradient) {
        if (!Arrays.equals(root.dims, gradient.dims)) {
            throw new ShapeError("Mismatch in shape: grad_output[0] has a shape of " + new Size(gradient.dims)
                    + " and output[0] has a shape of " + new Size(root.dims) + ".",
                    "The gradient passed to backward is dL/d(this tensor): one value per element, so the same shape.",
                    "pass a gradient of shape " + Shapes.str(root.dims) + ", e.g. Tensor.onesLike(y)");
        }
        return gradient;
    }

    private static void run(Node start, int startOutput, Tensor grad, boolean retainGraph) {
        List<Node> order = topologicalOrder(start);
        Map<Node, Tensor[]> pending = new IdentityHashMap<>();
        pending.computeIfAbsent(start, n -> new Tensor[n.outputShapes.length])[startOutput] = grad;
        for (Node node : order) {
            Tensor[] grads = pending.remove(node);
            if (grads == null) continue;
            for (int k = 0; k < grads.length; k++) {
                if (grads[k] == null) grads[k] = Tensor.zeros(node.outputShapes[k]);
                Tensor keeper = node.retained[k];
                if (keeper != null) keeper.grad = keeper.grad == null ? grads[k].clone() : keeper.grad.add(grads[k]);
            }
            Tensor[] inputGrads = node.apply(grads);
            if (!retainGraph) node.release();
            for (int i = 0; i < inputGrads.length && i < node.leaves.length; i++) {
                Tensor gi = inputGrads[i];
                if (gi == null) continue;
                Node next = node.nextNodes[i];
                if (next != null) {
                    requireShape(node, gi, next.outputShapes[node.nextOutputs[i]]);
                    Tensor[] slot = pending.computeIfAbsent(next, n -> new Tensor[n.outputShapes.length]);
                    int k = node.nextOutputs[i];
                    slot[k] = slot[k] == null ? gi : slot[k].add(gi);
                } else if (node.leaves[i] != null) {
                    requireShape(node, gi, node.leaves[i].dims);
                    accumulate(node.leaves[i], gi);
                }
            }
        }
    }

    /** Nodes reachable from start, each after every node that sends it a gradient. */
    private static List<Node> topologicalOrder(Node start) {
        List<Node> postOrder = new ArrayList<>();
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {start, 0});
        seen.put(start, true);
        while (!stack.isEmpty()) {
            Object[] top = stack.peek();
            Node n = (Node) top[0];
            int i = (Integer) top[1];
            if (i < n.nextNodes.length) {
                top[1] = i + 1;
                Node next = n.nextNodes[i];
                if (next != null && seen.putIfAbsent(next, true) == null) stack.push(new Object[] {next, 0});
            } else {
                stack.pop();
                postOrder.add(n);
            }
        }
        List<Node> order = new ArrayList<>(postOrder.size());
        for (int i = postOrder.size() - 1; i >= 0; i--) order.add(postOrder.get(i));
        return order;
    }

    /** leaf.grad += g (a fresh copy the first time, so the grad never shares memory with the graph). */
    static void accumulate(Tensor leaf, Tensor g) {
        if (leaf.grad == null) {
            leaf.grad = g.clone();
        } else {
            if (!Arrays.equals(leaf.grad.dims, g.dims)) {
                throw new ShapeError("The size of tensor a (" + Shapes.str(leaf.grad.dims) + ") must match the size of tensor b ("
                        + Shapes.str(g.dims) + ")",
                        "This tensor's .grad has shape " + Shapes.str(leaf.grad.dims) + ", but the tensor has shape "
                                + Shapes.str(leaf.dims) + ": .grad was set by hand to another shape.",
                        "set x.grad = null (or to zeros of x's shape) before backward");
            }
            Elementwise.inPlace(leaf.grad, g, Arith.ADD);
        }
    }

    private static void requireShape(Node node, Tensor g, int[] expected) {
        if (!Arrays.equals(g.dims, expected)) {
            throw new IllegalStateException("Function " + node.name() + " returned an invalid gradient - got "
                    + new Size(g.dims) + " but expected shape compatible with " + new Size(expected));
        }
    }
}
