package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * The largest value of each window, like {@code torch.nn.MaxPool2d}: kernel_size, stride (default: the
 * kernel size, so windows don't overlap), padding (at most half the kernel; the padding never wins),
 * dilation, return_indices and ceil_mode. Sizes are one value or {height, width}.
 *
 * <p>{@link #forward} returns the maxima; {@link #forwardWithIndices} returns them with where each one
 * was, as PyTorch's {@code MaxPool2d(..., return_indices=True)} does (the indices that
 * {@code MaxUnpool2d} takes).
 */
public final class MaxPool2d extends Pool2d {
    private final int[] dilation;
    private final boolean returnIndices;

    /** The maxima and their flat positions {@code r * W + c} in each (H, W) input plane. */
    public record WithIndices(Tensor output, Tensor indices) {
    }

    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, false);
    }

    /** kernel_size, stride, padding, dilation and ceil_mode; a null stride means "the kernel size". */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this(kernelSize, stride, padding, dilation, false, ceilMode);
    }

    /** Every argument, in PyTorch's order; a null stride means "the kernel size". */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean returnIndices,
                     boolean ceilMode) {
        super(kernelSize, stride, padding, ceilMode);
        this.dilation = dilation.clone();
        this.returnIndices = returnIndices;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    /**
     * The maxima and their indices, as {@code torch.nn.MaxPool2d(..., return_indices=True)(x)} returns
     * them. The indices are float32 like every tensor here (exact below 2^24 positions per plane).
     */
    public WithIndices forwardWithIndices(Tensor input) {
        Tensor[] r = Functional.maxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode);
        return new WithIndices(r[0], r[1]);
    }

    /** Whether PyTorch's module returns the indices too (see {@link #forwardWithIndices}). */
    public boolean returnIndices() {
        return returnIndices;
    }

    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    public String extraRepr() {
        return windowRepr() + ", dilation=" + PyRepr.size(dilation) + ", ceil_mode=" + py(ceilMode);
    }
}
