package layerwise.tensor;

/**
 * PyTorch 1.13's first lines for the mistakes more than one op or layer checks, each written once.
 * A check picks the error type ({@link ShapeError}, {@link ValueError}, {@link IndexError}) and adds
 * what the mistake means where it happened and the fix:
 * {@code throw new ShapeError(TorchText.negativePadding(), meaning, fix)}.
 */
public final class TorchText {
    private TorchText() {
    }

    /** torch.mm / F.linear: (rows1 x cols1) @ (rows2 x cols2) with cols1 != rows2. */
    public static String matmulShapes(int rows1, int cols1, int rows2, int cols2) {
        return "mat1 and mat2 shapes cannot be multiplied (" + rows1 + "x" + cols1 + " and " + rows2 + "x" + cols2 + ")";
    }

    /** torch.matmul with a 0-d operand. */
    public static String matmulZeroDim(int dimA, int dimB) {
        return "both arguments to matmul need to be at least 1D, but they are " + dimA + "D and " + dimB + "D";
    }

    /** A tensor (or a layer's weight) created with a negative size. */
    public static String negativeDimension(int size, int... shape) {
        return "Trying to create tensor with negative dimension " + size + ": " + TorchFormat.shapeString(shape);
    }

    /** Python's wrap_dim for a dim outside [-rank, rank-1] (rank at least 1). */
    public static String dimOutOfRange(int dim, int rank) {
        return "Dimension out of range (expected to be in range of [" + (-rank) + ", " + (rank - 1) + "], but got "
                + dim + ")";
    }

    /**
     * uniform_'s bound check (aten DistributionTemplates.h, CHECK_OUT_OF_BOUNDS): each bound must lie in
     * [lowest, max] of the dtype, printed by its C++ name; {@code name} is "from" or "to".
     */
    public static String uniformOutOfBounds(String name) {
        return name + " is out of bounds for float";
    }

    /** uniform_ when from &gt; to (or either is NaN). */
    public static String uniformRangeOrder(double from, double to) {
        return "uniform_ expects to return a [from, to) range, but found from=" + TorchFormat.number(from)
                + " > to=" + TorchFormat.number(to);
    }

    /** uniform_ when to - from overflows the dtype, though each bound fits. */
    public static String uniformRangeTooLarge(double from, double to) {
        return "uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=" + TorchFormat.number(to)
                + " and from=" + TorchFormat.number(from) + " which result in to-from to exceed the limit";
    }

    /**
     * The first line torch 1.13 gives for uniform_(from, to) on a float tensor, or null when it accepts the
     * bounds; the checks run in aten's order: from in range, to in range, from &lt;= to, to - from finite.
     */
    public static String uniformBoundsProblem(double from, double to) {
        double max = Float.MAX_VALUE;
        if (!(from >= -max && from <= max)) return uniformOutOfBounds("from");
        if (!(to >= -max && to <= max)) return uniformOutOfBounds("to");
        if (!(from <= to)) return uniformRangeOrder(from, to);
        if (!(to - from <= max)) return uniformRangeTooLarge(from, to);
        return null;
    }

    public static String negativePadding() {
        return "negative padding is not supported";
    }

    public static String nonPositiveStride() {
        return "non-positive stride is not supported";
    }

    /** conv2d's dilation check. */
    public static String convDilation(int dilationH, int dilationW) {
        return "dilation should be greater than zero, but got [" + dilationH + ", " + dilationW + "]";
    }

    /** conv2d's and pooling's kernel size check. */
    public static String kernelSizeNotPositive(int kernelH, int kernelW) {
        return "kernel size should be greater than zero, but got kernel_height: " + kernelH + " kernel_width: " + kernelW;
    }

    /** conv2d: the input's channels do not match weight.size(1) * groups. */
    public static String convInputChannels(int groups, int[] weightShape, int[] inputShape, int expected) {
        return "Given groups=" + groups + ", weight of size " + TorchFormat.shapeString(weightShape) + ", expected input"
                + TorchFormat.shapeString(inputShape) + " to have " + expected + " channels, but got " + inputShape[1]
                + " channels instead";
    }

    /** conv2d on an input that is neither (C, H, W) nor (N, C, H, W). */
    public static String convRank(int[] inputShape) {
        return "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                + TorchFormat.shapeString(inputShape);
    }

    /** conv2d's int-or-pair arguments (stride, padding, dilation) given with another length. */
    public static String convPair(String name, int[] values) {
        return "expected " + name + " to be a single integer value or a list of 2 values to match the "
                + "convolution dimensions, but got " + name + "=" + TorchFormat.shapeString(values);
    }

    /** A padding word other than "same" and "valid"; choices as the caller's torch prints its set. */
    public static String invalidPaddingString(String padding, String choices) {
        return "Invalid padding string '" + padding + "', should be one of " + choices;
    }

    public static String stridedSamePadding() {
        return "padding='same' is not supported for strided convolutions";
    }

    /** F.dropout's and nn.Dropout's check of p, printed as the caller's torch prints it. */
    public static String dropoutProbability(String p) {
        return "dropout probability has to be between 0 and 1, but got " + p;
    }

    /** init functions that work on matrices only. */
    public static String onlyTwoDims() {
        return "Only tensors with 2 dimensions are supported";
    }

    /** Python's ZeroDivisionError text. */
    public static String floatDivisionByZero() {
        return "float division by zero";
    }

    /** conv2d whose (dilated) kernel does not fit in the padded input. */
    public static String kernelLargerThanInput(int paddedH, int paddedW, int kernelH, int kernelW) {
        return "Calculated padded input size per channel: (" + paddedH + " x " + paddedW + "). Kernel size: ("
                + kernelH + " x " + kernelW + "). Kernel size can't be greater than actual input size";
    }
}
