package layerwise.nn;

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
        int fanIn = fanIn(weight);
        if (weight.numel() > 0) {
            // kaiming_uniform_ returns early on a zero-element tensor ("Initializing zero-element tensors
            // is a no-op"), before dividing by fan_in.
            weight.uniform_(-kaimingUniformBound(fanIn), kaimingUniformBound(fanIn));
        }
        if (biasOrNull == null) return;
        if (fanIn > 0) {
            double bound = 1 / Math.sqrt(fanIn);
            biasOrNull.uniform_(-bound, bound);
        } else if (zeroFanInDrawsBias) {
            biasOrNull.uniform_(0, 0);
        }
    }

    /**
     * The bound of {@code kaiming_uniform_(w, a=sqrt(5))}, computed in double exactly as torch does:
     * gain = sqrt(2 / (1 + a^2)), std = gain / sqrt(fan_in), bound = sqrt(3) * std. In double this is
     * sometimes one ulp away from 1/sqrt(fan_in) (sqrt(5)^2 is 5.000000000000001); the kernel casts it
     * to float, where the two agree.
     */
    static double kaimingUniformBound(int fanIn) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + Math.pow(a, 2)));
        double std = gain / Math.sqrt(fanIn);
        return Math.sqrt(3.0) * std;
    }

    /** torch's {@code _calculate_fan_in_and_fan_out(t)[0]}: size(1) times the product of size(2:). */
    static int fanIn(Tensor weight) {
        int[] s = weight.shape();
        int fan = s[1];
        for (int i = 2; i < s.length; i++) fan *= s[i];
        return fan;
    }

    /**
     * The recurrent layers' init: every parameter ~ U(-1/sqrt(hiddenSize), 1/sqrt(hiddenSize)), drawn in
     * the order given (torch uses named_parameters() order). The bound is 0 when hiddenSize is 0.
     */
    static void uniformAll(Iterable<Tensor> params, int hiddenSize) {
        double stdv = hiddenSize > 0 ? 1.0 / Math.sqrt(hiddenSize) : 0;
        for (Tensor p : params) p.uniform_(-stdv, stdv);
    }
}
