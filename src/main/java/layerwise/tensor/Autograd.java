package layerwise.tensor;

import java.util.function.Supplier;

/**
 * Autograd switches and entry points, like {@code torch.autograd} and {@code torch.no_grad}.
 *
 * <p>Every differentiable op records, when an input requires grad and grad mode is on, a {@link Node}
 * on its output (the output's {@code gradFn}); {@link Tensor#backward()} walks those nodes from the
 * output back to the leaves, applying each op's derivative (the chain rule), and adds the result into
 * each leaf's {@code grad}. With grad mode off (inside {@link #noGrad()}) ops record nothing, as in
 * PyTorch: that is how weights are set, and how an evaluation skips the bookkeeping.
 *
 * <pre>
 *   try (var g = Autograd.noGrad()) {      // with torch.no_grad():
 *       lin.weight.copy_(w);
 *   }
 * </pre>
 * Grad mode belongs to the thread, as in PyTorch.
 */
public final class Autograd {
    private Autograd() {
    }

    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    /** A grad-mode scope that puts the previous mode back when closed (try-with-resources). */
    public static final class GradMode implements AutoCloseable {
        private final boolean previous;

        private GradMode(boolean enabled) {
            boolean[] flag = ENABLED.get();
            previous = flag[0];
            flag[0] = enabled;
        }

        @Override
        public void close() {
            ENABLED.get()[0] = previous;
        }

        @Override
        public String toString() {
            return "<torch.autograd.grad_mode.no_grad object>";
        }
    }

    /** {@code with torch.no_grad():} as {@code try (var g = Autograd.noGrad()) { ... }}: ops inside record nothing. */
    public static GradMode noGrad() {
        return new GradMode(false);
    }

    /** {@code with torch.enable_grad():} turns recording back on inside a no-grad scope. */
    public static GradMode enableGrad() {
        return new GradMode(true);
    }

    /** {@code torch.is_grad_enabled()}. */
    public static boolean isGradEnabled() {
        return ENABLED.get()[0];
    }

    /** {@code torch.set_grad_enabled(mode)}, for the rest of this thread (prefer the scopes). */
    public static void setGradEnabled(boolean enabled) {
        ENABLED.get()[0] = enabled;
    }

    /**
     * {@code torch.autograd.backward(tensor, grad_tensor)}: the same as {@code tensor.backward(gradient)}.
     */
    public static void backward(Tensor tensor, Tensor gradient) {
        Engine.backward(Nulls.tensor(tensor, "backward", "tensors", 1), gradient, false);
    }

    /**
     * {@code nn.Parameter(t)}: marks t as a parameter, which requires grad and prints as
     * {@code Parameter containing:}. A layer does this for each weight and bias it registers. Returns t.
     */
    public static Tensor parameter(Tensor t) {
        Nulls.tensor(t, "Parameter", "data", 1);
        if (t.gradFn != null) {
            throw new ValueError("Cannot assign a non-leaf Tensor as a parameter",
                    "A parameter is a leaf of the graph, where gradients end; this tensor was computed by " + t.gradFn.name() + ".",
                    "register t.detach() instead");
        }
        t.isParameter = true;
        t.requiresGrad = true;
        return t;
    }

    /**
     * {@code torch.autograd.gradcheck(fn, x)}: true when backward's gradient of fn equals the one finite
     * differences measure, for every element of x; otherwise an {@link AutogradError} naming the element
     * and both values. x must require grad. See {@link GradCheck} for the step and tolerances (float32).
     * <pre>
     *   Autograd.gradcheck(x -&gt; x.tanh().mul(x), Tensor.randn(5).requiresGrad(true))
     * </pre>
     */
    public static boolean gradcheck(java.util.function.UnaryOperator<Tensor> fn, Tensor x) {
        Nulls.require(fn, "gradcheck", "func", 1, "function");
        return gradcheck(xs -> fn.apply(xs.get(0)), java.util.List.of(Nulls.tensor(x, "gradcheck", "inputs", 2)));
    }

