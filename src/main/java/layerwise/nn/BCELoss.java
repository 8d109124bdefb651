package layerwise.nn;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;

/**
 * Binary cross-entropy between probabilities and labels, like {@code torch.nn.BCELoss}:
 * -(y log x + (1 - y) log(1 - x)), each log clamped at -100. The input must lie in [0, 1] (a Sigmoid's
 * output); {@link BCEWithLogitsLoss} takes the logits instead and is more accurate.
 * Keywords through {@link #options()}: weight (broadcast to the input), reduction.
 */
public final class BCELoss extends Loss {
    private final Tensor weight;

    public BCELoss() {
        this(options());
    }

    /** PyTorch's first positional argument, the weights. */
    public BCELoss(Tensor weight) {
        this(options().weight(weight));
    }

    public BCELoss(LossOptions options) {
        super(options.allow("BCELoss", "weight", "reduction").reduction);
        this.weight = options.weight;
    }

    /** The options object: weight, reduction. */
    public static LossOptions options() {
        return new LossOptions();
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropy(input, target, weight, reduction);
    }
}
