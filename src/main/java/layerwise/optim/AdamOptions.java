package layerwise.optim;

/**
 * The keywords of {@link Adam} and {@link AdamW}: betas (0.9, 0.999), eps 1e-8, weightDecay (0 for
 * Adam, 0.01 for AdamW), amsgrad false, maximize false, as in PyTorch.
 */
public final class AdamOptions {
    double beta1 = 0.9;
    double beta2 = 0.999;
    double eps = 1e-8;
    Double weightDecay;
    boolean amsgrad;
    boolean maximize;

    AdamOptions() {
    }

    public AdamOptions betas(double beta1, double beta2) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        return this;
    }

    public AdamOptions eps(double eps) {
        this.eps = eps;
        return this;
    }

    public AdamOptions weightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
        return this;
    }

    public AdamOptions amsgrad(boolean amsgrad) {
        this.amsgrad = amsgrad;
        return this;
    }

    public AdamOptions maximize(boolean maximize) {
        this.maximize = maximize;
        return this;
    }
}
