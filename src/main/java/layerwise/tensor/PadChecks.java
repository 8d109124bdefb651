package layerwise.tensor;

/** The checks of torch.nn.functional.pad, in PyTorch's order and with its messages. */
final class PadChecks {
    private PadChecks() {
    }

    /** Checks the arguments of a pad and returns the mode. */
    static PadKernels.Mode check(Tensor x, int[] pad, String mode) {
        PadKernels.Mode m = mode(mode);
        int rank = x.dim();
        if (pad.length % 2 != 0) {
            throw new ShapeError("Padding length must be divisible by 2",
                    "pad lists (before, after) pairs, last dim first: {left, right} or {left, right, top, bottom}.",
                    "pass 2 or 4 values");
        }
        if (pad.length / 2 > rank) {
            throw new ShapeError("Padding length too large",
                    "pad gives " + pad.length / 2 + " (before, after) pairs but the input has only " + rank + " dims.",
                    "pass at most " + 2 * rank + " values");
        }
        if (pad.length != 2 && pad.length != 4) {
            throw new ShapeError("Layerwise pads the last one or two dims, got " + pad.length + " padding values",
                    "pad is {left, right} (last dim) or {left, right, top, bottom} (last two dims).",
                    "pass 2 or 4 values");
        }
        for (int p : pad) {
            if (p < 0) {
                throw new ShapeError(TorchText.negativePadding(),
                        "Padding adds rows and columns; got " + TorchFormat.shapeString(pad) + ".",
                        "use padding >= 0 (to crop, use narrow or slice)");
            }
        }
        // The padded shape, in long so that huge padding is an error, not a negative size.
        int[] padded = x.shape();
        for (int i = 0; i < pad.length / 2; i++) {
            int dim = rank - 1 - i;
            padded[dim] = Shapes.checkedSize("dim " + dim + " after padding",
                    (long) padded[dim] + pad[2 * i] + pad[2 * i + 1]);
        }
        Shapes.numel(padded);
        if (m == PadKernels.Mode.CONSTANT) return m;
        if (m == PadKernels.Mode.CIRCULAR) {
            checkCircular(x, pad);
            return m;
        }
        int k = pad.length / 2;
        if (rank != k + 1 && rank != k + 2) {
            throw new ShapeError("Only 2D, 3D, 4D, 5D padding with non-constant padding are supported for now",
                    "Padding " + k + " dim" + (k == 1 ? "" : "s") + " in mode '" + mode + "' needs a "
                            + (k + 1) + "-D or " + (k + 2) + "-D input; got " + rank + "-D " + TorchFormat.shapeString(x.shape()) + ".",
                    "reshape the input to (N, C, H, W) or (C, H, W)");
        }
        // Width first, then height, as torch checks them.
        for (int i = 0; i < k; i++) {
            int dim = rank - 1 - i;
            int size = x.size(dim);
            int before = pad[2 * i], after = pad[2 * i + 1];
            if (size == 0) {
                throw new ShapeError("padding mode '" + mode + "' needs a non-empty dim " + dim + ", got input "
                        + TorchFormat.shapeString(x.shape()),
                        "There is no edge value to " + mode + " in an empty dim.", "pass a non-empty input");
            }
            if (m == PadKernels.Mode.REFLECT && (before >= size || after >= size)) {
                throw new ShapeError("Argument #" + (4 + 2 * i) + ": Padding size should be less than the corresponding "
                        + "input dimension, but got: padding (" + before + ", " + after + ") at dimension " + dim
                        + " of input " + rank,
                        "Reflect padding mirrors the input without repeating the edge, so it can add at most "
                                + (size - 1) + " entries on each side of a dim of size " + size + ".",
                        "use padding of at most " + (size - 1) + " there, or padding_mode 'replicate' (no limit)");
            }
        }
        return m;
    }

    /**
     * torch 1.13's circular pad treats dims 0 and 1 as batch and channels, so it pads exactly the dims
     * after them: 4 values for a 4-D input, 2 for a 3-D one.
     */
    private static void checkCircular(Tensor x, int[] pad) {
        int rank = x.dim();
        int expected = 2 * (rank - 2);
        if (pad.length != expected) {
            throw new ShapeError("Invalid padding size, expected " + Math.max(expected, 0) + " but got " + pad.length,
                    "PyTorch 1.13's circular padding reads the first two dims as (N, C) and pads all the others;"
                            + " for a " + rank + "-D input " + TorchFormat.shapeString(x.shape()) + " that is "
                            + Math.max(rank - 2, 0) + " dim(s). (A known PyTorch 1.13 bug for unbatched conv input.)",
                    "add a batch dim: pad x.unsqueeze(0) (and take squeeze(0) of the result)");
        }
        for (int i = 0; i < pad.length / 2; i++) {
            int size = x.size(rank - 1 - i);
            if (pad[2 * i] > size || pad[2 * i + 1] > size) {
                throw new ShapeError("Padding value causes wrapping around more than once.",
                        "Circular padding copies from the opposite edge, so it can add at most " + size
                                + " entries on each side of a dim of size " + size + "; got ("
                                + pad[2 * i] + ", " + pad[2 * i + 1] + ").",
                        "use padding of at most " + size + " there");
            }
        }
    }

    private static PadKernels.Mode mode(String mode) {
        switch (mode) {
            case "constant": return PadKernels.Mode.CONSTANT;
            case "reflect": return PadKernels.Mode.REFLECT;
            case "replicate": return PadKernels.Mode.REPLICATE;
            case "circular": return PadKernels.Mode.CIRCULAR;
            default:
                throw new ShapeError("Unrecognised padding mode " + mode,
                        "F.pad knows the modes constant, reflect, replicate and circular.",
                        "use one of \"constant\", \"reflect\", \"replicate\", \"circular\"");
        }
    }
}
