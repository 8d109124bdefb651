package layerwise.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anneals the lr along a cosine from base_lr down to etaMin over tMax epochs, and back up over the
 * next tMax, like {@code torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max, eta_min=0)}:
 * <pre>
 *   lr(t) = eta_min + (base_lr - eta_min) · (1 + cos(π t / T_max)) / 2
 * </pre>
 * Computed as PyTorch 1.13 does, step to step from the current lr (so another change to the lr carries on):
 * <pre>
 *   lr(t) = (1 + cos(π t / T)) / (1 + cos(π (t - 1) / T)) · (lr(t-1) - eta_min) + eta_min
 * </pre>
 * and, where that ratio is 0/0 (t - 1 - T a multiple of 2T), lr(t-1) + (base_lr - eta_min)(1 - cos(π / T)) / 2.
 */
public final class CosineAnnealingLR extends LRScheduler {
    private final int tMax;
    private final double etaMin;

    public CosineAnnealingLR(Optimizer optimizer, int tMax) {
        this(optimizer, tMax, 0.0);
    }

    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin) {
        super(checked(optimizer, tMax));
        this.tMax = tMax;
        this.etaMin = etaMin;
    }

    private static Optimizer checked(Optimizer optimizer, int tMax) {
        if (tMax <= 0) {
            throw new layerwise.tensor.ValueError("float division by zero",
                    "T_max is the number of epochs of the half cosine; it must be at least 1.", "pass a T_max of 1 or more");
        }
        return optimizer;
    }

    @Override
    double nextLr() {
        double lr = optimizer.lr();
        if (lastEpoch == 0) return lr;
        if (stepCount == 1 && lastEpoch > 0) {
            return etaMin + (baseLr - etaMin) * (1 + Math.cos(lastEpoch * Math.PI / tMax)) / 2;
        }
        if (Math.floorMod(lastEpoch - 1 - tMax, 2 * tMax) == 0) {
            return lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
        }
        return (1 + Math.cos(Math.PI * lastEpoch / tMax)) / (1 + Math.cos(Math.PI * (lastEpoch - 1) / tMax))
                * (lr - etaMin) + etaMin;
    }

    @Override
    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("T_max", tMax);
        s.put("eta_min", etaMin);
        return s;
    }
}