    /** gradcheck of a function of two tensors: {@code Autograd.gradcheck((a, b) -> a.mul(b), a, b)}. */
    public static boolean gradcheck(java.util.function.BinaryOperator<Tensor> fn, Tensor a, Tensor b) {
        Nulls.require(fn, "gradcheck", "func", 1, "function");
        return gradcheck(xs -> fn.apply(xs.get(0), xs.get(1)),
                java.util.List.of(Nulls.tensor(a, "gradcheck", "inputs", 2), Nulls.tensor(b, "gradcheck", "inputs", 3)));
    }

    /** gradcheck of a function of any number of tensors, given as a list. */
    public static boolean gradcheck(java.util.function.Function<java.util.List<Tensor>, Tensor> fn, java.util.List<Tensor> inputs) {
        return gradcheck(fn, inputs, GradCheck.EPS, GradCheck.ATOL, GradCheck.RTOL);
    }

    /** gradcheck with your own step and tolerances (eps, atol, rtol). */
    public static boolean gradcheck(java.util.function.Function<java.util.List<Tensor>, Tensor> fn, java.util.List<Tensor> inputs,
                                    double eps, double atol, double rtol) {
        Nulls.require(fn, "gradcheck", "func", 1, "function");
        Nulls.tensors(inputs, "gradcheck", "inputs", 2);
        return GradCheck.check(fn, inputs, eps, atol, rtol);
    }

    /**
     * Your own op with your own derivative, as a {@code torch.autograd.Function} subclass with a static
     * {@code forward} and {@code backward}: {@code forward} computes the output from the input (with grad mode
     * off, so it records nothing itself), and {@code backward} turns dL/d(output) into dL/d(input), given
     * {@code (grad, input)}. When the input requires grad the output's {@code grad_fn} is a node named
     * {@code name}. Nothing checks that the derivative is right: {@link #gradcheck} does.
     * <pre>
     *   Tensor cube(Tensor x) {
     *       return Autograd.function("CubeBackward", x, t -&gt; t.pow(3), (g, t) -&gt; g.mul(t.pow(2)).mul(3));
     *   }
     *   Autograd.gradcheck(x -&gt; cube(x), Tensor.randn(5).requiresGrad(true))   // true
     * </pre>
     */
    public static Tensor function(String name, Tensor input, java.util.function.UnaryOperator<Tensor> forward,
                                  java.util.function.BinaryOperator<Tensor> backward) {
        Nulls.require(name, "Function", "name", 1, "string");
        Nulls.tensor(input, "Function", "input", 2);
        Nulls.require(forward, "Function", "forward", 3, "function");
        Nulls.require(backward, "Function", "backward", 4, "function");
        return op(name, () -> {
            Tensor out = forward.apply(input);
            if (out == null) {
                throw new ValueError(name + ": forward returned null", "An op's forward must return the tensor it computes.",
                        "return the result of the computation from forward");
            }
            return out;
        }, (g, out) -> new Tensor[] {backward.apply(g, input)}, new Tensor[] {input}, input);
    }

    // ---------------------------------------------------------------- recording, for the ops

    /** True when an op on these inputs must record: grad mode is on and one of them requires grad. */
    static boolean recording(Tensor a) {
        return a.requiresGrad && isGradEnabled();
    }

    static boolean recording(Tensor a, Tensor b) {
        return (a.requiresGrad || (b != null && b.requiresGrad)) && isGradEnabled();
    }

