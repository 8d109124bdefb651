package layerwise.nn;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;

/** The mean squared error, mean((input - target)²), like {@code torch.nn.MSELoss}. */
public final class MSELoss extends Loss {
    public MSELoss() {
        this("mean");
    }

    /** reduction: "mean", "sum" or "none". */
    public MSELoss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target, reduction);
    }
}
