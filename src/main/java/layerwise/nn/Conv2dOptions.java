package layerwise.nn;

/**
 * The optional arguments of {@link Conv2d}, set fluently:
 * {@code new Conv2d(3, 16, 3, Conv2d.options().padding(1).stride(2))}.
 * Defaults are PyTorch's: stride 1, padding 0, dilation 1, groups 1, bias true, padding_mode "zeros".
 * stride, padding and dilation take one value (both dims) or two (height, width); padding also takes
 * "same" or "valid".
 */
public final class Conv2dOptions {
    int[] stride = {1};
    int[] padding = {0};
    String paddingString;
    int[] dilation = {1};
    int groups = 1;
    boolean bias = true;
    String paddingMode = "zeros";

    Conv2dOptions() {
    }

    public Conv2dOptions stride(int... stride) {
        this.stride = stride.clone();
        return this;
    }

    public Conv2dOptions padding(int... padding) {
        this.padding = padding.clone();
        this.paddingString = null;
        return this;
    }

    /** "same" (output size = input size, stride 1 only) or "valid" (no padding). */
    public Conv2dOptions padding(String padding) {
        this.paddingString = padding;
        return this;
    }

    public Conv2dOptions dilation(int... dilation) {
        this.dilation = dilation.clone();
        return this;
    }

    public Conv2dOptions groups(int groups) {
        this.groups = groups;
        return this;
    }

    public Conv2dOptions bias(boolean bias) {
        this.bias = bias;
        return this;
    }

    /** "zeros", "reflect", "replicate" or "circular". */
    public Conv2dOptions paddingMode(String paddingMode) {
        this.paddingMode = paddingMode;
        return this;
    }
}
