package layerwise.tensor;

import java.util.Arrays;
import java.util.List;

/**
 * The views with their derivatives. A view moves no numbers, it only reads the same ones in another
 * arrangement, so its backward rearranges g back: reshape g to the input's shape, transpose it back,
 * invert the permutation, sum what expand repeated, and put a slice's gradient into a zero tensor the
 * input's size (elements outside the slice did not reach the output: their gradient is 0).
 */
final class ViewGrad {
    private ViewGrad() {
    }

    private static Tensor[] of(Tensor g) {
        return new Tensor[] {g};
    }

    /** view:  dx = g.reshape(x.shape). */
    static Tensor view(Tensor x, int[] shape) {
        return Autograd.op("ViewBackward0", () -> Views.view(x, shape), (g, out) -> of(g.reshape(x.dims)), new Tensor[] {x});
    }

    /** reshape, a view when the strides allow it (ViewBackward0) or a copy (UnsafeViewBackward0):  dx = g.reshape(x.shape). */
    static Tensor reshape(Tensor x, int[] shape) {
        boolean isView = Shapes.viewStrides(x.dims, x.strides, Shapes.inferSize(shape, x.numel())) != null;
        return Autograd.op(isView ? "ViewBackward0" : "UnsafeViewBackward0", () -> Views.reshape(x, shape),
                (g, out) -> of(g.reshape(x.dims)), new Tensor[] {x});
    }

    /** transpose(d0, d1):  dx = g.transpose(d0, d1). */
    static Tensor transpose(Tensor x, int d0, int d1) {
        return Autograd.op("TransposeBackward0", () -> Views.transpose(x, d0, d1),
                (g, out) -> of(Views.transpose(g, d0, d1)), new Tensor[] {x});
    }

    /** t():  dx = g.t(). */
    static Tensor t(Tensor x) {
        return Autograd.op("TBackward0", () -> Views.t(x), (g, out) -> of(Views.t(g)), new Tensor[] {x});
    }

    /** permute(p):  dx = g.permute(p⁻¹), the inverse permutation (out dim i came from input dim p[i]). */
    static Tensor permute(Tensor x, int[] dims) {
        return Autograd.op("PermuteBackward0", () -> Views.permute(x, dims), (g, out) -> {
            int[] inverse = new int[dims.length];
            for (int i = 0; i < dims.length; i++) inverse[Shapes.wrapDim(dims[i], dims.length)] = i;
            return of(Views.permute(g, inverse));
        }, new Tensor[] {x});
    }

    static Tensor squeeze(Tensor x) {
        return Autograd.op("SqueezeBackward0", () -> Views.squeeze(x), (g, out) -> of(g.reshape(x.dims)), new Tensor[] {x});
    }

    static Tensor squeeze(Tensor x, int dim) {
        return Autograd.op("SqueezeBackward1", () -> Views.squeeze(x, dim), (g, out) -> of(g.reshape(x.dims)), new Tensor[] {x});
    }

    static Tensor unsqueeze(Tensor x, int dim) {
        return Autograd.op("UnsqueezeBackward0", () -> Views.unsqueeze(x, dim), (g, out) -> of(g.reshape(x.dims)),
                new Tensor[] {x});
    }

    /** expand:  dx = g summed over every dim expand repeated (those it added in front, those of size 1). */
    static Tensor expand(Tensor x, int[] sizes) {
        return Autograd.op("ExpandBackward0", () -> Views.expand(x, sizes), (g, out) -> of(Grads.sumTo(g, x.dims)),
                new Tensor[] {x});
    }

    /** flatten, a reshape:  dx = g.reshape(x.shape). */
    static Tensor flatten(Tensor x, int startDim, int endDim) {
        return Autograd.op("ViewBackward0", () -> Views.flatten(x, startDim, endDim), (g, out) -> of(g.reshape(x.dims)),
                new Tensor[] {x});
    }

    /** narrow(dim, start, length):  dx = zeros with g in [start, start+length). */
    static Tensor narrow(Tensor x, int dim, int start, int length) {
        Tensor probe = Views.narrow(x, dim, start, length);     // checks the arguments once, with grads or without
        int s = start < 0 ? start + x.size(dim) : start;
        return Autograd.op("SliceBackward0", () -> probe,
                (g, out) -> of(Grads.scatter(x.dims, g, z -> Views.narrow(z, dim, s, length))), new Tensor[] {x});
    }

    /** x[start:end:step] along dim:  dx = zeros with g at the sliced positions. */
    static Tensor slice(Tensor x, int dim, int start, int end, int step) {
        return Autograd.op("SliceBackward0", () -> Views.slice(x, dim, start, end, step),
                (g, out) -> of(Grads.scatter(x.dims, g, z -> Views.slice(z, dim, start, end, step))), new Tensor[] {x});
    }

    /** select(dim, i):  dx = zeros with g at index i of dim. */
    static Tensor select(Tensor x, int dim, int index) {
        return Autograd.op("SelectBackward0", () -> Views.select(x, dim, index),
                (g, out) -> of(Grads.scatter(x.dims, g, z -> Views.select(z, dim, index))), new Tensor[] {x});
    }

    /** chunk: several views; dx = the pieces' gradients joined back along dim (zeros for a piece with none). */
    static List<Tensor> chunk(Tensor x, int chunks, int dim) {
        List<Tensor> pieces = Views.chunk(x, chunks, dim);
        if (!Autograd.recording(x)) return pieces;
        int d = Shapes.wrapDim(dim, x.dims.length);
        Tensor[] outs = Autograd.multi("SplitBackward0", () -> pieces.toArray(new Tensor[0]),
                (grads, o) -> new Tensor[] {Join.cat(Arrays.asList(grads), d)}, new Tensor[] {x});
        return List.of(outs);
    }
}
