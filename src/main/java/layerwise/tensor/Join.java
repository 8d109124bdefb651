package layerwise.tensor;

import java.util.ArrayList;
import java.util.List;

/** torch.cat and torch.stack. */
final class Join {
    private Join() {
    }

    /** Joins along an existing dim; all other sizes must match. 1-D empty tensors are skipped, as in torch. */
    static Tensor cat(List<Tensor> tensors, int dim) {
        Nulls.tensors(tensors, "cat", "tensors", 1);
        if (tensors.isEmpty()) {
            throw new ShapeError("torch.cat(): expected a non-empty list of Tensors",
                    "There is nothing to concatenate.", "pass at least one tensor");
        }
        List<Tensor> parts = new ArrayList<>();
        for (int i = 0; i < tensors.size(); i++) {
            Tensor t = tensors.get(i);
            if (t.dims.length == 0) {
                throw new ShapeError("zero-dimensional tensor (at position " + i + ") cannot be concatenated",
                        "A 0-d tensor has no dim to join along.", "use stack(...), or reshape(1) the 0-d tensor");
            }
            if (!(t.dims.length == 1 && t.dims[0] == 0)) parts.add(t);
        }
        if (parts.isEmpty()) return tensors.get(0).clone();
        Tensor first = parts.get(0);
        int rank = first.dims.length;
        int d = Shapes.wrapDim(dim, rank);
        long total = 0;
        for (int i = 0; i < parts.size(); i++) {
            Tensor t = parts.get(i);
            if (t.dims.length != rank) {
                throw new ShapeError("Tensors must have same number of dimensions: got " + rank + " and " + t.dims.length,
                        "cat joins tensors of one rank; got shapes " + Shapes.str(first.dims) + " and " + Shapes.str(t.dims) + ".",
                        "unsqueeze or reshape the tensors to the same number of dims");
            }
            for (int k = 0; k < rank; k++) {
                if (k != d && t.dims[k] != first.dims[k]) {
                    throw new ShapeError("Sizes of tensors must match except in dimension " + d + ". Expected size "
                            + first.dims[k] + " but got size " + t.dims[k] + " for tensor number "
                            + tensors.indexOf(t) + " in the list.",
                            "cat along dim " + d + " needs every other dim equal; got " + Shapes.str(first.dims)
                                    + " and " + Shapes.str(t.dims) + ".",
                            "make dim " + k + " equal (" + first.dims[k] + "), or concatenate along dim " + k + " instead");
                }
            }
            total += t.dims[d];
        }
        int[] shape = first.dims.clone();
        shape[d] = Shapes.checkedSize("the joined dim " + d + " (the sum of the parts' sizes)", total);
        Tensor out = Tensor.zeros(shape);
        int at = 0;
        for (Tensor t : parts) {
            Tensor target = Views.narrow(out, d, at, t.dims[d]);
            Strided.apply(target, t, t, Arith.COPY);
            at += t.dims[d];
        }
        return out;
    }

    /** Joins along a new dim; all shapes must be equal. */
    static Tensor stack(List<Tensor> tensors, int dim) {
        Nulls.tensors(tensors, "stack", "tensors", 1);
        if (tensors.isEmpty()) {
            throw new ShapeError("stack expects a non-empty TensorList", "There is nothing to stack.",
                    "pass at least one tensor");
        }
        int[] s0 = tensors.get(0).dims;
        for (int i = 1; i < tensors.size(); i++) {
            int[] s = tensors.get(i).dims;
            if (!java.util.Arrays.equals(s, s0)) {
                throw new ShapeError("stack expects each tensor to be equal size, but got " + Shapes.str(s0)
                        + " at entry 0 and " + Shapes.str(s) + " at entry " + i,
                        "stack puts the tensors side by side along a new dim, so they must all have one shape.",
                        "reshape entry " + i + " to " + Shapes.str(s0) + ", or use cat to join along an existing dim");
            }
        }
        int d = Shapes.wrapNewDim(dim, s0.length, "stack");
        List<Tensor> parts = new ArrayList<>();
        for (Tensor t : tensors) parts.add(Views.unsqueeze(t, d));
        return cat(parts, d);
    }
}
