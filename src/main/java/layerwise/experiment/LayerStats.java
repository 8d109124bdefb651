package layerwise.experiment;

import layerwise.tensor.Tensor;

/**
 * The activations after one layer (layer 0 is the input itself).
 *
 * @param layer             0 for the input, then 1..depth
 * @param mean              mean of the activations
 * @param std               std of the activations (the number that collapses or explodes)
 * @param preActivationStd  std of the layer's output before the nonlinearity (NaN for layer 0)
 * @param fractionSaturated share of tanh/sigmoid outputs in the flat tails (|tanh| &gt; 0.99, sigmoid
 *                          &lt; 0.01 or &gt; 0.99); NaN for other activations
 * @param fractionDead      share of ReLU outputs that are exactly 0; NaN for other activations
 * @param output            the activations themselves, for histograms
 */
public record LayerStats(int layer, double mean, double std, double preActivationStd,
                         double fractionSaturated, double fractionDead, Tensor output) {

    static LayerStats of(int layer, String activation, Tensor pre, Tensor output) {
        float[] a = output.toFloatArray();
        Stats s = Stats.of(a);
        double saturated = Double.NaN, dead = Double.NaN;
        if (layer > 0 && (activation.equals("tanh") || activation.equals("sigmoid"))) {
            int count = 0;
            for (float v : a) {
                boolean flat = activation.equals("tanh") ? Math.abs(v) > 0.99f : v < 0.01f || v > 0.99f;
                if (flat) count++;
            }
            saturated = (double) count / a.length;
        }
        if (layer > 0 && activation.equals("relu")) {
            int count = 0;
            for (float v : a) if (v == 0f) count++;
            dead = (double) count / a.length;
        }
        double preStd = pre == null ? Double.NaN : Stats.of(pre).std();
        return new LayerStats(layer, s.mean(), s.std(), preStd, saturated, dead, output);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "layer %2d: mean %+.4f  std %.4g  saturated %s  dead %s",
                layer, mean, std, pct(fractionSaturated), pct(fractionDead));
    }

    private static String pct(double f) {
        return Double.isNaN(f) ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100 * f);
    }
}
