package layerwise.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Views: new shape/strides/offset over the same storage, no copying. A view can always be read with the
 * formula position = offset + sum(index[d] * stride[d]).
 */
final class Views {
    private Views() {
    }

    private static Tensor make(Tensor t, int[] shape, int[] strides, int offset) {
        return new Tensor(t, shape, strides, offset);
    }

    /** Another tensor object over exactly t's elements (a view of it, with no history of its own). */
    static Tensor alias(Tensor t) {
        return make(t, t.dims, t.strides, t.offset);
    }

    static Tensor view(Tensor t, int[] requested) {
        int[] shape = Shapes.inferSize(requested, t.numel());
        int[] strides = Shapes.viewStrides(t.dims, t.strides, shape);
        if (strides == null) {
            throw new ShapeError("view size is not compatible with input tensor's size and stride (at least one"
                    + " dimension spans across two contiguous subspaces). Use .reshape(...) instead.",
                    "This tensor of shape " + Shapes.str(t.dims) + " has strides " + Shapes.str(t.strides)
                            + " (e.g. after transpose or permute), so its elements are not laid out in the order "
                            + Shapes.str(shape) + " needs.",
                    "call reshape(...) (copies when needed) or contiguous().view(...)");
        }
        return make(t, shape, strides, t.offset);
    }

    /** A view when the strides allow it, otherwise a contiguous copy, as torch.reshape. */
    static Tensor reshape(Tensor t, int[] requested) {
        int[] shape = Shapes.inferSize(requested, t.numel());
        int[] strides = Shapes.viewStrides(t.dims, t.strides, shape);
        if (strides != null) return make(t, shape, strides, t.offset);
        return new Tensor(Strided.toArray(t), shape, Shapes.contiguousStrides(shape), 0);
    }

    static Tensor transpose(Tensor t, int dim0, int dim1) {
        int r = t.dims.length;
        int a = Shapes.wrapDim(dim0, r);
        int b = Shapes.wrapDim(dim1, r);
        if (r == 0) return t;
        int[] shape = t.dims.clone();
        int[] strides = t.strides.clone();
        shape[a] = t.dims[b];
        shape[b] = t.dims[a];
        strides[a] = t.strides[b];
        strides[b] = t.strides[a];
        return make(t, shape, strides, t.offset);
    }

    static Tensor t(Tensor t) {
        int r = t.dims.length;
        if (r > 2) {
            throw new ShapeError("t() expects a tensor with <= 2 dimensions, but self is " + r + "D",
                    "t() swaps the two dims of a matrix; this tensor has shape " + Shapes.str(t.dims) + ".",
                    "use transpose(" + (r - 2) + ", " + (r - 1) + ") to swap the last two dims, or permute(...)");
        }
        return r < 2 ? t : transpose(t, 0, 1);
    }

