package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * The largest value of each window, like {@code torch.nn.MaxPool2d}: kernel_size, stride (default: the
 * kernel size, so windows don't overlap), padding (at most half the kernel; the padding never wins),
 * dilation and ceil_mode. Sizes are one value or {height, width}.
 */
public final class MaxPool2d extends Pool2d {
    private final int[] dilation;

    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, false);
    }

    /** The full form; a null stride means "the kernel size". */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        super(kernelSize, stride, padding, ceilMode);
        this.dilation = dilation.clone();
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    public int[] dilation() {
        return dilation.clone();
    }

    @Override
    public String extraRepr() {
        return windowRepr() + ", dilation=" + PyRepr.size(dilation) + ", ceil_mode=" + py(ceilMode);
    }
}
