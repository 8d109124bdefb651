package layerwise.tensor;

/**
 * PyTorch's {@code _pair}: a 2-D op's size argument given as one value (used for height and width) or
 * two (height, width), as {@code kernel_size=3} or {@code stride=(2, 1)}. Every conv and pool argument
 * goes through here, in {@link Functional}, the layers and the shape tools.
 */
public final class Pair {
    private Pair() {
    }

    /** {v, v} for {v}, a copy of {h, w}; any other length is PyTorch's error naming the argument. */
    public static int[] of(int[] values, String name) {
        if (values.length == 1) return new int[] {values[0], values[0]};
        if (values.length == 2) return values.clone();
        int first = values.length > 0 ? values[0] : 1;
        throw new ShapeError(TorchText.convPair(name, values),
                "A 2-D convolution or pooling has one " + name + " per spatial dim (height, width); " + values.length
                        + " were given.",
                "pass one value for both dims, e.g. " + name + " " + first + ", or two (height, width)");
    }
}
