package layerwise.tensor;

/**
 * The structural mistakes behind the commonest shape errors, recognised from the shapes alone, with the
 * repair that keeps what the learner meant. Without a hint the checks fall back to rebuilding the layer
 * for the input, which is the wrong repair when the input itself is malformed (a channels-last image
 * does not call for a Conv2d with 32 input channels).
 */
public final class ShapeHints {
    private ShapeHints() {
    }

    /** The mistakes recognised. */
    public enum Kind {
        /** A column vector (in, 1) into a Linear. */
        COLUMN,
        /** h_n of a bidirectional recurrent layer, (2·L, N, H), into a Linear over both directions. */
        BIDIRECTIONAL_STATE,
        /** A time step of a bidirectional recurrent layer's output, (N, 2·H), into a Linear sized for H. */
        BIDIRECTIONAL_OUTPUT,
        /** A feature map (N, C, H, W) into a Linear, without a Flatten. */
        NOT_FLATTENED,
        /** A feature map whose Flatten() kept dim 0: one sample without a batch dim (seen by a Sequential). */
        NO_BATCH_DIM,
        /** Both BIDIRECTIONAL_STATE and NOT_FLATTENED fit the shapes. */
        STATE_OR_NOT_FLATTENED,
        /** An image (N, H, W, C) into a Conv2d. */
        CHANNELS_LAST,
        /** A 2-D (H, W) image into a Conv2d. */
        GREY_IMAGE,
        /** A batch of grey images (N, H, W) without the channel dim into a Conv2d with in_channels=1. */
        GREY_BATCH,
        /** A 3-D input (N, C, W) to a Conv2d: an image that lost its H (or W) dim. */
        MISSING_DIM,
        /** A weight written as (in, out). */
        TRANSPOSED_WEIGHT
    }

    /** What the mistake probably is, and the repair that keeps the learner's intent. */
    public record Hint(Kind kind, String meaning, String fix) {
    }

    /**
     * A Linear expecting {@code in} features got {@code s} (whose last dim is not {@code in}); null if no
     * pattern fits. {@code rebuilt} is the layer built for the input's last dim, the other plausible repair
     * when a guess could be wrong.
     */
    public static Hint linear(int[] s, int in, String rebuilt) {
        int n = s.length;
        int last = s[n - 1];
        String shape = TorchFormat.shapeString(s);
        if (n == 2 && last == 1 && s[0] == in) {
            return new Hint(Kind.COLUMN, "The input " + shape + " is a column: its " + in + " values run down dim 0, but a Linear "
                    + "reads the last dim as the features of one sample.",
                    "x.t() or x.reshape(1, " + in + ") makes it one row of " + in + " features; if they are " + in
                            + " samples of one feature each, the layer needs in_features=1");
        }
        Hint hn = n == 3 && s[0] % 2 == 0 && 2 * last == in
                ? new Hint(Kind.BIDIRECTIONAL_STATE, "The input " + shape + " looks like h_n of a bidirectional recurrent layer, (D·num_layers, N, H): "
                        + "the forward and reverse final states are separate rows of dim 0, and together they have D·H = 2·"
                        + last + " = " + in + " features.",
                        "concatenate the last layer's two directions, Tensor.cat(List.of(hN.select(0, " + (s[0] - 2)
                                + "), hN.select(0, " + (s[0] - 1) + ")), 1), which is [" + s[1] + ", " + in + "]; or, if "
                                + last + " really is the number of features, build " + rebuilt)
                : null;
        long trailing = 1;
        for (int d = 1; d < n; d++) trailing *= s[d];
        Hint flatten = n >= 3 && trailing == in
                ? new Hint(Kind.NOT_FLATTENED, "The input " + shape + " still has its feature dims apart: " + TorchFormat.product(s, 1, n) + " = "
                        + in + " = in_features once flattened, but a Linear reads only the last dim (" + last + ").",
                        "flatten them first: new Flatten() before the Linear in a Sequential, or x.flatten(1), which is ["
                                + s[0] + ", " + in + "]")
                : null;
        if (hn != null && flatten != null) {
            return new Hint(Kind.STATE_OR_NOT_FLATTENED, hn.meaning() + " Or it is a feature map whose dims were not flattened.",
                    hn.fix() + "; or, for a feature map, " + flatten.fix());
        }
        if (hn != null) return hn;
        if (flatten != null) return flatten;
        return null;
    }

