package layerwise.nn;

import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/** max(0, x) + negativeSlope * min(0, x), like {@code torch.nn.LeakyReLU} (default slope 0.01). */
public final class LeakyReLU extends Module implements TensorModule {
    private final double negativeSlope;

    public LeakyReLU() {
        this(0.01);
    }

    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.leakyRelu(input, (float) negativeSlope);
    }

    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PyRepr.number(negativeSlope);
    }
}
