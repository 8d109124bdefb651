package layerwise.experiment;

import java.util.List;

/**
 * Activation statistics through the depth of one network: which network, which init, which activation,
 * and one {@link LayerStats} per layer (the input first).
 *
 * @param network    "mlp" or "conv"
 * @param scheme     the init scheme's name
 * @param activation "tanh", "relu", "sigmoid" or "linear"
 * @param width      features per layer (MLP) or channels (conv stack)
 * @param layers     layer 0 (the input) to layer depth
 */
public record DepthStats(String network, String scheme, String activation, int width, List<LayerStats> layers) {

    /** "xavier_uniform + tanh", the label plots and tables use. */
    public String label() {
        return scheme + " + " + activation;
    }

    public int depth() {
        return layers.size() - 1;
    }

    /** The std of layer l's activations. */
    public double std(int layer) {
        return layers.get(layer).std();
    }

    /** The last layer's std divided by the input's: about 1 when the init fits the activation. */
    public double stdRatio() {
        return std(depth()) / std(0);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(network).append(' ').append(label()).append(", width ").append(width);
        for (LayerStats l : layers) sb.append("\n  ").append(l);
        return sb.toString();
    }
}
