package layerwise.tensor;

import java.util.List;

/**
 * A float32 n-dimensional tensor with PyTorch semantics.
 *
 * <p>API CONTRACT (bodies pending): every public signature below is relied on by the other packages.
 * Implementations may add methods and private helpers but must keep these signatures.
 */
public final class Tensor {
    // storage, shape, strides and offset: views share storage.
    final float[] storage;
    final int[] shape;
    final int[] strides;
    final int offset;

    Tensor(float[] storage, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    private static UnsupportedOperationException pending() {
        return new UnsupportedOperationException("pending");
    }

    // ---------------------------------------------------------------- random numbers
    /** Seeds the one generator, like torch.manual_seed. */
    public static void manualSeed(long seed) { throw pending(); }

    // ---------------------------------------------------------------- creation
    /** Copies data into a new contiguous tensor of the given shape (no shape: 1-D). */
    public static Tensor of(float[] data, int... shape) { throw pending(); }
    public static Tensor of(float[][] data) { throw pending(); }
    public static Tensor of(float[][][] data) { throw pending(); }
    public static Tensor of(float[][][][] data) { throw pending(); }
    /** A 0-d tensor, like torch.tensor(1.0). */
    public static Tensor scalar(float value) { throw pending(); }
    public static Tensor zeros(int... shape) { throw pending(); }
    public static Tensor ones(int... shape) { throw pending(); }
    /** torch.empty; here always zero-filled. */
    public static Tensor empty(int... shape) { throw pending(); }
    public static Tensor full(int[] shape, float value) { throw pending(); }
    public static Tensor arange(int end) { throw pending(); }
    public static Tensor arange(float start, float end, float step) { throw pending(); }
    public static Tensor linspace(float start, float end, int steps) { throw pending(); }
    public static Tensor eye(int n) { throw pending(); }
    public static Tensor eye(int n, int m) { throw pending(); }
    /** U[0, 1) from the seeded generator, bit-exact with torch.rand. */
    public static Tensor rand(int... shape) { throw pending(); }
    /** N(0, 1) from the seeded generator, like torch.randn. */
    public static Tensor randn(int... shape) { throw pending(); }
    public static Tensor zerosLike(Tensor t) { throw pending(); }
    public static Tensor onesLike(Tensor t) { throw pending(); }
    public static Tensor fullLike(Tensor t, float value) { throw pending(); }
    public static Tensor randLike(Tensor t) { throw pending(); }
    public static Tensor randnLike(Tensor t) { throw pending(); }

    // ---------------------------------------------------------------- in-place fills (torch's trailing underscore)
    /** Fills in storage order from U(from, to), bit-exact with torch's uniform_. Returns this. */
    public Tensor uniform_(double from, double to) { throw pending(); }
    /** Fills from N(mean, std^2), like torch's normal_. Returns this. */
    public Tensor normal_(double mean, double std) { throw pending(); }
    public Tensor fill_(float value) { throw pending(); }
    public Tensor zero_() { throw pending(); }
    /** Copies src (broadcast to this shape) into this tensor's elements. Returns this. */
    public Tensor copy_(Tensor src) { throw pending(); }
    /** Sets one element. */
    public void set(float value, int... index) { throw pending(); }

    // ---------------------------------------------------------------- metadata
    public int[] shape() { throw pending(); }
    public int size(int dim) { throw pending(); }
    public int dim() { throw pending(); }
    public int numel() { throw pending(); }
    public int[] stride() { throw pending(); }
    public int storageOffset() { throw pending(); }
    public boolean isContiguous() { throw pending(); }
    /** True when both tensors are views of the same storage array. */
    public boolean sharesStorageWith(Tensor other) { throw pending(); }

    // ---------------------------------------------------------------- element access
    public float get(int... index) { throw pending(); }
    /** The value of a one-element tensor. */
    public float item() { throw pending(); }
    /** A row-major copy of the elements. */
    public float[] toFloatArray() { throw pending(); }

    // ---------------------------------------------------------------- views (share storage)
    public Tensor reshape(int... shape) { throw pending(); }
    public Tensor view(int... shape) { throw pending(); }
    public Tensor transpose(int dim0, int dim1) { throw pending(); }
    public Tensor t() { throw pending(); }
    public Tensor permute(int... dims) { throw pending(); }
    public Tensor squeeze() { throw pending(); }
    public Tensor squeeze(int dim) { throw pending(); }
    public Tensor unsqueeze(int dim) { throw pending(); }
    public Tensor expand(int... shape) { throw pending(); }
    public Tensor flatten() { throw pending(); }
    public Tensor flatten(int startDim, int endDim) { throw pending(); }
    public Tensor narrow(int dim, int start, int length) { throw pending(); }
    /** x[..., start:end] along dim (negative indices count from the end, like Python). */
    public Tensor slice(int dim, int start, int end) { throw pending(); }
    public Tensor slice(int dim, int start, int end, int step) { throw pending(); }
    public Tensor select(int dim, int index) { throw pending(); }
    /** torch.chunk: splits into chunks pieces along dim (views). */
    public List<Tensor> chunk(int chunks, int dim) { throw pending(); }
    public Tensor contiguous() { throw pending(); }
    public Tensor clone() { throw pending(); }

    // ---------------------------------------------------------------- elementwise, with broadcasting
    public Tensor add(Tensor other) { throw pending(); }
    public Tensor add(float value) { throw pending(); }
    public Tensor sub(Tensor other) { throw pending(); }
    public Tensor sub(float value) { throw pending(); }
    public Tensor mul(Tensor other) { throw pending(); }
    public Tensor mul(float value) { throw pending(); }
    public Tensor div(Tensor other) { throw pending(); }
    public Tensor div(float value) { throw pending(); }
    public Tensor pow(float exponent) { throw pending(); }
    public Tensor neg() { throw pending(); }
    public Tensor exp() { throw pending(); }
    public Tensor log() { throw pending(); }
    public Tensor sqrt() { throw pending(); }
    public Tensor abs() { throw pending(); }
    public Tensor tanh() { throw pending(); }
    public Tensor sigmoid() { throw pending(); }
    public Tensor relu() { throw pending(); }
    public Tensor clamp(float min, float max) { throw pending(); }
    /** In-place add with broadcasting of other to this shape. Returns this. */
    public Tensor add_(Tensor other) { throw pending(); }

    // ---------------------------------------------------------------- linear algebra and joining
    /** torch.matmul: 1-D, 2-D and batched/broadcast operands. */
    public Tensor matmul(Tensor other) { throw pending(); }
    public static Tensor cat(List<Tensor> tensors, int dim) { throw pending(); }
    public static Tensor cat(Tensor... tensors) { throw pending(); }
    public static Tensor stack(List<Tensor> tensors, int dim) { throw pending(); }
    public static Tensor stack(Tensor... tensors) { throw pending(); }

    // ---------------------------------------------------------------- reductions
    public Tensor sum() { throw pending(); }
    public Tensor sum(int dim) { throw pending(); }
    public Tensor sum(int dim, boolean keepdim) { throw pending(); }
    public Tensor mean() { throw pending(); }
    public Tensor mean(int dim) { throw pending(); }
    public Tensor mean(int dim, boolean keepdim) { throw pending(); }
    /** Unbiased (n-1), as torch's default. */
    public Tensor var() { throw pending(); }
    public Tensor var(int dim, boolean keepdim) { throw pending(); }
    public Tensor var(int dim, boolean unbiased, boolean keepdim) { throw pending(); }
    public Tensor std() { throw pending(); }
    public Tensor std(int dim, boolean keepdim) { throw pending(); }
    public Tensor std(int dim, boolean unbiased, boolean keepdim) { throw pending(); }
    public Tensor max() { throw pending(); }
    public Tensor max(int dim, boolean keepdim) { throw pending(); }
    public Tensor min() { throw pending(); }
    public Tensor min(int dim, boolean keepdim) { throw pending(); }
    /** Index of the largest element of the flattened tensor, as a 0-d float tensor. */
    public Tensor argmax() { throw pending(); }
    public Tensor argmax(int dim, boolean keepdim) { throw pending(); }

    // ---------------------------------------------------------------- comparison and printing
    /** torch.allclose with rtol 1e-5, atol 1e-8. */
    public boolean allclose(Tensor other) { throw pending(); }
    public boolean allclose(Tensor other, double rtol, double atol) { throw pending(); }
    /** torch.equal: same shape and same values. */
    public boolean equal(Tensor other) { throw pending(); }
    /** Prints like torch: tensor([[ 0.1234, -0.5678]]), summarised above 1000 elements. */
    @Override public String toString() { throw pending(); }
}
