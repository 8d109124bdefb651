package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/** log(exp(x) / Σ exp(x)) along dim, computed stably, like {@code torch.nn.LogSoftmax(dim)}. */
public final class LogSoftmax extends Module implements TensorModule {
    private final int dim;

    public LogSoftmax(int dim) {
        this.dim = dim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.logSoftmax(input, dim);
    }

    @Override
    public String extraRepr() {
        return "dim=" + dim;
    }
}
