package layerwise.nn;

import layerwise.init.Init;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;

/**
 * The default initialisation of PyTorch's layers ({@code reset_parameters}), bit for bit under the
 * same seed. Every draw goes through {@link Tensor#uniform_(double, double)}, which fills in storage
 * order from the one seeded generator, so the order of the calls here is the order of torch's calls.
 */
final class DefaultInit {

    private DefaultInit() {
    }

    /**
     * torch's {@code Linear.reset_parameters} and {@code _ConvNd.reset_parameters}:
     * {@code kaiming_uniform_(weight, a=sqrt(5))}, then {@code bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))}.
     * fan_in = weight.size(1) * (product of the kernel dims), so for a conv it is (in/groups)*kH*kW.
     *
     * @param zeroFanInDrawsBias Linear draws its bias with bound 0 when fan_in is 0; Conv2d skips the
     *                           draw (and so consumes no random numbers)
     */
    static void kaimingUniformWithBias(Tensor weight, Tensor biasOrNull, boolean zeroFanInDrawsBias) {
        // Init.kaimingUniform returns early on a zero-element tensor, as torch does, before dividing by fan_in.
        Init.kaimingUniform(weight, Math.sqrt(5));
        if (biasOrNull == null) return;
        try (var noGrad = Autograd.noGrad()) {
            drawBias(weight, biasOrNull, zeroFanInDrawsBias);
        }
    }

    private static void drawBias(Tensor weight, Tensor biasOrNull, boolean zeroFanInDrawsBias) {
        int fanIn = Init.calculateFanInAndFanOut(weight).fanIn();
        if (fanIn > 0) {
            double bound = 1 / Math.sqrt(fanIn);
            biasOrNull.uniform_(-bound, bound);
        } else if (zeroFanInDrawsBias) {
            biasOrNull.uniform_(0, 0);
        }
    }

    /**
     * The recurrent layers' init: every parameter ~ U(-1/sqrt(hiddenSize), 1/sqrt(hiddenSize)), drawn in
     * the order given (torch uses named_parameters() order). The bound is 0 when hiddenSize is 0.
     */
    static void uniformAll(Iterable<Tensor> params, int hiddenSize) {
        double stdv = hiddenSize > 0 ? 1.0 / Math.sqrt(hiddenSize) : 0;
        try (var noGrad = Autograd.noGrad()) {
            for (Tensor p : params) p.uniform_(-stdv, stdv);
        }
    }
}
