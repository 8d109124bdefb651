package layerwise.nn;

import layerwise.tensor.Tensor;

/**
 * Flattens dims startDim..endDim into one, like {@code torch.nn.Flatten}; the defaults (1, -1) keep the
 * batch dim: (N, C, H, W) becomes (N, C*H*W), the input a Linear after a conv stack expects.
 */
public final class Flatten extends Module implements TensorModule {
    private final int startDim;
    private final int endDim;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int startDim, int endDim) {
        this.startDim = startDim;
        this.endDim = endDim;
    }

    @Override
    public Tensor forward(Tensor input) {
        return layerwise.tensor.Nulls.tensor(input, "flatten", "input", 1).flatten(startDim, endDim);
    }

    public int startDim() {
        return startDim;
    }

    public int endDim() {
        return endDim;
    }

    @Override
    public String extraRepr() {
        return "start_dim=" + startDim + ", end_dim=" + endDim;
    }
}
