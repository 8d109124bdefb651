package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/** exp(x) / Σ exp(x) along dim, like {@code torch.nn.Softmax(dim)}: each slice along dim sums to 1. */
public final class Softmax extends Module implements TensorModule {
    private final int dim;

    public Softmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.softmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
