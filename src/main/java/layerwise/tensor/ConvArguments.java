package layerwise.tensor;

/**
 * The checks of a convolution's padding, stride and dilation, shared by {@code F.conv2d} (when it runs)
 * and {@code Conv2d} (when it is built, so the mistake shows where it was made): PyTorch's first line,
 * what the argument means, and a fix spelled the way the caller passes it.
 */
public final class ConvArguments {
    private ConvArguments() {
    }

    /** How a fix names an argument: {@code stride=1}, a keyword of F.conv2d, or {@code stride(1)}, a layer's option. */
    public enum Spelling {
        KEYWORD, OPTION;

        String set(String name, String value) {
            return this == KEYWORD ? name + "=" + value : name + "(" + value + ")";
        }
    }

    /**
     * Padding 0 or more, stride and dilation 1 or more, in PyTorch's order. padding is {h, w}, or per side
     * {left, right, top, bottom}; null when it is a word ("same", "valid").
     */
    public static void check(int[] padding, int[] stride, int[] dilation, Spelling spelling) {
        if (padding != null) {
            for (int p : padding) {
                if (p < 0) {
                    throw new ShapeError(TorchText.negativePadding(),
                            "Padding adds rows and columns of zeros around the input, it can't remove them; got padding="
                                    + shown(padding) + ".",
                            "use " + spelling.set("padding", "0") + " or more; to crop the input, use narrow or slice first");
                }
            }
        }
        if (stride[0] <= 0 || stride[1] <= 0) {
            throw new ShapeError(TorchText.nonPositiveStride(),
                    "The stride is how far the kernel moves between outputs; got stride=" + shown(stride) + ".",
                    "use " + spelling.set("stride", "1") + " (every position) or more, e.g. "
                            + spelling.set("stride", "2") + " halves the output size");
        }
        if (dilation[0] <= 0 || dilation[1] <= 0) {
            throw new ShapeError(TorchText.convDilation(dilation[0], dilation[1]),
                    "The dilation is the step between kernel taps; 1 means adjacent taps.",
                    "use " + spelling.set("dilation", "1") + " or more");
        }
    }

    /** (h, w), or [left, right, top, bottom] with the sides named. */
    static String shown(int[] values) {
        if (values.length == 4) return Shapes.str(values) + " (left, right, top, bottom)";
        return "(" + values[0] + ", " + values[1] + ")";
    }
}
