package layerwise.nn;

import layerwise.tensor.Tensor;

/** 1 / (1 + exp(-x)), elementwise, like {@code torch.nn.Sigmoid}. */
public final class Sigmoid extends Module implements TensorModule {
    @Override
    public Tensor forward(Tensor input) {
        return layerwise.tensor.Nulls.tensor(input, "sigmoid", "input", 1).sigmoid();
    }
}
