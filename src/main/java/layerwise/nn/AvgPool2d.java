package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * The mean of each window, like {@code torch.nn.AvgPool2d}: kernel_size, stride (default: the kernel
 * size), padding (zeros, counted in the mean unless countIncludePad is false), ceil_mode, and
 * divisor_override (a fixed divisor for every window's sum instead of its size; null for none).
 */
public final class AvgPool2d extends Pool2d {
    private final boolean countIncludePad;
    private final Integer divisorOverride;

    public AvgPool2d(int kernelSize) {
        this(kernelSize, kernelSize, 0);
    }

    public AvgPool2d(int kernelSize, int stride, int padding) {
        this(new int[] {kernelSize}, new int[] {stride}, new int[] {padding}, false, true);
    }

    /** kernel_size, stride, padding, ceil_mode and count_include_pad; a null stride means "the kernel size". */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad) {
        this(kernelSize, stride, padding, ceilMode, countIncludePad, null);
    }

    /**
     * Every argument, in PyTorch's order; a null stride means "the kernel size", a null divisorOverride
     * divides by the window size (PyTorch's None). 0 is refused when the layer runs, as in PyTorch.
     */
    public AvgPool2d(int[] kernelSize, int[] stride, int[] padding, boolean ceilMode, boolean countIncludePad,
                     Integer divisorOverride) {
        super(kernelSize, stride, padding, ceilMode);
        this.countIncludePad = countIncludePad;
        this.divisorOverride = divisorOverride;
    }

    @Override
    public Tensor forward(Tensor input) {
        return divisorOverride == null
                ? Functional.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad)
                : Functional.avgPool2d(input, kernelSize, stride, padding, ceilMode, countIncludePad, divisorOverride);
    }

    public boolean countIncludePad() {
        return countIncludePad;
    }

    /** The divisor that replaces each window's size, or null (PyTorch's None). */
    public Integer divisorOverride() {
        return divisorOverride;
    }

    @Override
    public String extraRepr() {
        return windowRepr();
    }
}
