package layerwise.optim;

import java.util.List;
import java.util.Map;

import layerwise.tensor.Tensor;

/**
 * Stochastic gradient descent with optional momentum, like {@code torch.optim.SGD(params, lr,
 * momentum=0, dampening=0, weight_decay=0, nesterov=False, *, maximize=False)}; the keywords through
 * {@link #options()}: {@code new SGD(model.parameters(), 0.1, SGD.options().momentum(0.9))}.
 * <pre>
 *   d = -g if maximize else g
 *   d = d + weight_decay · p
 *   buf = d (first step),  then  buf = momentum · buf + (1 - dampening) · d
 *   d = d + momentum · buf  (nesterov)   or   d = buf
 *   p = p - lr · d
 * </pre>
 */
public final class SGD extends Optimizer {

    /** The keywords of SGD: momentum, dampening, weightDecay, nesterov, maximize. */
    public static final class Options {
        private double momentum;
        private double dampening;
        private double weightDecay;
        private boolean nesterov;
        private boolean maximize;

        private Options() {
        }

        public Options momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Options dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        public Options weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        public Options nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        public Options maximize(boolean maximize) {
            this.maximize = maximize;
            return this;
        }
    }

    public static Options options() {
        return new Options();
    }

    public SGD(List<Tensor> params, double lr) {
        this(params, lr, options());
    }

    public SGD(List<Tensor> params, double lr, Options o) {
        super(params, "lr", checked(lr, o), "momentum", o.momentum, "dampening", o.dampening,
                "weight_decay", o.weightDecay, "nesterov", o.nesterov, "maximize", o.maximize);
    }

    private static double checked(double lr, Options o) {
        checkLr(lr);
        checkNonNegative(o.momentum, "momentum", "momentum, the share of the last step kept,");
        checkNonNegative(o.weightDecay, "weight_decay", "weight decay, the pull of each weight towards 0,");
        check(!o.nesterov || (o.momentum > 0 && o.dampening == 0), "Nesterov momentum requires a momentum and zero dampening",
                "Nesterov's step looks ahead along the momentum, so it needs a momentum above 0 and no dampening.",
                "add .momentum(0.9), or leave nesterov off");
        return lr;
    }

    /**
     * PyTorch 1.13's {@code _single_tensor_sgd}, op for op, on whole tensors:
     * <pre>
     *   d = -g if maximize else g
     *   d = d.add(p, alpha=weight_decay)                       if weight_decay != 0
     *   buf = d.clone() on the first step, else buf.mul_(momentum).add_(d, alpha=1 - dampening)
     *   d = d.add(buf, alpha=momentum) if nesterov else buf     if momentum != 0
     *   p.add_(d, alpha=-lr)
     * </pre>
     * Each {@code add(…, alpha)} is one fused multiply-add per element, as PyTorch's CPU kernel, so the
     * result is PyTorch's to the bit (OptimizerParityTest).
     */
    @Override
    void update(Tensor p, Map<String, Object> s) {
        float momentum = (float) hyper("momentum"), wd = (float) hyper("weight_decay");
        Tensor d = flag("maximize") ? p.grad.neg() : p.grad;
        if (wd != 0) d = d.add(p, wd);
        if (hyper("momentum") != 0) {
            Tensor buf = (Tensor) s.get("momentum_buffer");
            if (buf == null) {
                buf = d.clone();
            } else {
                buf.mul_(momentum).add_(d, (float) (1 - hyper("dampening")));
            }
            s.put("momentum_buffer", buf);
            d = flag("nesterov") ? d.add(buf, momentum) : buf;
        } else {
            s.put("momentum_buffer", null);
        }
        p.add_(d, (float) -lr());
    }

    @Override
    void update(float[] p, float[] g, Map<String, Object> s, int[] shape) {
        throw new IllegalStateException("SGD updates whole tensors (update(Tensor, Map))");
    }
}
