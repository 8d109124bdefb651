package layerwise.nn;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;

/**
 * A sigmoid and binary cross-entropy in one numerically stable step, like
 * {@code torch.nn.BCEWithLogitsLoss}: the input holds logits (any real numbers).
 * Keywords through {@link #options()}: weight (broadcast to the input), reduction, posWeight (one per
 * class, multiplying the loss of the positive label).
 */
public final class BCEWithLogitsLoss extends Loss {
    private final Tensor weight;
    private final Tensor posWeight;

    public BCEWithLogitsLoss() {
        this(options());
    }

    public BCEWithLogitsLoss(LossOptions options) {
        super(options.allow("BCEWithLogitsLoss", "weight", "reduction", "pos_weight").reduction);
        this.weight = options.weight;
        this.posWeight = options.posWeight;
    }

    /** The options object: weight, reduction, posWeight. */
    public static LossOptions options() {
        return new LossOptions();
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.binaryCrossEntropyWithLogits(input, target, weight, posWeight, reduction);
    }
}
