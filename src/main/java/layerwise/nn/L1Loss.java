package layerwise.nn;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;

/** The mean absolute error, mean(|input - target|), like {@code torch.nn.L1Loss}. */
public final class L1Loss extends Loss {
    public L1Loss() {
        this("mean");
    }

    /** reduction: "mean", "sum" or "none". */
    public L1Loss(String reduction) {
        super(reduction);
    }

    @Override
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.l1Loss(input, target, reduction);
    }
}
