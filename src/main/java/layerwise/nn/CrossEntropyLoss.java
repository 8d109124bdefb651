package layerwise.nn;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;

/**
 * Cross-entropy between scores (logits) and classes, like {@code torch.nn.CrossEntropyLoss}: log_softmax
 * over the class dim, then the negative log-likelihood of the true class.
 * <pre>
 *   input  (N, C), (C) or (N, C, d1, ...)     raw scores, no softmax applied
 *   target (N), () or (N, d1, ...)            class indices, as whole numbers in a float tensor
 *          or the input's shape              class probabilities
 * </pre>
 * Keywords through {@link #options()}: weight (one per class), ignoreIndex, reduction, labelSmoothing.
 */
public final class CrossEntropyLoss extends Loss {
    private final Tensor weight;
    private final int ignoreIndex;
    private final double labelSmoothing;

    public CrossEntropyLoss() {
        this(options());
    }

    /** PyTorch's first positional argument, the class weights. */
    public CrossEntropyLoss(Tensor weight) {
        this(options().weight(weight));
    }

    public CrossEntropyLoss(LossOptions options) {
        super(options.allow("CrossEntropyLoss", "weight", "ignore_index", "reduction", "label_smoothing").reduction);
        this.weight = options.weight;
        this.ignoreIndex = options.ignoreIndex;
        this.labelSmoothing = options.labelSmoothing;
    }

    /** The options object: weight, ignoreIndex, reduction, labelSmoothing. */
    public static LossOptions options() {
        return new LossOptions();
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.crossEntropy(input, target, weight, ignoreIndex, reduction, labelSmoothing);
    }
}
