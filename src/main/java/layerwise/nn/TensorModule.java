package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * A module whose forward pass maps one tensor to one tensor: Linear, Conv2d, ReLU, Sequential, ...
 * (The recurrent layers return a record with the final states as well, so they are not TensorModules.)
 */
public interface TensorModule {
    Tensor forward(Tensor input);
}
