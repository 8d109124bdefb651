package layerwise.tensor;

import java.math.BigInteger;
import java.util.Arrays;

/** Shape arithmetic shared by every op: element counts, strides, dim wrapping, reshape inference, broadcasting. */
final class Shapes {
    private Shapes() {
    }

    static String str(int... shape) {
        return TorchFormat.shapeString(shape);
    }

    /** Most elements one tensor holds: its storage is one Java float[]. */
    static final int MAX_NUMEL = Integer.MAX_VALUE;

    /**
     * Product of the sizes; 1 for a 0-d shape. More than {@link #MAX_NUMEL} is a {@link ShapeError}; the
     * product is never allowed to wrap around (65536^4 is not 0).
     */
    static int numel(int... shape) {
        long n = 1;
        boolean tooMany = false;
        for (int s : shape) {
            if (s == 0) return 0;
            if (!tooMany) {
                n *= s; // n <= 2^31-1 and s <= 2^31-1: the long product cannot wrap
                tooMany = n > MAX_NUMEL;
            }
        }
        if (tooMany) throw tooManyElements(shape);
        return (int) n;
    }

    /**
     * A shape beyond {@link #MAX_NUMEL} elements. PyTorch refuses a shape whose byte count overflows 64 bits
     * with the text used here; below that it would try to allocate, so the first line is this workbook's.
     */
    static ShapeError tooManyElements(int... shape) {
        BigInteger n = BigInteger.ONE;
        for (int s : shape) n = n.multiply(BigInteger.valueOf(s));
        String first = n.shiftLeft(2).bitLength() > 63
                ? "Storage size calculation overflowed with sizes=" + str(shape)
                : "a tensor of shape " + str(shape) + " would have " + n + " elements";
        return new ShapeError(first,
                "A tensor here keeps its elements in one Java float[], which holds at most 2^31-1 = " + MAX_NUMEL
                        + " elements; " + str(shape) + " has " + n + ".",
                "use smaller sizes (for example a smaller batch, processed in chunks)");
    }

    /**
     * {@code a + b + ...} for sizes computed from user arguments (padding, dilation): a sum beyond
     * {@code Integer.MAX_VALUE} is a {@link ShapeError} naming {@code what}, never a negative wrap-around.
     */
    static int checkedSize(String what, long value) {
        if (value > Integer.MAX_VALUE) throw sizeBeyondInt(what, value);
        return (int) value;
    }

    /** The error of {@link #checkedSize}: {@code what} would be {@code value}, more than an int holds. */
    static ShapeError sizeBeyondInt(String what, long value) {
        return new ShapeError(what + " would be " + value + ", more than the largest size, " + Integer.MAX_VALUE,
                "A size here is a Java int, at most 2^31-1 = " + Integer.MAX_VALUE + ".",
                "use smaller padding, dilation or kernel sizes");
    }

