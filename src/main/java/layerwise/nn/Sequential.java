package layerwise.nn;

import java.util.ArrayList;
import java.util.List;

import layerwise.tensor.Nulls;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

/**
 * Layers applied one after the other, like {@code torch.nn.Sequential}. The children are named "0", "1",
 * ..., so the state dict keys are "0.weight", "0.bias", "2.weight", ...
 */
public final class Sequential extends Module implements TensorModule {
    // The children in order, as TensorModules; the Module tree (names "0", "1", ...) holds the same layers.
    private final List<TensorModule> layers = new ArrayList<>();

    /** Each layer is a Module with a one-tensor forward (Linear, Conv2d, ReLU, another Sequential, ...). */
    @SafeVarargs
    public <M extends Module & TensorModule> Sequential(M... layers) {
        Nulls.require(layers, "Sequential", "args", 1, Nulls.MODULE);
        for (int i = 0; i < layers.length; i++) Nulls.require(layers[i], "Sequential", "args", i + 1, Nulls.MODULE);
        for (M layer : layers) append(layer);
    }

    /**
     * Layers typed only as Module (from a {@code List<Module>}, say), or a mix that includes a recurrent
     * layer: each must have a one-tensor forward, checked here. RNN, LSTM, GRU and LSTMCell return their
     * states as well, so they are refused with the calls that work instead (Java picks the constructor
     * above whenever every argument is a one-tensor module).
     */
    public Sequential(Module first, Module... rest) {
        Nulls.require(first, "Sequential", "args", 1, Nulls.MODULE);
        Nulls.require(rest, "Sequential", "args", 2, Nulls.MODULE);
        for (int i = 0; i < rest.length; i++) Nulls.require(rest[i], "Sequential", "args", i + 2, Nulls.MODULE);
        List<Module> all = new ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i) instanceof TensorModule)) throw NotOneTensor.inSequential(all, i);
        }
        for (Module layer : all) append(layer);
    }

    /**
     * Adds a layer at the end, named by its position. Returns this. It takes what the constructors take:
     * any Module, refused with the calls that work instead when its forward returns more than one tensor
     * (RNN, LSTM, GRU, LSTMCell).
     */
    public Sequential append(Module layer) {
        Nulls.require(layer, "append", "module", 1, Nulls.MODULE);
        if (!(layer instanceof TensorModule one)) {
            List<Module> all = new ArrayList<>(namedChildren().values());
            all.add(layer);
            throw NotOneTensor.inSequential(all, all.size() - 1);
        }
        registerModule(String.valueOf(layers.size()), layer);
        layers.add(one);
        return this;
    }

    /** The layer at index i; negative indices count from the end, as in Python. */
    public TensorModule get(int i) {
        int j = i < 0 ? i + layers.size() : i;
        if (j < 0 || j >= layers.size()) {
            throw new IndexOutOfBoundsException("index " + i + " is out of range (this Sequential has " + layers.size()
                    + " layers)");
        }
        return layers.get(j);
    }

    public int size() {
        return layers.size();
    }

    /**
     * Runs the layers in order. A layer that fails (here or in a nested Sequential) throws its ShapeError
     * with the network around it: the layer's path, what reached it and where that came from.
     */
    @Override
    public Tensor forward(Tensor input) {
        Nulls.tensor(input, "Sequential.forward", "input", 1);
        List<NetworkErrors.Step> steps = new ArrayList<>();
        try {
            return run(input, "", steps);
        } catch (ShapeError e) {
            throw NetworkErrors.inNetwork(input.shape(), steps, e);
        }
    }

    /** The forward pass, nested Sequentials opened, recording the shape that reaches each layer. */
    private Tensor run(Tensor x, String prefix, List<NetworkErrors.Step> steps) {
        for (int i = 0; i < layers.size(); i++) {
            TensorModule layer = layers.get(i);
            if (layer instanceof Sequential inner) {
                x = inner.run(x, prefix + i + ".", steps);
            } else {
                steps.add(new NetworkErrors.Step(prefix + i, (Module) layer, x.shape()));
                x = layer.forward(x);
            }
        }
        return x;
    }
}
