package layerwise.tensor;

import java.util.List;

/** cat and stack with their derivatives: each input's gradient is its own piece of g. */
final class JoinGrad {
    private JoinGrad() {
    }

    /** cat along dim:  d(input i) = g.narrow(dim, where input i starts, its size). */
    static Tensor cat(List<Tensor> tensors, int dim) {
        Tensor out0 = Join.cat(tensors, dim);
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (!Autograd.recording(inputs)) return out0;
        return Autograd.op("CatBackward0", () -> out0, (g, out) -> {
            Tensor[] grads = new Tensor[inputs.length];
            int d = Shapes.wrapDim(dim, g.dims.length);
            int at = 0;
            for (int i = 0; i < inputs.length; i++) {
                Tensor t = inputs[i];
                if (t.dims.length == 1 && t.dims[0] == 0 && g.dims.length != 1) {   // the legacy empty tensor cat skips
                    grads[i] = Tensor.zeros(0);
                    continue;
                }
                grads[i] = Views.narrow(g, d, at, t.dims[d]);
                at += t.dims[d];
            }
            return grads;
        }, inputs);
    }

    /** stack along a new dim:  d(input i) = g.select(dim, i). */
    static Tensor stack(List<Tensor> tensors, int dim) {
        Tensor out0 = Join.stack(tensors, dim);
        Tensor[] inputs = tensors.toArray(new Tensor[0]);
        if (!Autograd.recording(inputs)) return out0;
        return Autograd.op("StackBackward0", () -> out0, (g, out) -> {
            int d = Shapes.wrapNewDim(dim, inputs[0].dims.length, "stack");
            Tensor[] grads = new Tensor[inputs.length];
            for (int i = 0; i < inputs.length; i++) grads[i] = Views.select(g, d, i);
            return grads;
        }, inputs);
    }
}
