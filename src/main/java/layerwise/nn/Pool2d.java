package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * What {@link MaxPool2d} and {@link AvgPool2d} share: a window of kernel_size moved by stride (default:
 * the kernel size, so windows don't overlap) over an input padded by padding, with ceil_mode choosing
 * whether a last partial window counts. Sizes are one value or {height, width}.
 */
public abstract class Pool2d extends Module implements TensorModule {
    final int[] kernelSize;
    final int[] stride;
    final int[] padding;
    final boolean ceilMode;

    /** A null stride means "the kernel size". */
    Pool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode) {
        this.kernelSize = kernelSize.clone();
        this.stride = stride == null ? kernelSize.clone() : stride.clone();
        this.padding = padding.clone();
        this.ceilMode = ceilMode;
    }

    @Override
    public abstract Tensor forward(Tensor input);

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

    /** The start of both reprs: {@code kernel_size=2, stride=2, padding=0}. */
    String windowRepr() {
        return "kernel_size=" + PyRepr.size(kernelSize) + ", stride=" + PyRepr.size(stride) + ", padding="
                + PyRepr.size(padding);
    }
}