    /** Row-major strides: the last dim moves by 1, each earlier dim by the product of the sizes after it. */
    static int[] contiguousStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = s;
            s *= Math.max(shape[d], 1);
        }
        return strides;
    }

    /** Rejects negative sizes, as torch.zeros(-1) does. */
    static int[] checkCreationShape(int[] shape) {
        for (int s : shape) {
            if (s < 0) {
                throw new ShapeError(TorchText.negativeDimension(s, shape),
                        "Every size in a shape counts elements, so it must be 0 or more.",
                        "replace " + s + " with a size >= 0");
            }
        }
        return shape.clone();
    }

    /** Python-style dim: -1 is the last dim. A 0-d tensor accepts dims -1 and 0, as in torch. */
    static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            String why = rank == 0
                    ? "This tensor is 0-d (a scalar): it has no dims, and PyTorch accepts only dim 0 or -1 for it."
                    : "This tensor has " + rank + " dim" + (rank == 1 ? "" : "s") + "; dim " + dim + " does not exist.";
            throw new IndexError(TorchText.dimOutOfRange(dim, r), why,
                    "pass a dim between " + (-r) + " and " + (r - 1) + " (negative dims count from the end)");
        }
        return dim < 0 ? dim + r : dim;
    }

    /**
     * The position of a new dim inserted into a tensor of the given rank (unsqueeze, stack): there are
     * rank + 1 places, so -(rank+1) .. rank are valid, as in torch. op names the call in the explanation.
     */
    static int wrapNewDim(int dim, int rank, String op) {
        int r = rank + 1;
        if (dim < -r || dim >= r) {
            throw new IndexError(TorchText.dimOutOfRange(dim, r),
                    op + " inserts a new dim into " + (rank == 0 ? "a 0-d tensor" : "tensors of " + rank + " dim"
                            + (rank == 1 ? "" : "s")) + ": there " + (r == 1 ? "is 1 place" : "are " + r + " places")
                            + " for it, positions " + (-r)
                            + " to " + rank + "; " + dim + " is not one of them.",
                    "pass a dim between " + (-r) + " and " + rank + " (" + rank + " or -1 puts it last, 0 first)");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** Resolves one -1 in a requested shape, with torch's errors for every impossible request. */
    static int[] inferSize(int[] requested, int numel) {
        int inferred = -1;
        long known = 1;
        for (int d = 0; d < requested.length; d++) {
            int s = requested[d];
            if (s == -1) {
                if (inferred >= 0) {
                    throw new ShapeError("only one dimension can be inferred",
                            "The shape " + str(requested) + " has more than one -1; only one size can be worked out.",
                            "write every size but one explicitly, e.g. reshape(" + numel + ") or reshape(-1, "
                                    + (requested.length > 1 ? Math.max(1, requested[requested.length - 1]) : 1) + ")");
                }
                inferred = d;
            } else if (s < 0) {
                throw new ShapeError("invalid shape dimension " + s,
                        "Sizes must be >= 0, or -1 for 'work this one out'.", "replace " + s + " with -1 or a size >= 0");
            } else {
                known *= s;
            }
        }
        int[] out = requested.clone();
        if (inferred >= 0) {
            if (known == 0) {
                if (numel == 0) {
                    throw new ShapeError("cannot reshape tensor of 0 elements into shape " + str(requested)
                            + " because the unspecified dimension size -1 can be any value and is ambiguous",
                            "With another size already 0, any value of -1 gives 0 elements.",
                            "replace -1 with the size you want");
                }
            } else if (numel % known == 0) {
                out[inferred] = (int) (numel / known);
                return out;
            }
        } else if (known == numel) {
            return out;
        }
        throw new ShapeError("shape '" + str(requested) + "' is invalid for input of size " + numel,
                "The new shape must hold exactly the " + numel + " elements of the tensor"
                        + (inferred >= 0 ? "; the other sizes multiply to " + known + ", which does not divide " + numel + "."
                                : ", but " + str(requested) + " holds " + known + "."),
                inferred >= 0 ? inferredFix(requested, inferred, known, numel)
                        : "choose sizes whose product is " + numel + ", or put -1 in one place to have it inferred");
    }

    /**
     * The repair when the shape already has its -1 and the other sizes' product {@code known} does not
     * divide {@code numel}: the divisors of numel nearest that product, as whole shapes when only one size
     * is given beside the -1.
     */
    private static String inferredFix(int[] requested, int inferred, long known, int numel) {
        if (known == 0) {
            return "a size 0 makes the shape hold no elements whatever -1 becomes, not " + numel + ": replace the 0 with a size >= 1";
        }
        long below = 1;
        long above = -1;
        for (long d = 1; d * d <= numel; d++) {
            if (numel % d != 0) continue;
            for (long q : new long[] {d, numel / d}) {
                if (q < known) below = Math.max(below, q);
                if (q > known && (above < 0 || q < above)) above = q;
            }
        }
        int given = -1;
        for (int d = 0; d < requested.length; d++) {
            if (d == inferred) continue;
            if (given >= 0) {
                given = -2;
                break;
            }
            given = d;
        }
        String near = "the divisor" + (above < 0 ? "" : "s") + " of " + numel + " nearest " + known;
        String works;
        if (given >= 0) {
            int[] shape = requested.clone();
            shape[given] = (int) below;
            works = str(shape);
            if (above > 0) {
                shape[given] = (int) above;
                works += " or " + str(shape);
            }
            works += " would work (" + near + ")";
        } else {
            works = "make them multiply to " + below + (above > 0 ? " or " + above : "") + " (" + near + ")";
        }
        return "the shape has its -1, but the other size" + (given >= 0 ? ", " + known + "," : "s, multiplying to " + known + ",")
                + " must divide " + numel + " for -1 to be a whole number: " + works
                + "; or reshape differently, into sizes whose product is " + numel;
    }

    /**
     * Broadcast shape of a and b: align trailing dims; each pair must be equal or contain a 1.
     * "a" and "b" in the message are the two operands, as in torch.
     */
    static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int i = 1; i <= rank; i++) {
            int sa = a.length - i >= 0 ? a[a.length - i] : 1;
            int sb = b.length - i >= 0 ? b[b.length - i] : 1;
            if (sa != sb && sa != 1 && sb != 1) {
                int dim = rank - i;
                throw new ShapeError("The size of tensor a (" + sa + ") must match the size of tensor b (" + sb
                        + ") at non-singleton dimension " + dim,
                        "Broadcasting lines up " + str(a) + " and " + str(b) + " from the right; at dim " + dim
                                + " the sizes " + sa + " and " + sb + " differ and neither is 1.",
                        "make the sizes at dim " + dim + " equal, or make one of them 1 (e.g. with unsqueeze or reshape)");
            }
            out[rank - i] = sa == 1 ? sb : sa;
        }
        return out;
    }

    /**
     * Strides that let a tensor of oldShape/oldStrides be viewed as newShape without copying, or null when
     * impossible (ATen's computeStride): each group of old dims that merges or splits must be contiguous
     * within itself.
     */
    static int[] viewStrides(int[] oldShape, int[] oldStrides, int[] newShape) {
        int[] newStrides = new int[newShape.length];
        if (oldShape.length == 0) return contiguousStrides(newShape);
        if (numel(oldShape) == 0) {
            return Arrays.equals(oldShape, newShape) ? oldStrides.clone() : contiguousStrides(newShape);
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStrides.length > 0 ? oldStrides[oldStrides.length - 1] : 1;
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1
                    && oldStrides[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStrides[viewD] = (int) (viewNumel * chunkBaseStride);
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) return null;
                if (tensorD > 0) {
                    chunkBaseStride = oldStrides[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStrides : null;
    }
}
