package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * Layers applied one after the other, like {@code torch.nn.Sequential}. The children are named "0", "1",
 * ..., so the state dict keys are "0.weight", "0.bias", "2.weight", ...
 */
public final class Sequential extends Module implements TensorModule {
    private int size;

    /** Each layer must be a Module (Linear, Conv2d, ReLU, another Sequential, ...). */
    public Sequential(TensorModule... layers) {
        for (TensorModule layer : layers) append(layer);
    }

    /** Adds a layer at the end, named by its position. Returns this. */
    public Sequential append(TensorModule layer) {
        if (!(layer instanceof Module)) {
            throw new IllegalArgumentException("Sequential holds Modules; " + layer + " (" + layer.getClass().getName()
                    + ") is not one. Fix: extend layerwise.nn.Module and implement TensorModule.");
        }
        registerModule(String.valueOf(size++), (Module) layer);
        return this;
    }

    /** The layer at index i; negative indices count from the end, as in Python. */
    public TensorModule get(int i) {
        int j = i < 0 ? i + size : i;
        if (j < 0 || j >= size) {
            throw new IndexOutOfBoundsException("index " + i + " is out of range (this Sequential has " + size + " layers)");
        }
        return (TensorModule) namedChildren().get(String.valueOf(j));
    }

    public int size() {
        return size;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor x = input;
        for (Module layer : children()) x = ((TensorModule) layer).forward(x);
        return x;
    }

    @Override
    public String extraRepr() {
        return "";
    }
}