    /**
     * A Linear expecting {@code in} = H features got {@code s}, whose last dim is 2·H, where the caller knows
     * a bidirectional recurrent layer with H outputs per direction made it (the shapes alone cannot tell it
     * from any head sized by half): a time step of that layer's output, its two directions side by side.
     * {@code stateRows} is h_n's dim 0, D·num_layers; {@code timeDim} is output's time dim (1 with
     * batch_first); {@code rebuilt} is the Linear for 2·H features.
     */
    public static Hint bidirectionalOutput(int[] s, int in, int stateRows, int timeDim, String rebuilt) {
        int n = s.length;
        if (n < 1 || n > 2 || s[n - 1] != 2 * in) return null;
        String shape = TorchFormat.shapeString(s);
        String states = "Tensor.cat(List.of(hN.select(0, " + (stateRows - 2) + "), hN.select(0, " + (stateRows - 1) + ")), "
                + (n - 1) + ")";
        return new Hint(Kind.BIDIRECTIONAL_OUTPUT, "The input " + shape + " has 2·" + in + " = " + s[n - 1] + " features "
                + "because a bidirectional recurrent layer concatenates its two directions, forward in [..., :" + in
                + "], reverse in [..., " + in + ":]: reshaping it to " + in + " features would mix them. And output's last time "
                + "step holds the forward direction's final state but the reverse direction's state after only "
                + "one step: the reverse direction ends at time step 0, output.select(" + timeDim + ", 0), and h_n[-1] holds it.",
                "build " + rebuilt + " for both directions, and feed it both final states from h_n, " + states
                        + ", which is " + (n == 2 ? "[" + s[0] + ", " + s[1] + "]" : "[" + s[0] + "]")
                        + " (not output's last step)");
    }

    /**
     * A Linear expecting {@code in} features got {@code s} = (rows, features) from a Flatten() of one
     * unbatched sample: the Flatten kept dim 0 as if it were the batch. Only a caller that saw the
     * Flatten's input can tell; from the shapes alone a batch with the wrong in_features looks the same.
     */
    public static Hint noBatchDim(int[] s, int in) {
        if (s.length != 2 || (long) s[0] * s[1] != in) return null;
        String shape = TorchFormat.shapeString(s);
        return new Hint(Kind.NO_BATCH_DIM, "The input " + shape + " holds " + s[0] + "·" + s[1] + " = " + in
                + " values, in_features: one sample without a batch dim, so a Flatten() (which keeps dim 0 for the "
                + "batch) left " + s[0] + " rows.",
                "give the sample a batch dim before the network, x.unsqueeze(0); or flatten every dim with "
                        + "new Flatten(0, -1) for unbatched samples");
    }

    /**
     * A conv layer expecting {@code inC} channels got {@code s}, 3-D or 4-D, with another channel count.
     * {@code rebuilt} is the layer built for a 3-D input's dim 0 as its channels, the other reading of a
     * grey batch when that many channels is plausible for one image.
     */
    public static Hint convChannels(int[] s, int inC, String rebuilt) {
        // Images have fewer channels than rows or columns; a feature map with the wrong channel count
        // (a conv chain that does not match) must not look channels-last.
        if (s.length == 4 && s[3] == inC && s[1] != inC && inC < s[1] && inC < s[2]) {
            return new Hint(Kind.CHANNELS_LAST, "The input " + TorchFormat.shapeString(s) + " looks channels-last, (N, H, W, C), as images "
                    + "come from files; Conv2d wants channels first, (N, C, H, W).",
                    "x.permute(0, 3, 1, 2), which is " + TorchFormat.shapeString(s[0], s[3], s[1], s[2])
                            + " (add .contiguous() to copy it)");
        }
        if (s.length == 3 && s[2] == inC && s[0] != inC && inC < s[0] && inC < s[1]) {
            return new Hint(Kind.CHANNELS_LAST, "The input " + TorchFormat.shapeString(s) + " looks like one channels-last image, (H, W, C); "
                    + "Conv2d wants (C, H, W).",
                    "x.permute(2, 0, 1), which is " + TorchFormat.shapeString(s[2], s[0], s[1])
                            + ", and x.permute(2, 0, 1).unsqueeze(0) for a batch of one");
        }
        if (s.length == 3 && inC == 1 && s[0] != 1 && s[1] > 1 && s[2] > 1) {
            // conv2d reads a 3-D input as one image (C, H, W); (N, H, W) is the usual shape of grey images
            // loaded as a batch. Up to 4 channels (grey, RGB, RGBA) one image is the other reading.
            String batch = "x.unsqueeze(1), which is " + TorchFormat.shapeString(s[0], 1, s[1], s[2]);
            return new Hint(Kind.GREY_BATCH, "The input " + TorchFormat.shapeString(s) + " looks like a batch of " + s[0]
                    + " grey images without the channel dim, (N, H, W); a 3-D input is read as one image (C, H, W) "
                    + "with " + s[0] + " channels.",
                    s[0] <= MAX_IMAGE_CHANNELS
                            ? batch + " (" + s[0] + " grey images); or, if it is one image with " + s[0] + " channels, build " + rebuilt
                            : batch);
        }
        if (s.length == 3 && s[1] == inC && s[0] != inC) {
            return new Hint(Kind.MISSING_DIM, "The input " + TorchFormat.shapeString(s) + " lacks a dim of (N, C, H, W): "
                    + "read as one image (C, H, W) it has " + s[0] + " channel" + (s[0] == 1 ? "" : "s") + ", " + s[1]
                    + " rows and " + s[2] + " columns, but its dim 1 is " + inC + " = in_channels, so it is probably (N, C, W) = ("
                    + s[0] + ", " + s[1] + ", " + s[2] + "): " + s[0] + " image" + (s[0] == 1 ? "" : "s") + " of " + inC
                    + " channels and " + s[2] + " columns, with the H dim missing (one image row, or a dim dropped by indexing).",
                    "pass the whole image, (N, C, H, W); for one row of pixels, x.unsqueeze(2), which is "
                            + TorchFormat.shapeString(s[0], s[1], 1, s[2]));
        }
        return null;
    }

