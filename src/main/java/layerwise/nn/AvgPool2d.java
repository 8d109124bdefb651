package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * The mean of each window, like {@code torch.nn.AvgPool2d}: kernel_size, stride (default: the kernel
 * size), padding (zeros, counted in the mean unless countIncludePad is false) and ceil_mode.
 */
public final class AvgPool2d extends Pool2d {
    private final boolean countIncludePad;

    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /** The full form; a null stride means "the kernel size". */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        super(kernelSize, stride, padding, ceilMode);
        this.countIncludePad = countIncludePad;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad);
    }

    @Override
    public String extraRepr() {
        return windowRepr();
    }
}
