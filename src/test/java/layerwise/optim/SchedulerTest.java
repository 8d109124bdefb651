package layerwise.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import layerwise.tensor.Tensor;

/**
 * The lr after each epoch against PyTorch 1.13, recorded as
 * <pre>
 *   o = torch.optim.SGD([p], lr=0.1); s = StepLR(o, step_size=3, gamma=0.5)
 *   lrs = [0.1] + [(o.step(), s.step(), o.param_groups[0]['lr'])[2] for _ in range(n)]
 * </pre>
 */
class SchedulerTest {
    static final double[] STEP_LR = {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125};
    static final double[] COSINE = {0.1, 0.0905463412215599, 0.06579634122155989, 0.035203658778440096, 0.010453658778440105,
        0.001, 0.010453658778440102, 0.03520365877844012, 0.06579634122155993, 0.09054634122155995, 0.10000000000000005,
        0.09054634122155998, 0.06579634122155995, 0.03520365877844014, 0.010453658778440116};

    private static double[] run(Function<Optimizer, LRScheduler> make, int epochs) {
        Tensor p = Tensor.zeros(1).requiresGrad(true);
        SGD opt = new SGD(List.of(p), 0.1);
        LRScheduler s = make.apply(opt);
        double[] lrs = new double[epochs + 1];
        lrs[0] = opt.lr();
        for (int e = 1; e <= epochs; e++) {
            opt.step();
            s.step();
            lrs[e] = opt.lr();
            assertEquals(lrs[e], s.getLastLr().get(0));
        }
        return lrs;
    }

    @Test
    @DisplayName("StepLR(step_size=3, gamma=0.5) halves the lr every 3 epochs, PyTorch's doubles exactly")
    void stepLr() {
        double[] lrs = run(o -> new StepLR(o, 3, 0.5), 10);
        for (int e = 0; e < lrs.length; e++) assertEquals(STEP_LR[e], lrs[e], 0.0, "epoch " + e);
    }

    @Test
    @DisplayName("CosineAnnealingLR(T_max=5, eta_min=0.001) follows PyTorch's recursive form down and back up")
    void cosine() {
        double[] lrs = run(o -> new CosineAnnealingLR(o, 5, 0.001), 14);
        // Java's Math.cos and the C library's cos may differ in the last bit: 1e-15 relative
        for (int e = 0; e < lrs.length; e++) assertEquals(COSINE[e], lrs[e], 1e-15 * COSINE[e], "epoch " + e);
    }

    @Test
    @DisplayName("a scheduler's state dict carries last_epoch, _step_count and _last_lr; initial_lr joins the param group")
    void stateDict() {
        Tensor p = Tensor.zeros(1).requiresGrad(true);
        SGD opt = new SGD(List.of(p), 0.1);
        StepLR s = new StepLR(opt, 3, 0.5);
        for (int e = 0; e < 4; e++) s.step();
        assertEquals(List.of("step_size", "gamma", "base_lrs", "last_epoch", "_step_count", "_last_lr"),
                List.copyOf(s.stateDict().keySet()));
        assertEquals(4, s.stateDict().get("last_epoch"));
        assertEquals(0.1, opt.group().get("initial_lr"));
        StepLR again = new StepLR(new SGD(List.of(p), 0.05), 3, 0.5);
        again.loadStateDict(s.stateDict());
        assertEquals(4, again.lastEpoch());
    }
}
