package layerwise.experiment;

import layerwise.nn.Conv2d;
import layerwise.nn.Linear;
import layerwise.nn.ReLU;
import layerwise.nn.Sigmoid;
import layerwise.nn.Tanh;
import layerwise.nn.TensorModule;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * The classic experiment behind "initialization matters": push a batch of N(0, 1) inputs through a stack
 * of layers, each followed by an activation, and record the activations' statistics after every layer.
 *
 * <p>Why it goes wrong: a layer's output y = Wx sums fan_in terms, so Var(y) = fan_in · Var(w) · E[x²].
 * If fan_in · Var(w) is above what the activation needs, the std grows by that factor at every layer
 * (explodes, or saturates tanh); below, it shrinks (collapses to 0). Xavier picks Var(w) = 2/(fan_in +
 * fan_out) (≈ 1/fan_in for square layers: right for tanh near 0), Kaiming picks 2/fan_in (ReLU zeroes half
 * of the inputs, so it needs twice the variance).
 */
public final class DepthExperiment {
    private DepthExperiment() {
    }

    /** {@link #mlp(Scheme, String, int, int, int, long)} with width 256, a batch of 256 and seed 0. */
    public static DepthStats mlp(Scheme scheme, String activation, int depth) {
        return mlp(scheme, activation, depth, 256, 256, 0);
    }

    /**
     * depth × [Linear(width, width), activation] on x ~ N(0, 1) of shape (batch, width). The layers are
     * built after {@code Tensor.manualSeed(seed)}, then the input is drawn.
     */
    public static DepthStats mlp(Scheme scheme, String activation, int depth, int width, int batch, long seed) {
        TensorModule act = activation(activation);
        Tensor.manualSeed(seed);
        List<Linear> layers = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            Linear lin = new Linear(width, width);
            scheme.apply(lin.weight, lin.bias);
            layers.add(lin);
        }
        Tensor x = Tensor.randn(batch, width);
        return new DepthStats("mlp", scheme.name(), activation, width, forward(layers, act, activation, x));
    }

    /** {@link #convStack(Scheme, String, int, int, int, int, long)} with 16 channels, 16×16 images, batch 8, seed 0. */
    public static DepthStats convStack(Scheme scheme, String activation, int depth) {
        return convStack(scheme, activation, depth, 16, 16, 8, 0);
    }

    /**
     * depth × [Conv2d(channels, channels, 3, padding=1), activation] on x ~ N(0, 1) of shape
     * (batch, channels, size, size). fan_in = channels·9 here, so the same schemes apply with that fan.
     */
    public static DepthStats convStack(Scheme scheme, String activation, int depth, int channels, int size,
                                       int batch, long seed) {
        TensorModule act = activation(activation);
        Tensor.manualSeed(seed);
        List<Conv2d> layers = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            Conv2d conv = new Conv2d(channels, channels, 3, Conv2d.options().padding(1));
            scheme.apply(conv.weight, conv.bias);
            layers.add(conv);
        }
        Tensor x = Tensor.randn(batch, channels, size, size);
        return new DepthStats("conv", scheme.name(), activation, channels, forward(layers, act, activation, x));
    }

    /** Runs x through each layer and the activation, recording the statistics of the input and every layer. */
    private static List<LayerStats> forward(List<? extends TensorModule> layers, TensorModule act, String activation,
                                            Tensor x) {
        List<LayerStats> stats = new ArrayList<>();
        stats.add(LayerStats.of(0, activation, null, x));
        try (var noGrad = Autograd.noGrad()) {               // statistics of the forward pass only: no graph to keep
            for (int i = 0; i < layers.size(); i++) {
                Tensor pre = layers.get(i).forward(x);
                x = act.forward(pre);
                stats.add(LayerStats.of(i + 1, activation, pre, x));
            }
        }
        return stats;
    }

    private static TensorModule activation(String name) {
        switch (name) {
            case "tanh": return new Tanh();
            case "relu": return new ReLU();
            case "sigmoid": return new Sigmoid();
            case "linear": return x -> x;
            default:
                throw new IllegalArgumentException("Unknown activation '" + name + "'\n"
                        + "  The depth experiment puts one activation after every layer.\n"
                        + "  Fix: pass \"tanh\", \"relu\", \"sigmoid\" or \"linear\".");
        }
    }
}
