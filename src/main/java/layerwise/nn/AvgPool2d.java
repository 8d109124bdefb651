package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * The mean of each window, like {@code torch.nn.AvgPool2d}: kernel_size, stride (default: the kernel
 * size), padding (zeros, counted in the mean unless countIncludePad is false) and ceil_mode.
 */
public final class AvgPool2d extends Module implements TensorModule {
    private final int[] kernelSize;
    private final int[] stride;
    private final int[] padding;
    private final boolean ceilMode;
    private final boolean countIncludePad;

    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /** The full form; a null stride means "the kernel size". */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
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

    public boolean ceilMode() {
        return ceilMode;
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + PyRepr.size(kernelSize) + ", stride=" + PyRepr.size(stride) + ", padding="
                + PyRepr.size(padding);
    }
}
