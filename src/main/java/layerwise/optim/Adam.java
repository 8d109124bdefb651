package layerwise.optim;

import java.util.List;

import layerwise.tensor.Tensor;

/**
 * Adam, like {@code torch.optim.Adam(params, lr=0.001, betas=(0.9, 0.999), eps=1e-08, weight_decay=0,
 * amsgrad=False, *, maximize=False)}: each weight's step is its gradient's running mean over the root of
 * its running mean square (see {@link AdamBase} for the formula). Keywords through {@link #options()}.
 */
public final class Adam extends AdamBase {
    public Adam(List<Tensor> params) {
        this(params, 0.001);
    }

    public Adam(List<Tensor> params, double lr) {
        this(params, lr, options());
    }

    public Adam(List<Tensor> params, double lr, AdamOptions options) {
        super(params, lr, options, false);
    }

    public static AdamOptions options() {
        return new AdamOptions();
    }
}
