package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * The largest value of each window, like {@code torch.nn.MaxPool2d}: kernel_size, stride (default: the
 * kernel size, so windows don't overlap), padding (at most half the kernel; the padding never wins),
 * dilation and ceil_mode. Sizes are one value or {height, width}.
 */
public final class MaxPool2d extends Module implements TensorModule {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final int[] dilation;
    private final boolean ceilMode;

    public MaxPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    public MaxPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, new int[] {1}, false);
    }

    /** The full form; a null stride means "the kernel size". */
    public MaxPool2d(int[] kernelSize, int[] stride, int[] padding, int[] dilation, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.dilation = dilation.clone();
        this.ceilMode = ceilMode;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.maxPool2d(input, kernelSize, stride, padding, dilation, ceilMode);
    }

    public int[] kernelSize() {
        return kernelSize.clone();
    }

    public int[] stride() {
        return stride.clone();
    }

    public int[] padding() {
        return padding.clone();
    }

    public int[] dilation() {
        return dilation.clone();
    }

    public boolean ceilMode() {
        return ceilMode;
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + PyRepr.size(kernelSize) + ", stride=" + PyRepr.size(stride) + ", padding="
                + PyRepr.size(padding) + ", dilation=" + PyRepr.size(dilation) + ", ceil_mode=" + py(ceilMode);
    }
}
