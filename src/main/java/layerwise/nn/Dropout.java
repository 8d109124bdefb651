package layerwise.nn;

import layerwise.tensor.ValueError;
import layerwise.tensor.TorchText;
import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;

/**
 * Like {@code torch.nn.Dropout}: in training mode each element is zeroed with probability p (drawn from
 * the seeded generator) and the others are scaled by 1/(1-p); in eval mode it is the identity.
 */
public final class Dropout extends Module implements TensorModule {
    private final double p;

    public Dropout() {
        this(0.5);
    }

    public Dropout(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new ValueError(TorchText.dropoutProbability(PyRepr.number(p)),
                    "p is the probability of zeroing each element.", "use a p between 0 and 1, e.g. Dropout(0.5)");
        }
        this.p = p;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.dropout(input, p, isTraining());
    }

    public double p() {
        return p;
    }

    @Override
    public String extraRepr() {
        return "p=" + PyRepr.number(p) + ", inplace=False";
    }
}