    static Tensor permute(Tensor t, int[] dims) {
        int r = t.dims.length;
        if (dims.length != r) {
            throw new ShapeError("permute(sparse_coo): number of dimensions in the tensor input does not match the length"
                    + " of the desired ordering of dimensions i.e. input.dim() = " + r + " is not equal to len(dims) = "
                    + dims.length,
                    "permute needs one entry per dim of the shape " + Shapes.str(t.dims) + ".",
                    "pass " + r + " dims, a reordering of 0.." + (r - 1));
        }
        int[] shape = new int[r];
        int[] strides = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            int d = Shapes.wrapDim(dims[i], r);
            if (seen[d]) {
                throw new ShapeError("permute(): duplicate dims are not allowed.",
                        "dim " + d + " appears twice in " + Shapes.str(dims) + ".",
                        "list each of 0.." + (r - 1) + " exactly once");
            }
            seen[d] = true;
            shape[i] = t.dims[d];
            strides[i] = t.strides[d];
        }
        return make(t, shape, strides, t.offset);
    }

    static Tensor squeeze(Tensor t) {
        int keep = 0;
        for (int s : t.dims) if (s != 1) keep++;
        int[] shape = new int[keep];
        int[] strides = new int[keep];
        int j = 0;
        for (int d = 0; d < t.dims.length; d++) {
            if (t.dims[d] != 1) {
                shape[j] = t.dims[d];
                strides[j++] = t.strides[d];
            }
        }
        return make(t, shape, strides, t.offset);
    }

    static Tensor squeeze(Tensor t, int dim) {
        int d = Shapes.wrapDim(dim, t.dims.length);
        if (t.dims.length == 0 || t.dims[d] != 1) return make(t, t.dims, t.strides, t.offset);
        return make(t, remove(t.dims, d), remove(t.strides, d), t.offset);
    }

    static Tensor unsqueeze(Tensor t, int dim) {
        int r = t.dims.length;
        int d = Shapes.wrapNewDim(dim, r, "unsqueeze");
        int stride = d < r ? t.dims[d] * t.strides[d] : 1;
        return make(t, insert(t.dims, d, 1), insert(t.strides, d, stride), t.offset);
    }

    /** Size-1 dims (and new leading dims) repeat with stride 0; -1 keeps a size. Checked from the last dim, as torch. */
    static Tensor expand(Tensor t, int[] sizes) {
        int r = t.dims.length;
        if (sizes.length < r) {
            throw new ShapeError("expand(torch.FloatTensor{" + Shapes.str(t.dims) + "}, size=" + Shapes.str(sizes)
                    + "): the number of sizes provided (" + sizes.length + ") must be greater or equal to the number"
                    + " of dimensions in the tensor (" + r + ")",
                    "expand can add leading dims but never drop one.", "pass at least " + r + " sizes");
        }
        int lead = sizes.length - r;
        int[] shape = new int[sizes.length];
        int[] strides = new int[sizes.length];
        for (int i = sizes.length - 1; i >= 0; i--) {
            int want = sizes[i];
            if (i < lead) {
                if (want < 0) {
                    throw new ShapeError("The expanded size of the tensor (" + want + ") isn't allowed in a leading,"
                            + " non-existing dimension " + i,
                            "-1 means 'keep the existing size', but dim " + i + " is new.", "give dim " + i + " a size >= 0");
                }
                shape[i] = want;
                continue;
            }
            int have = t.dims[i - lead];
            if (want == -1) want = have;
            if (have == want) {
                shape[i] = have;
                strides[i] = t.strides[i - lead];
            } else if (have == 1 && want >= 0) {
                shape[i] = want;
            } else {
                throw new ShapeError("The expanded size of the tensor (" + want + ") must match the existing size ("
                        + have + ") at non-singleton dimension " + i + ".  Target sizes: " + Shapes.str(sizes)
                        + ".  Tensor sizes: " + Shapes.str(t.dims),
                        "expand can only stretch dims of size 1; dim " + i + " has size " + have + ".",
                        "use " + have + " (or -1) at dim " + i + ", or repeat the data with cat");
            }
        }
        return make(t, shape, strides, t.offset);
    }

    static Tensor flatten(Tensor t, int startDim, int endDim) {
        int r = t.dims.length;
        int s = Shapes.wrapDim(startDim, r);
        int e = Shapes.wrapDim(endDim, r);
        // A 0-d tensor takes only dims 0 and -1 (both checked above, start first, as torch does) and becomes [1].
        if (r == 0) return reshape(t, new int[] {1});
        if (s > e) {
            throw new ShapeError("flatten() has invalid args: start_dim cannot come after end_dim",
                    "start_dim " + startDim + " is dim " + s + ", end_dim " + endDim + " is dim " + e + ".",
                    "swap the two arguments: flatten(" + endDim + ", " + startDim + ")");
        }
        int[] shape = new int[r - (e - s)];
        int j = 0;
        for (int d = 0; d < s; d++) shape[j++] = t.dims[d];
        int merged = 1;
        for (int d = s; d <= e; d++) merged *= t.dims[d];
        shape[j++] = merged;
        for (int d = e + 1; d < r; d++) shape[j++] = t.dims[d];
        return reshape(t, shape);
    }

    static Tensor narrow(Tensor t, int dim, int start, int length) {
        if (t.dims.length == 0) throw zeroDim("narrow() cannot be applied to a 0-dim tensor.");
        int d = Shapes.wrapDim(dim, t.dims.length);
        int size = t.dims[d];
        if (start < -size || start > size) {
            throw new IndexError("start out of range (expected to be in range of [" + (-size) + ", " + size
                    + "], but got " + start + ")", "dim " + d + " has size " + size + ".", "pass a start in that range");
        }
        if (start < 0) start += size;
        if (length < 0 || start + length > size) {
            throw new ShapeError("start (" + start + ") + length (" + length + ") exceeds dimension size ("
                    + size + ").", "narrow keeps elements start .. start+length-1 of dim " + d + ".",
                    "use a length of at most " + (size - start));
        }
        return sliced(t, d, start, length, 1);
    }

    /** Python slicing x[start:end:step] along dim: indices clamp to the dim, never throw. */
    static Tensor slice(Tensor t, int dim, int start, int end, int step) {
        int d = requireDims(t, dim, "slice()");
        if (step <= 0) {
            throw new ShapeError(step == 0 ? "slice step cannot be zero" : "step must be greater than zero",
                    "Tensors do not support negative or zero slice steps.", "use a step of 1 or more");
        }
        int size = t.dims[d];
        int s = clampIndex(start, size);
        int e = Math.max(clampIndex(end, size), s);
        return sliced(t, d, s, (e - s + step - 1) / step, step);
    }

    static Tensor select(Tensor t, int dim, int index) {
        int d = requireDims(t, dim, "select()");
        int size = t.dims[d];
        if (index < -size || index >= size) {
            throw new IndexError("select(): index " + index + " out of range for tensor of size "
                    + Shapes.str(t.dims) + " at dimension " + d,
                    "dim " + d + " has size " + size + ", so valid indices are " + (-size) + " .. " + (size - 1) + ".",
                    "pass an index in that range");
        }
        int i = index < 0 ? index + size : index;
        return make(t, remove(t.dims, d), remove(t.strides, d), t.offset + i * t.strides[d]);
    }

    /** torch.chunk: pieces of ceil(size/chunks) along dim, the last one smaller (so maybe fewer pieces). */
    static List<Tensor> chunk(Tensor t, int chunks, int dim) {
        if (chunks <= 0) {
            throw new ShapeError("chunk expects `chunks` to be greater than 0, got: " + chunks,
                    "chunk splits a dim into that many pieces.", "pass chunks >= 1");
        }
        if (t.dims.length == 0) throw zeroDim("chunk expects at least a 1-dimensional tensor");
        int d = Shapes.wrapDim(dim, t.dims.length);
        int size = t.dims[d];
        int step = (size + chunks - 1) / chunks;
        List<Tensor> out = new ArrayList<>();
        if (step == 0) {
            for (int i = 0; i < chunks; i++) out.add(sliced(t, d, 0, 0, 1));
            return out;
        }
        for (int s = 0; s < size; s += step) out.add(sliced(t, d, s, Math.min(step, size - s), 1));
        return out;
    }

    private static Tensor sliced(Tensor t, int d, int start, int length, int step) {
        int[] shape = t.dims.clone();
        int[] strides = t.strides.clone();
        shape[d] = length;
        strides[d] = t.strides[d] * step;
        return make(t, shape, strides, t.offset + start * t.strides[d]);
    }

    private static ShapeError zeroDim(String torchText) {
        return new ShapeError(torchText, "A 0-d tensor (a scalar) has no dims to split or cut.",
                "reshape(1) it first, or use item()");
    }

    private static int requireDims(Tensor t, int dim, String op) {
        if (t.dims.length == 0) {
            throw new IndexError(op + " cannot be applied to a 0-dim tensor.",
                    "A 0-d tensor (a scalar) has no dims to index.", "reshape(1) it first, or use item()");
        }
        return Shapes.wrapDim(dim, t.dims.length);
    }

    private static int clampIndex(int i, int size) {
        if (i < 0) i += size;
        return Math.max(0, Math.min(i, size));
    }

    static int[] remove(int[] a, int at) {
        int[] out = new int[a.length - 1];
        for (int i = 0, j = 0; i < a.length; i++) if (i != at) out[j++] = a[i];
        return out;
    }

    static int[] insert(int[] a, int at, int value) {
        int[] out = new int[a.length + 1];
        for (int i = 0, j = 0; i < out.length; i++) out[i] = i == at ? value : a[j++];
        return out;
    }
}
