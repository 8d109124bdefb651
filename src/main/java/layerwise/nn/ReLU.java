package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/** max(0, x), elementwise, like {@code torch.nn.ReLU}. */
public final class ReLU extends Module implements TensorModule {
    @Override
    public Tensor forward(Tensor input) {
        return Functional.relu(input);
    }
}