    /** The most channels one image has (RGBA): more than that in dim 0 of a 3-D input reads as a batch. */
    private static final int MAX_IMAGE_CHANNELS = 4;

    /**
     * A Linear expecting {@code in} features got a feature map {@code s} = (N, C, H, W) from a conv or pool
     * layer ({@code from}): a Flatten is missing, whatever in_features is. Rebuilding the Linear for the
     * last dim would run it per pixel; the head needs C·H·W features.
     */
    public static Hint featureMapIntoLinear(int[] s, int in, String from, String at, String rebuiltFlat) {
        if (s.length != 4) return null;
        long flat = (long) s[1] * s[2] * s[3];
        return new Hint(Kind.NOT_FLATTENED, "Its input " + TorchFormat.shapeString(s) + " is a feature map (N, C, H, W) from "
                + from + ": without a Flatten a Linear reads only the last dim (" + s[3] + ") and would run once per pixel. "
                + "Flattened, each sample has " + TorchFormat.product(s, 1, 4) + " = " + flat + " features.",
                "insert new Flatten() before " + at + " and build it for " + flat + " features: new " + rebuiltFlat
                        + " (its input becomes [" + s[0] + ", " + flat + "]); or keep in_features=" + in
                        + " and change the layers before so that C×H×W = " + in);
    }

    /** A 2-D input (H, W) to a conv layer that expects {@code inC} channels: a grey image. */
    public static Hint convGreyImage(int[] s, int inC, String oneChannelLayer) {
        String h = s[0] + ", " + s[1];
        if (inC == 1) {
            return new Hint(Kind.GREY_IMAGE, "A 2-D input (H, W) is one grey image without its channel dim.",
                    "x.unsqueeze(0), which is [1, " + h + "] (one image), or x.reshape(1, 1, " + h + ") for a batch of one");
        }
        return new Hint(Kind.GREY_IMAGE, "A 2-D input (H, W) is one grey image: one channel, but this layer reads " + inC + " channels.",
                "for grey images build " + oneChannelLayer + " and pass x.unsqueeze(0), which is [1, " + h
                        + "]; or, to keep this layer, repeat the grey channel: x.unsqueeze(0).expand(" + inC + ", " + h + ")");
    }

    /** copy_ of a 2-D source that is the destination's shape transposed: a weight written as (in, out). */
    public static Hint transposedCopy(int[] dst, int[] src) {
        if (dst.length != 2 || src.length != 2 || dst[0] == dst[1] || dst[0] != src[1] || dst[1] != src[0]) return null;
        return new Hint(Kind.TRANSPOSED_WEIGHT, "The source " + TorchFormat.shapeString(src) + " is this tensor's shape "
                + TorchFormat.shapeString(dst) + " transposed. A layer's weight is (out_features, in_features), one row "
                + "per output, so a matrix written as (in, out) is its transpose.",
                "copy the transpose: weight.copy_(w.t())");
    }
}
