package layerwise.nn;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;

/**
 * The negative log-likelihood of the true class, like {@code torch.nn.NLLLoss}: the input holds
 * log-probabilities (a LogSoftmax's output), shapes as in {@link CrossEntropyLoss} with class indices.
 * Keywords through {@link #options()}: weight (one per class), ignoreIndex, reduction.
 */
public final class NLLLoss extends Loss {
    private final Tensor weight;
    private final int ignoreIndex;

    public NLLLoss() {
        this(options());
    }

    /** PyTorch's first positional argument, the class weights. */
    public NLLLoss(Tensor weight) {
        this(options().weight(weight));
    }

    public NLLLoss(LossOptions options) {
        super(options.allow("NLLLoss", "weight", "ignore_index", "reduction").reduction);
        this.weight = options.weight;
        this.ignoreIndex = options.ignoreIndex;
    }

    /** The options object: weight, ignoreIndex, reduction. */
    public static LossOptions options() {
        return new LossOptions();
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.nllLoss(input, target, weight, ignoreIndex, reduction);
    }
}