    static boolean recording(Tensor... inputs) {
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad) return isGradEnabled();
        }
        return false;
    }

    /** dL/d(each input) from dL/d(the output) and the output itself. */
    @FunctionalInterface
    interface Derivative {
        Tensor[] apply(Tensor grad, Tensor out);
    }

    /**
     * Runs forward and, when recording, gives its output a node named {@code name} whose gradients
     * {@code derivative} computes. The forward runs with grad mode off, so an op built from other ops
     * records once, as itself. {@code saved} are the tensors the derivative reads (version-checked);
     * pass {@link #OUTPUT} among them when it reads the output.
     */
    static Tensor op(String name, Supplier<Tensor> forward, Derivative derivative, Tensor[] inputs, Tensor... saved) {
        if (!recording(inputs)) return forward.get();
        Tensor out;
        try (GradMode g = noGrad()) {
            out = forward.get();
        }
        for (Tensor in : inputs) {
            if (out == in) out = Views.alias(in);
        }
        Tensor result = out;
        Tensor[] savedNow = new Tensor[saved.length];
        for (int i = 0; i < saved.length; i++) savedNow[i] = saved[i] == OUTPUT ? result : saved[i];
        Node node = new Node(name, inputs, savedNow, grads -> derivative.apply(grads[0], result), 1);
        attach(result, node, 0);
        node.noteOrigins();
        return result;
    }

    /** A marker for {@link #op}'s saved list: "the output". */
    static final Tensor OUTPUT = Tensor.scalar(0f);

    /** dL/d(each input) from dL/d(each output) (zeros where an output got none) and the outputs. */
    @FunctionalInterface
    interface MultiDerivative {
        Tensor[] apply(Tensor[] grads, Tensor[] outs);
    }

    /** {@link #op} for an op with several outputs (chunk, LSTM's output, h_n and c_n, max with indices). */
    static Tensor[] multi(String name, Supplier<Tensor[]> forward, MultiDerivative derivative, Tensor[] inputs,
                          Tensor... saved) {
        if (!recording(inputs)) return forward.get();
        Tensor[] outs;
        try (GradMode g = noGrad()) {
            outs = forward.get().clone();
        }
        for (int k = 0; k < outs.length; k++) {
            for (Tensor in : inputs) {
                if (outs[k] == in) outs[k] = Views.alias(in);
            }
        }
        Tensor[] result = outs;
        Node node = new Node(name, inputs, saved, grads -> derivative.apply(grads, result), outs.length);
        for (int k = 0; k < outs.length; k++) attach(outs[k], node, k);
        node.noteOrigins();
        return result;
    }

    /** Makes node the history of out, its output number index: out now requires grad, and backward reaches node through it. */
    private static void attach(Tensor out, Node node, int index) {
        out.gradFn = node;
        out.outputNr = index;
        out.requiresGrad = true;
        node.outputShapes[index] = out.dims;
    }

    // ---------------------------------------------------------------- in-place ops

    /**
     * Called by every in-place op before it writes into {@code self}: refuses a leaf that requires grad
     * (or a view of one) while grad mode is on, as PyTorch does, and bumps the version counter that the
     * saved-tensor check reads.
     */
    static void beforeInPlace(Tensor self) {
        if (isGradEnabled()) {
            if (self.requiresGrad && self.gradFn == null) throw AutogradError.leafInPlace(false);
            Tensor base = self.base;
            if (base != null && base.requiresGrad && base.gradFn == null) throw AutogradError.leafInPlace(true);
        }
        self.version.value++;
    }

    /**
     * An in-place op on a tensor of the graph, or with an input that requires grad ({@code buf.add_(w)}):
     * the tensor's history becomes this op, whose input is the tensor as it was. A view of a graph tensor
     * cannot be rebased that way here (PyTorch rewrites its base's history); that is refused, with the
     * out-of-place form as the fix.
     */
    static void rebase(Tensor self, String name, Derivative derivative, Tensor... others) {
        boolean any = self.requiresGrad;
        for (Tensor o : others) any |= o != null && o.requiresGrad;
        if (!any || !isGradEnabled()) return;
        if (self.base != null) {
            throw new AutogradError("an in-place operation on a view of a tensor that requires grad is not supported here",
                    "PyTorch rewrites the history of the whole base tensor in that case (CopySlices); this workbook's autograd "
                            + "keeps in-place ops to whole tensors.",
                    "write it out of place, e.g. build the pieces and join them with Tensor.cat or Tensor.stack");
        }
        Tensor before = Views.alias(self);
        before.gradFn = self.gradFn;
        before.outputNr = self.outputNr;
        before.requiresGrad = self.requiresGrad;
        Tensor[] inputs = new Tensor[others.length + 1];
        inputs[0] = before;
        System.arraycopy(others, 0, inputs, 1, others.length);
        Node node = new Node(name, inputs, new Tensor[0], grads -> derivative.apply(grads[0], self), 1);
        attach(self, node, 0);
        node.noteOrigins();
    }
}
