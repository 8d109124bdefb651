package layerwise.optim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Multiplies the lr by gamma every stepSize epochs, like {@code torch.optim.lr_scheduler.StepLR(optimizer,
 * step_size, gamma=0.1)}: lr = base_lr · gamma^⌊epoch / step_size⌋.
 */
public final class StepLR extends LRScheduler {
    private final int stepSize;
    private final double gamma;

    public StepLR(Optimizer optimizer, int stepSize) {
        this(optimizer, stepSize, 0.1);
    }

    public StepLR(Optimizer optimizer, int stepSize, double gamma) {
        super(checked(optimizer, stepSize));
        this.stepSize = stepSize;
        this.gamma = gamma;
    }

    private static Optimizer checked(Optimizer optimizer, int stepSize) {
        if (stepSize <= 0) {
            // PyTorch itself fails later with "integer division or modulo by zero"; say it at once
            throw new layerwise.tensor.ValueError("integer division or modulo by zero",
                    "step_size is the number of epochs between two decays; it must be at least 1.", "pass a step_size of 1 or more");
        }
        return optimizer;
    }

    /** At each multiple of step_size the current lr is multiplied by gamma; otherwise it stays. */
    @Override
    double nextLr() {
        if (lastEpoch == 0 || lastEpoch % stepSize != 0) return optimizer.lr();
        return optimizer.lr() * gamma;
    }

    @Override
    Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("step_size", stepSize);
        s.put("gamma", gamma);
        return s;
    }
}
