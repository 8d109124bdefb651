package layerwise.experiment;

import layerwise.init.Init;
import layerwise.init.Theory;
import layerwise.tensor.Tensor;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A named way to initialise a weight, with the theory of what it draws. The experiments apply it to every
 * weight and zero every bias, except {@link #pytorchDefault()}, which keeps the layer's own init (weight
 * and bias from U(±1/√fan_in)).
 *
 * @param name   what plots and tables call it
 * @param init   fills a weight in place (null for the PyTorch default: leave the layer as built)
 * @param theory the distribution it draws for a given weight
 */
public record Scheme(String name, UnaryOperator<Tensor> init, Function<Tensor, Theory> theory) {

    /** What Linear and Conv2d do when built: kaiming_uniform_(a=√5), i.e. U(±1/√fan_in); biases likewise. */
    public static Scheme pytorchDefault() {
        return new Scheme("default", null, w -> Init.theory("default", w));
    }

    /** xavier_uniform_ with gain 1 (Glorot &amp; Bengio 2010). */
    public static Scheme xavierUniform() {
        return xavierUniform(1.0);
    }

    /** xavier_uniform_ with a gain, e.g. {@code Init.calculateGain("tanh")} = 5/3. */
    public static Scheme xavierUniform(double gain) {
        return new Scheme(gain == 1.0 ? "xavier_uniform" : "xavier_uniform(gain=" + fmt(gain) + ")",
                w -> Init.xavierUniform(w, gain), w -> Theory.xavierUniform(w, gain));
    }

    /** xavier_normal_ with gain 1. */
    public static Scheme xavierNormal() {
        return new Scheme("xavier_normal", Init::xavierNormal, w -> Theory.xavierNormal(w, 1.0));
    }

    /** kaiming_uniform_ with its defaults (a=0, fan_in): gain √2, the He init for ReLU. */
    public static Scheme kaimingUniform() {
        return new Scheme("kaiming_uniform", Init::kaimingUniform,
                w -> Theory.kaimingUniform(w, 0.0, "fan_in", "leaky_relu"));
    }

    /** kaiming_normal_ with its defaults: N(0, 2/fan_in). */
    public static Scheme kaimingNormal() {
        return new Scheme("kaiming_normal", Init::kaimingNormal,
                w -> Theory.kaimingNormal(w, 0.0, "fan_in", "leaky_relu"));
    }

    /** normal_(0, std): the same std whatever the layer's size. */
    public static Scheme normal(double std) {
        return new Scheme("N(0, " + fmt(std) + "²)", w -> Init.normal(w, 0.0, std), w -> Theory.normal(0.0, std));
    }

    /** uniform_(−bound, bound): the same range whatever the layer's size. */
    public static Scheme uniform(double bound) {
        return new Scheme("U(-" + fmt(bound) + ", " + fmt(bound) + ")", w -> Init.uniform(w, -bound, bound),
                w -> Theory.uniform(-bound, bound));
    }

    /** The five the comparison grid shows: default, xavier_uniform, kaiming_uniform, N(0, 1), U(−1, 1). */
    public static List<Scheme> classic() {
        return List.of(pytorchDefault(), xavierUniform(), kaimingUniform(), normal(1.0), uniform(1.0));
    }

    /** Fills the weight (and zeroes the bias, if any) unless this is the PyTorch default. */
    void apply(Tensor weight, Tensor bias) {
        if (init == null) return;
        init.apply(weight);
        if (bias != null) Init.zeros(bias);
    }

    @Override
    public String toString() {
        return name;
    }

    /** 1, 0.01, 1.667: four significant digits at most. */
    static String fmt(double v) {
        if (v == Math.rint(v)) return Long.toString((long) v);
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
