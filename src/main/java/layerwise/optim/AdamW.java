package layerwise.optim;

import java.util.List;

import layerwise.tensor.Tensor;

/**
 * AdamW, like {@code torch.optim.AdamW(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0.01,
 * amsgrad=False, *, maximize=False)}: Adam with the weight decay applied to the weights themselves,
 * p = p · (1 - lr · weight_decay), not added to the gradient (see {@link AdamBase}). Keywords through {@link #options()}.
 */
public final class AdamW extends AdamBase {
    public AdamW(List<Tensor> params) {
        this(params, 0.001);
    }

    public AdamW(List<Tensor> params, double lr) {
        this(params, lr, options());
    }

    public AdamW(List<Tensor> params, double lr, AdamOptions options) {
        super(params, lr, options, true);
    }

    public static AdamOptions options() {
        return new AdamOptions();
    }
}
