package layerwise.nn;

import layerwise.tensor.Tensor;

/** tanh(x), elementwise, like {@code torch.nn.Tanh}. */
public final class Tanh extends Module implements TensorModule {
    @Override
    public Tensor forward(Tensor input) {
        return layerwise.tensor.Nulls.tensor(input, "tanh", "input", 1).tanh();
    }
}
