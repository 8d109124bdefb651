package layerwise.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * A float32 n-dimensional tensor with PyTorch semantics.
 *
 * <p>A tensor is a window onto a {@code float[]} storage: element {@code [i0, i1, ...]} lives at
 * {@code offset + i0*stride[0] + i1*stride[1] + ...}. Views (reshape when possible, view, transpose,
 * permute, squeeze, unsqueeze, expand, narrow, slice, select, chunk) make a new window over the same
 * storage, so writing through a view changes the original. Everything else returns a new contiguous
 * tensor. Shape mistakes throw {@link ShapeError} with PyTorch's message first.
 *
 * <p>The work is done by small package-private classes: {@code Shapes} (shape arithmetic and
 * broadcasting), {@code Storage} (every new float[], checked against the heap), {@code Views},
 * {@code Strided} (walking strided memory) with {@code Rows}, {@code Arith} and {@code Unary} (its fast
 * loops), {@code Elementwise},
 * {@code Reductions}, {@code Matmul} with {@code MatmulKernels} (chosen by {@link Kernels}), {@code Join} (cat, stack),
 * {@code RandomFill} with {@code Generator} (torch's MT19937 stream), and {@code TensorFormat} (printing).
 */
public final class Tensor {
    // storage, shape (dims), strides and offset: views share storage.
    final float[] storage;
    final int[] dims;
    final int[] strides;
    final int offset;
    /**
     * The shape, as PyTorch's {@code x.shape}: prints as {@code torch.Size([2, 3])}, {@code x.shape.get(0)} is
     * {@code x.shape[0]}. The same value as {@link #size()}; {@link #shape()} gives it as an {@code int[]}.
     */
    public final Size shape;

    // ---- autograd state (see Autograd, Node, Engine)
    /**
     * The gradient of the last backward's loss with respect to this tensor, PyTorch's {@code x.grad}: null
     * until a backward reaches this leaf, then accumulated (added to) by each later backward. Set it to
     * null (or call zero_() on it) between steps. {@link #grad()} reads it with PyTorch's warning for a
     * non-leaf.
     */
    public Tensor grad;
    boolean requiresGrad;
    Node gradFn;
    int outputNr;
    boolean isParameter;
    /** Shared with every view of the same storage (PyTorch's version counter). */
    final Version version;
    /** The tensor this is a view of (never itself a view), or null. */
    final Tensor base;

    Tensor(float[] storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.dims = shape;
        this.strides = strides;
        this.offset = offset;
        this.shape = new Size(shape);
        this.version = new Version();
        this.base = null;
    }

    /** detach(): the same storage and version counter, but a tensor of its own (not a view, no history). */
    Tensor(Tensor of, Version shared) {
        this.storage = of.storage;
        this.dims = of.dims;
        this.strides = of.strides;
        this.offset = of.offset;
        this.shape = of.shape;
        this.version = shared;
        this.base = null;
    }

    /** A view of {@code of}: same storage and version counter, another window. */
    Tensor(Tensor of, int[] shape, int[] strides, int offset) {
        this.storage = of.storage;
        this.dims = shape;
        this.strides = strides;
        this.offset = offset;
        this.shape = new Size(shape);
        this.version = of.version;
        this.base = of.base != null ? of.base : of;
    }

    /** A contiguous tensor over {@code data} itself, no copy: for kernels that built the array for it. */
    static Tensor wrap(float[] data, int... shape) {
        return contiguous(data, shape);
    }

    private static Tensor contiguous(float[] data, int[] shape) {
        return new Tensor(data, shape, Shapes.contiguousStrides(shape), 0);
    }

    // ---------------------------------------------------------------- random numbers
    /** Seeds the one generator, like torch.manual_seed (only the low 32 bits count, as in torch). */
    public static void manualSeed(long seed) { Generator.DEFAULT.manualSeed(seed); }
    /** The generator's state, like torch.get_rng_state(): setRngState(it) replays the same draws. */
    public static RngState getRngState() { return Generator.DEFAULT.state(); }
    /** Puts back a state from getRngState(), like torch.set_rng_state. */
    public static void setRngState(RngState state) { Generator.DEFAULT.restore(state); }

    // ---------------------------------------------------------------- creation
    /** Copies data into a new contiguous tensor of the given shape (no shape: 1-D). */
    public static Tensor of(float[] data, int... shape) {
        Nulls.require(data, "tensor", "data", 1, "array");
        Nulls.require(shape, "tensor", "size", 2, Nulls.SHAPE);
        int[] s = shape.length == 0 ? new int[] {data.length} : Shapes.inferSize(shape, data.length);
        float[] copy = Storage.allocate(s);
        System.arraycopy(data, 0, copy, 0, data.length);
        return contiguous(copy, s);
    }
    public static Tensor of(float[][] data) { return Nested.of(Nulls.require(data, "tensor", "data", 1, "array")); }
    public static Tensor of(float[][][] data) { return Nested.of(Nulls.require(data, "tensor", "data", 1, "array")); }
    public static Tensor of(float[][][][] data) { return Nested.of(Nulls.require(data, "tensor", "data", 1, "array")); }
    /** PyTorch's spelling of {@link #of(float[], int...)}: {@code Tensor.tensor(new float[] {1, 2, 3})}. */
    public static Tensor tensor(float[] data, int... shape) { return of(data, shape); }
    /** PyTorch's spelling of {@link #of(float[][])}, like torch.tensor([[1., 2.], [3., 4.]]). */
    public static Tensor tensor(float[][] data) { return of(data); }
    public static Tensor tensor(float[][][] data) { return of(data); }
    public static Tensor tensor(float[][][][] data) { return of(data); }
    /** torch.tensor(1.0): a 0-d tensor, as {@link #scalar(float)}. */
    public static Tensor tensor(float value) { return scalar(value); }
    /** A 0-d tensor, like torch.tensor(1.0). */
    public static Tensor scalar(float value) { return new Tensor(new float[] {value}, new int[0], new int[0], 0); }
    public static Tensor zeros(int... shape) {
        Nulls.require(shape, "zeros", "size", 1, Nulls.SHAPE);
        int[] s = Shapes.checkCreationShape(shape);
        return contiguous(Storage.allocate(s), s);
    }
    public static Tensor ones(int... shape) { return full(Nulls.require(shape, "ones", "size", 1, Nulls.SHAPE), 1f); }
    /** torch.empty; here always zero-filled. */
    public static Tensor empty(int... shape) { return zeros(Nulls.require(shape, "empty", "size", 1, Nulls.SHAPE)); }
    public static Tensor full(int[] shape, float value) {
        return zeros(Nulls.require(shape, "full", "size", 1, Nulls.SHAPE)).fill_(value);
    }
    public static Tensor arange(int end) { return arange(0, end, 1); }
    /** start, start+step, ... up to but excluding end; element i is start + i*step (computed in double). */
    public static Tensor arange(float start, float end, float step) { return Ranges.arange(start, end, step); }
    /** arange with double arguments, as Python passes them: arange(1, 0, -0.3) matches torch bit for bit. */
    public static Tensor arange(double start, double end, double step) { return Ranges.arange(start, end, step); }
    public static Tensor linspace(float start, float end, int steps) { return Ranges.linspace(start, end, steps); }
    public static Tensor eye(int n) { return eye(n, n); }
    public static Tensor eye(int n, int m) { return Ranges.eye(n, m); }
    /** U[0, 1) from the seeded generator, bit-exact with torch.rand. */
    public static Tensor rand(int... shape) { return zeros(Nulls.require(shape, "rand", "size", 1, Nulls.SHAPE)).uniform_(0, 1); }
    /** N(0, 1) from the seeded generator, bit-exact with torch.randn (its AVX2 kernel for 16+ elements). */
    public static Tensor randn(int... shape) { return zeros(Nulls.require(shape, "randn", "size", 1, Nulls.SHAPE)).normal_(0, 1); }
    public static Tensor zerosLike(Tensor t) { return zeros(Nulls.tensor(t, "zeros_like", "input", 1).dims); }
    public static Tensor onesLike(Tensor t) { return ones(Nulls.tensor(t, "ones_like", "input", 1).dims); }
    public static Tensor fullLike(Tensor t, float value) { return full(Nulls.tensor(t, "full_like", "input", 1).dims, value); }
    public static Tensor randLike(Tensor t) { return rand(Nulls.tensor(t, "rand_like", "input", 1).dims); }
    public static Tensor randnLike(Tensor t) { return randn(Nulls.tensor(t, "randn_like", "input", 1).dims); }
    /** torch.rand(*size, generator=g): U[0, 1) drawn from {@code g} instead of the default generator. */
    public static Tensor rand(Generator g, int... shape) {
        return RandomFill.uniform(zeros(Nulls.require(shape, "rand", "size", 1, Nulls.SHAPE)), 0, 1, orDefault(g));
    }
    /** torch.randn(*size, generator=g): N(0, 1) drawn from {@code g} instead of the default generator. */
    public static Tensor randn(Generator g, int... shape) {
        return RandomFill.normal(zeros(Nulls.require(shape, "randn", "size", 1, Nulls.SHAPE)), 0, 1, orDefault(g));
    }
    /**
     * torch.randperm(n): 0, 1, ..., n-1 shuffled by the default generator, bit-exact with PyTorch's CPU
     * randperm (a Fisher-Yates shuffle taking n-1 random words; see Randperm). float32 like every tensor
     * here, so n is limited to 2^24.
     */
    public static Tensor randperm(int n) { return Randperm.tensor(n, Generator.DEFAULT); }
    /** torch.randperm(n, generator=g): the permutation drawn from {@code g}. */
    public static Tensor randperm(int n, Generator g) { return Randperm.tensor(n, orDefault(g)); }
    /** generator=None in PyTorch means the default generator; a null Generator here means the same. */
    private static Generator orDefault(Generator g) { return g == null ? Generator.DEFAULT : g; }

    // ---------------------------------------------------------------- in-place fills (torch's trailing underscore)
    /** Fills in storage order from U(from, to), bit-exact with torch's uniform_. Returns this. */
    public Tensor uniform_(double from, double to) { return InPlace.uniform(this, from, to); }
    /** Fills from N(mean, std^2), bit-exact with torch's normal_ (see randn). Returns this. */
    public Tensor normal_(double mean, double std) { return InPlace.normal(this, mean, std); }
    public Tensor fill_(float value) { return InPlace.fill(this, value); }
    public Tensor zero_() { return fill_(0f); }
    /** Copies src (broadcast to this shape) into this tensor's elements. Returns this. */
    public Tensor copy_(Tensor src) { return InPlace.copy(this, Nulls.tensor(src, "copy_", "src", 1)); }
    /** Sets one element. */
    public void set(float value, int... index) { InPlace.set(this, value, position(index), index); }

    // ---------------------------------------------------------------- metadata
    public int[] shape() { return dims.clone(); }
    /** The shape as a value that prints like PyTorch's {@code torch.Size([2, 3, 4])}; {@code size(d)} is one dim. */
    public Size size() { return shape; }
    public int size(int dim) { return dims.length == 0 ? checkScalarDim(dim) : dims[Shapes.wrapDim(dim, dims.length)]; }
    public int dim() { return dims.length; }
    public int numel() { return Shapes.numel(dims); }
    public int[] stride() { return strides.clone(); }
    public int storageOffset() { return offset; }
    public boolean isContiguous() {
        int expected = 1;
        for (int d = dims.length - 1; d >= 0; d--) {
            if (dims[d] == 0) return true;
            if (dims[d] != 1 && strides[d] != expected) return false;
            expected *= dims[d];
        }
        return true;
    }
    /** True when both tensors are views of the same storage array. */
    public boolean sharesStorageWith(Tensor other) { return storage == other.storage; }

    // ---------------------------------------------------------------- element access
    public float get(int... index) { return storage[position(index)]; }
    /** The value of a one-element tensor. */
    public float item() {
        if (numel() != 1) {
            throw new ShapeError("only one element tensors can be converted to Python scalars",
                    "item() reads a single value, but this tensor has shape " + Shapes.str(dims) + " (" + numel()
                            + " elements).", "reduce it first (e.g. sum() or mean()), or read one element with get(...)");
        }
        return toFloatArray()[0];
    }
    /** A row-major copy of the elements. */
    public float[] toFloatArray() { return Strided.toArray(this); }

    // ---------------------------------------------------------------- views (share storage)
    public Tensor reshape(int... shape) { return ViewGrad.reshape(this, shape); }
    public Tensor view(int... shape) { return ViewGrad.view(this, shape); }
    public Tensor transpose(int dim0, int dim1) { return ViewGrad.transpose(this, dim0, dim1); }
    public Tensor t() { return ViewGrad.t(this); }
    public Tensor permute(int... dims) { return ViewGrad.permute(this, dims); }
    public Tensor squeeze() { return ViewGrad.squeeze(this); }
    public Tensor squeeze(int dim) { return ViewGrad.squeeze(this, dim); }
    public Tensor unsqueeze(int dim) { return ViewGrad.unsqueeze(this, dim); }
    public Tensor expand(int... shape) { return ViewGrad.expand(this, shape); }
    public Tensor flatten() { return flatten(0, -1); }
    /** Merges dims startDim .. last into one, like x.flatten(start_dim). */
    public Tensor flatten(int startDim) { return flatten(startDim, -1); }
    public Tensor flatten(int startDim, int endDim) { return ViewGrad.flatten(this, startDim, endDim); }
    public Tensor narrow(int dim, int start, int length) { return ViewGrad.narrow(this, dim, start, length); }
    /** x[..., start:end] along dim (negative indices count from the end, like Python). */
    public Tensor slice(int dim, int start, int end) { return slice(dim, start, end, 1); }
    public Tensor slice(int dim, int start, int end, int step) { return ViewGrad.slice(this, dim, start, end, step); }
    public Tensor select(int dim, int index) { return ViewGrad.select(this, dim, index); }
    /** torch.chunk: splits into chunks pieces along dim (views). */
    public List<Tensor> chunk(int chunks, int dim) { return ViewGrad.chunk(this, chunks, dim); }
    /** This tensor when it is already contiguous, otherwise a contiguous copy. */
    public Tensor contiguous() { return isContiguous() ? this : clone(); }
    @Override public Tensor clone() { return ElementwiseGrad.clone(this); }

    // ---------------------------------------------------------------- elementwise, with broadcasting
    public Tensor add(Tensor other) { return ElementwiseGrad.add(this, Nulls.tensor(other, "add", "other", 1)); }
    public Tensor add(float value) { return ElementwiseGrad.addScalar(this, Arith.ADD, value); }
    /** {@code x.add(other, alpha=a)}: x + a·other, each element one fused multiply-add, as PyTorch's CPU kernel. */
    public Tensor add(Tensor other, float alpha) { return ElementwiseGrad.addScaled(this, Nulls.tensor(other, "add", "other", 1), alpha); }
    public Tensor sub(Tensor other) { return ElementwiseGrad.sub(this, Nulls.tensor(other, "sub", "other", 1)); }
    public Tensor sub(float value) { return ElementwiseGrad.addScalar(this, Arith.SUB, value); }
    public Tensor mul(Tensor other) { return ElementwiseGrad.mul(this, Nulls.tensor(other, "mul", "other", 1)); }
    public Tensor mul(float value) { return ElementwiseGrad.mulScalar(this, value); }
    public Tensor div(Tensor other) { return ElementwiseGrad.div(this, Nulls.tensor(other, "div", "other", 1)); }
    public Tensor div(float value) { return ElementwiseGrad.divScalar(this, value); }
    public Tensor pow(float exponent) { return ElementwiseGrad.pow(this, exponent); }
    public Tensor neg() { return ElementwiseGrad.neg(this); }
    public Tensor exp() { return ElementwiseGrad.exp(this); }
    public Tensor log() { return ElementwiseGrad.log(this); }
    public Tensor sqrt() { return ElementwiseGrad.sqrt(this); }
    public Tensor abs() { return ElementwiseGrad.abs(this); }
    public Tensor tanh() { return ElementwiseGrad.tanh(this); }
    public Tensor sigmoid() { return ElementwiseGrad.sigmoid(this); }
    public Tensor relu() { return ElementwiseGrad.relu(this); }
    public Tensor clamp(float min, float max) { return ElementwiseGrad.clamp(this, min, max); }
    /** In place: this += value. Returns this. */
    public Tensor add_(float value) { return InPlace.scalar(this, Arith.ADD, value, "AddBackward1", 1f); }
    /** In place: this -= value. Returns this. */
    public Tensor sub_(float value) { return InPlace.scalar(this, Arith.SUB, value, "SubBackward1", 1f); }
    /** In place: this *= value. Returns this. */
    public Tensor mul_(float value) { return InPlace.scalar(this, Arith.MUL, value, "MulBackward1", value); }
    /** In place: this /= value. Returns this. */
    public Tensor div_(float value) { return InPlace.scalar(this, Arith.DIV, value, "DivBackward1", 1f / value); }
    /** In place, other broadcast to this shape: this += other. Returns this. */
    public Tensor add_(Tensor other) { return InPlace.add(this, Nulls.tensor(other, "add_", "other", 1)); }
    /**
     * {@code x.add_(other, alpha=a)}: x += a·other in place, each element one fused multiply-add (rounded
     * once), as PyTorch computes it; the step of SGD, {@code p.add_(g, -lr)}. Returns this.
     */
    public Tensor add_(Tensor other, float alpha) { return InPlace.addScaled(this, Nulls.tensor(other, "add_", "other", 1), alpha); }
    /** In place, other broadcast to this shape: this -= other. Returns this. */
    public Tensor sub_(Tensor other) { return InPlace.sub(this, Nulls.tensor(other, "sub_", "other", 1)); }
    /** In place, other broadcast to this shape: this *= other. Returns this. */
    public Tensor mul_(Tensor other) { return InPlace.mul(this, Nulls.tensor(other, "mul_", "other", 1)); }

    // ---------------------------------------------------------------- linear algebra and joining
    /** torch.matmul: 1-D, 2-D and batched/broadcast operands (kernel chosen by {@link Kernels}). */
    public Tensor matmul(Tensor other) { return MatmulGrad.matmul(this, Nulls.tensor(other, "matmul", "other", 1)); }
    /** torch.mm: matrix @ matrix only. */
    public Tensor mm(Tensor other) { return MatmulGrad.mm(this, Nulls.tensor(other, "mm", "mat2", 1)); }
    /** torch.bmm: (B, n, m) @ (B, m, p), no broadcasting. */
    public Tensor bmm(Tensor other) { return MatmulGrad.bmm(this, Nulls.tensor(other, "bmm", "mat2", 1)); }
    public static Tensor cat(List<Tensor> tensors, int dim) { return JoinGrad.cat(checkedList(tensors, "cat"), dim); }
    public static Tensor cat(Tensor... tensors) { return cat(tensors == null ? null : Arrays.asList(tensors), 0); }
    public static Tensor stack(List<Tensor> tensors, int dim) { return JoinGrad.stack(checkedList(tensors, "stack"), dim); }
    public static Tensor stack(Tensor... tensors) { return stack(tensors == null ? null : Arrays.asList(tensors), 0); }

    // ---------------------------------------------------------------- reductions
    public Tensor sum() { return ReductionGrad.sum(this); }
    public Tensor sum(int dim) { return sum(dim, false); }
    public Tensor sum(int dim, boolean keepdim) { return ReductionGrad.sum(this, dim, keepdim); }
    public Tensor mean() { return ReductionGrad.mean(this); }
    public Tensor mean(int dim) { return mean(dim, false); }
    public Tensor mean(int dim, boolean keepdim) { return ReductionGrad.mean(this, dim, keepdim); }
    /** Unbiased (n-1), as torch's default. */
    public Tensor var() { return ReductionGrad.var(this, null, true, false); }
    public Tensor var(int dim, boolean keepdim) { return var(dim, true, keepdim); }
    public Tensor var(int dim, boolean unbiased, boolean keepdim) { return ReductionGrad.var(this, dim, unbiased, keepdim); }
    public Tensor std() { return ReductionGrad.std(this, null, true, false); }
    public Tensor std(int dim, boolean keepdim) { return ReductionGrad.std(this, dim, true, keepdim); }
    public Tensor std(int dim, boolean unbiased, boolean keepdim) { return ReductionGrad.std(this, dim, unbiased, keepdim); }
    public Tensor max() { return extreme(1, "max"); }
    public Tensor max(int dim, boolean keepdim) { return extreme(dim, keepdim, 1, "max", false); }
    public Tensor min() { return extreme(-1, "min"); }
    public Tensor min(int dim, boolean keepdim) { return extreme(dim, keepdim, -1, "min", false); }
    /** Index of the largest element of the flattened tensor, as a 0-d float tensor. */
    public Tensor argmax() {
        Reductions.requireNonEmpty(this, "argmax");
        return Reductions.all(this, (x, from, n) -> Reductions.argExtreme(x, from, n, 1));
    }
    /** Indices (as floats) of the largest elements along dim. */
    public Tensor argmax(int dim, boolean keepdim) { return extreme(dim, keepdim, 1, "argmax", true); }

    private Tensor extreme(int sign, String op) {
        Reductions.requireNonEmpty(this, op);
        return ReductionGrad.extreme(this, sign);
    }

    private Tensor extreme(int dim, boolean keepdim, int sign, String op, boolean index) {
        Reductions.requireNonEmptyDim(this, dim, op);
        if (!index) return ReductionGrad.extreme(this, dim, keepdim, sign);
        return Reductions.along(this, dim, keepdim, (x, from, n) -> {
            int i = Reductions.argExtreme(x, from, n, sign);
            return index ? i : x[from + i];
        });
    }


    // ---------------------------------------------------------------- autograd (see Autograd)

    /** {@code x.requires_grad}: whether ops on this tensor record a graph for backward. */
    public boolean requiresGrad() { return requiresGrad; }

    /**
     * {@code x.requires_grad_(flag)}: from now on ops on this leaf record the graph backward() needs, and
     * backward() leaves dL/dx in {@link #grad}. Returns this, so {@code Tensor.randn(3).requiresGrad(true)}
     * reads like torch.randn(3, requires_grad=True).
     */
    public Tensor requiresGrad(boolean flag) {
        if (gradFn != null && !flag) {
            throw new AutogradError("you can only change requires_grad flags of leaf variables. If you want to use a computed "
                    + "variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().",
                    "This tensor was computed by " + gradFn.name() + "; whether it needs a gradient follows from its inputs.",
                    "use x.detach(), a tensor with the same values and no history");
        }
        requiresGrad = flag || gradFn != null;
        return this;
    }
    /** PyTorch's spelling: {@code x.requires_grad_()}. */
    public Tensor requires_grad_() { return requiresGrad(true); }
    public Tensor requires_grad_(boolean flag) { return requiresGrad(flag); }

    /** {@code x.is_leaf}: made by the user (or a parameter), not computed by a recorded op. */
    public boolean isLeaf() { return gradFn == null; }

    /** {@code x.grad_fn}: the op that computed this tensor, or null for a leaf (and under noGrad). */
    public Node gradFn() { return gradFn; }

    /**
     * {@code x.grad} with PyTorch's warning: reading it on a non-leaf that does not {@link #retainGrad()}
     * gets null and the warning, as the engine fills only leaves' grads.
     */
    public Tensor grad() {
        if (gradFn != null && grad == null && !retains() && NON_LEAF_WARNED.compareAndSet(false, true)) {
            System.err.println("UserWarning: The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its "
                    + ".grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be "
                    + "populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf "
                    + "Tensor by mistake, make sure you access the leaf Tensor instead.");
        }
        return grad;
    }

    private boolean retains() { return gradFn != null && gradFn.retained[outputNr] == this; }

    private static final java.util.concurrent.atomic.AtomicBoolean NON_LEAF_WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    /** {@code x.retain_grad()}: backward also keeps this non-leaf's gradient in {@link #grad}. */
    public void retainGrad() {
        if (!requiresGrad) {
            throw new AutogradError("can't retain_grad on Tensor that has requires_grad=False",
                    "Only a tensor in the graph gets a gradient.", "make an input requiresGrad(true) before computing this tensor");
        }
        if (gradFn != null) gradFn.retained[outputNr] = this;
    }
    /** PyTorch's spelling of {@link #retainGrad()}. */
    public void retain_grad() { retainGrad(); }

    /** {@code x.backward()}: dL/d(every leaf that requires grad) for this one-element L, added into each leaf's grad. */
    public void backward() { Engine.backward(this, null, false); }

    /** {@code y.backward(gradient)}: backward from a y of any shape, given dL/dy (the same shape as y). */
    public void backward(Tensor gradient) { Engine.backward(this, Nulls.tensor(gradient, "backward", "gradient", 1), false); }

    /** {@code loss.backward(retain_graph=True)}: backward from this one-element loss, keeping the graph for another. */
    public void backward(boolean retainGraph) { Engine.backward(this, null, retainGraph); }

    /** {@code backward(gradient, retain_graph=True)}: keeps the graph for another backward. gradient may be null for a scalar. */
    public void backward(Tensor gradient, boolean retainGraph) { Engine.backward(this, gradient, retainGraph); }

    /** {@code x.detach()}: the same values (shared storage), no history, requires_grad=False. */
    public Tensor detach() { return new Tensor(this, version); }

    /** {@code x.is_parameter}: registered by a layer (prints as {@code Parameter containing:}). */
    public boolean isParameter() { return isParameter; }

    private static List<Tensor> checkedList(List<Tensor> tensors, String op) {
        return Nulls.tensors(tensors, op, "tensors", 1);
    }

    // ---------------------------------------------------------------- comparison and printing
    /** torch.allclose with rtol 1e-5, atol 1e-8. */
    public boolean allclose(Tensor other) { return allclose(other, 1e-5, 1e-8); }
    /** |this - other| &lt;= atol + rtol * |other| for every element (after broadcasting); NaN is never close. */
    public boolean allclose(Tensor other, double rtol, double atol) {
        Nulls.tensor(other, "allclose", "other", 1);
        Tensor close = Elementwise.binary(this, other,
                (a, b) -> a == b || Math.abs((double) a - b) <= atol + rtol * Math.abs((double) b) ? 1f : 0f);
        for (float c : close.storage) if (c == 0f) return false;
        return true;
    }
    /**
     * torch.equal: same shape and every pair of values equal by {@code ==}, so NaN is not equal to NaN
     * and 0.0 equals -0.0 (unlike Arrays.equals, which compares bits).
     */
    public boolean equal(Tensor other) {
        Nulls.tensor(other, "equal", "other", 1);
        if (!Arrays.equals(dims, other.dims)) return false;
        float[] a = toFloatArray(), b = other.toFloatArray();
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) return false;
        }
        return true;
    }
    /** Prints like torch: tensor([[ 0.1234, -0.5678]]), summarised above 1000 elements. */
    @Override public String toString() {
        String text = TensorFormat.format(this);
        String suffix = gradFn != null ? ", grad_fn=<" + gradFn.name() + ">" : requiresGrad ? ", requires_grad=True" : "";
        text = text.substring(0, text.length() - 1) + suffix + ")";
        return isParameter ? "Parameter containing:\n" + text : text;
    }

    // ---------------------------------------------------------------- index helpers
    int position(int[] index) {
        if (index.length != dims.length) {
            String text = index.length > dims.length ? "too many indices for tensor of dimension " + dims.length
                    : "expected " + dims.length + " indices for tensor of dimension " + dims.length + ", got " + index.length;
            throw new IndexError(text, "This tensor has shape " + Shapes.str(dims) + ".",
                    "pass exactly " + dims.length + " indices");
        }
        int[] wrapped = new int[index.length];
        for (int d = 0; d < index.length; d++) {
            int i = index[d];
            if (i < -dims[d] || i >= dims[d]) {
                throw new IndexError("index " + i + " is out of bounds for dimension " + d + " with size " + dims[d],
                        "Valid indices for dim " + d + " are " + (-dims[d]) + " .. " + (dims[d] - 1) + ".",
                        "pass an index in that range");
            }
            wrapped[d] = i < 0 ? i + dims[d] : i;
        }
        return Strided.position(this, wrapped);
    }

    private static int checkScalarDim(int dim) {
        Shapes.wrapDim(dim, 0);
        throw new IndexError("Dimension specified as " + dim + " but tensor has no dimensions",
                "A 0-d tensor has no sizes.", "use numel() or reshape(1) first");
    }

    // ---------------------------------------------------------------- PyTorch attributes, spelled as methods
    // Java has no properties: x.T, x.mT, x.dtype and x.device are methods here, x.T() and so on.

    private static final java.util.concurrent.atomic.AtomicBoolean T_WARNED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * {@code x.T}: a view with the dims reversed, {@code permute(n-1, ..., 0)}; the transpose for a matrix,
     * the tensor itself for 0-D and 1-D. On other than 2 dims PyTorch 1.13 warns once that this use is
     * deprecated, and so does this.
     */
    public Tensor T() {
        int n = dim();
        if (n != 2 && n != 0 && T_WARNED.compareAndSet(false, true)) {
            System.err.println("UserWarning: The use of `x.T` on tensors of dimension other than 2 to reverse their shape is "
                    + "deprecated and it will throw an error in a future release. Consider `x.mT` to transpose batches of "
                    + "matrices or `x.permute(*torch.arange(x.ndim - 1, -1, -1))` to reverse the dimensions of a tensor.");
        }
        int[] reversed = new int[n];
        for (int d = 0; d < n; d++) reversed[d] = n - 1 - d;
        return permute(reversed);
    }

    /** {@code x.mT}: the last two dims swapped, a batch of matrices transposed; a view. */
    public Tensor mT() {
        if (dim() < 2) {
            throw new ShapeError("tensor.mT is only supported on matrices or batches of matrices. Got " + dim() + "-D tensor.",
                    "mT swaps the last two dims, and a " + dim() + "-D tensor " + Shapes.str(shape()) + " has "
                            + (dim() == 0 ? "none." : "one."),
                    dim() == 1 ? "make it a row or a column first: x.unsqueeze(0).mT() is the column " + Shapes.str(size(0), 1)
                            : "reshape it to a matrix first, e.g. x.reshape(1, 1)");
        }
        return transpose(-2, -1);
    }

    /** {@code x.dtype}: always {@code torch.float32} here. */
    public DType dtype() {
        return DType.FLOAT32;
    }

    /** {@code x.device}: always {@code cpu} here. */
    public Device device() {
        return Device.CPU;
    }

    /**
     * {@code x.to("cpu")}: this tensor itself (PyTorch returns the tensor, not a copy, when nothing changes).
     * Every other device is an error with PyTorch's message: the workbook computes on the CPU only.
     */
    public Tensor to(String device) {
        String d = device == null ? "null" : device.strip();
        String type = d.contains(":") ? d.substring(0, d.indexOf(':')) : d;
        String index = d.contains(":") ? d.substring(d.indexOf(':') + 1) : "";
        if (type.equals("cpu") && (index.isEmpty() || index.matches("0|-1"))) return this;
        String why = "The workbook computes on the CPU only, in Java: every tensor lives in the JVM's memory, so there is no "
                + "other device to move it to.";
        String fix = "drop the .to(...) call, or write .to(\"cpu\") (which returns the tensor itself); the same code runs "
                + "on a GPU in PyTorch";
        if (type.equals("cuda")) throw new ValueError("Torch not compiled with CUDA enabled", why, fix);
        if (java.util.List.of(TORCH_DEVICE_TYPES).contains(type) && !type.equals("cpu")) {
            throw new ValueError("PyTorch is not linked with support for " + type + " devices", why, fix);
        }
        if (type.equals("cpu") && index.matches("\\d+")) {
            throw new ValueError("CPU device index must be -1 or zero, got " + index, why, fix);
        }
        if (type.equals("cpu")) throw new ValueError("Invalid device string: '" + d + "'", why, fix);
        throw new ValueError("Expected one of " + String.join(", ", TORCH_DEVICE_TYPES)
                + " device type at start of device string: " + d, why, fix);
    }

    /** The device types PyTorch 1.13 parses, in its message's order. */
    private static final String[] TORCH_DEVICE_TYPES = {"cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep",
        "hip", "ve", "fpga", "ort", "xla", "lazy", "vulkan", "mps", "meta", "hpu", "privateuseone"};
}
