package layerwise.init;

import layerwise.tensor.TorchFormat;
import layerwise.tensor.Tensor;


/**
 * What an init scheme draws from, with the numbers behind it: the distribution (uniform on [low, high],
 * normal with mean and std, or a normal truncated to [low, high]), the fans, which fan was used and the
 * gain. These are the numbers a histogram overlays on the samples.
 *
 * <p>Every fill in {@link Init} takes its bound or std from one of these factories, computed in double in
 * exactly PyTorch's order of operations, so what {@code Init.theory(...)} reports is what was drawn.
 *
 * @param scheme  the call it describes, e.g. {@code xavier_uniform_(gain=1)}
 * @param kind    the distribution family
 * @param low     lower bound (uniform, truncated normal); -∞ for a normal
 * @param high    upper bound (uniform, truncated normal); +∞ for a normal
 * @param mean    mean of the normal (for uniform: the midpoint; for constant: the value)
 * @param std     std of the (untruncated) normal; for uniform (high-low)/√12; 0 for a constant
 * @param fanIn   fan-in of the weight, or 0 when the scheme does not use fans
 * @param fanOut  fan-out of the weight, or 0 when the scheme does not use fans
 * @param fanUsed which fan the formula used: "fan_in", "fan_out", "fan_in+fan_out" or "" (none)
 * @param gain    the gain in the formula (1 when there is none)
 * @param formula the formula, with its value, e.g. {@code bound = gain*sqrt(6/(fan_in+fan_out)) = 0.125}
 */
public record Theory(String scheme, Kind kind, double low, double high, double mean, double std,
                     int fanIn, int fanOut, String fanUsed, double gain, String formula) {

    /** The distribution family a scheme draws from. */
    public enum Kind { UNIFORM, NORMAL, TRUNCATED_NORMAL, CONSTANT }

    // ------------------------------------------------------------------ the schemes, in torch's arithmetic

    /** {@code xavier_uniform_(w, gain)}: U(−a, a), std = gain·√(2/(fan_in+fan_out)), a = √3·std. */
    public static Theory xavierUniform(Tensor weight, double gain) {
        Fans f = Fans.of(InitChecks.xavierShape(weight, "xavier_uniform_"));
        double std = gain * Math.sqrt(2.0 / (double) (f.fanIn() + f.fanOut()));
        double a = Math.sqrt(3.0) * std;
        return uniform("xavier_uniform_(gain=" + num(gain) + ")", -a, a, f, "fan_in+fan_out", gain,
                "bound = gain*sqrt(6/(fan_in+fan_out)) = " + num(a));
    }

    /** {@code xavier_normal_(w, gain)}: N(0, std²), std = gain·√(2/(fan_in+fan_out)). */
    public static Theory xavierNormal(Tensor weight, double gain) {
        Fans f = Fans.of(InitChecks.xavierShape(weight, "xavier_normal_"));
        double std = gain * Math.sqrt(2.0 / (double) (f.fanIn() + f.fanOut()));
        return normal("xavier_normal_(gain=" + num(gain) + ")", 0.0, std, f, "fan_in+fan_out", gain,
                "std = gain*sqrt(2/(fan_in+fan_out)) = " + num(std));
    }

    /**
     * {@code kaiming_uniform_(w, a, mode, nonlinearity)}: U(−bound, bound), std = gain/√fan, bound = √3·std,
     * gain = calculateGain(nonlinearity, a). With a = √5 (Linear's and Conv2d's default) bound = 1/√fan_in.
     */
    public static Theory kaimingUniform(Tensor weight, double a, String mode, String nonlinearity) {
        mode = InitChecks.lower(mode);
        Fans f = Fans.of(InitChecks.kaimingShape(weight, mode, "kaiming_uniform_"));
        double gain = Init.calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt(f.forMode(mode));
        double bound = Math.sqrt(3.0) * std;
        return uniform(kaimingName("kaiming_uniform_", a, mode, nonlinearity), -bound, bound, f, mode, gain,
                "bound = gain*sqrt(3/" + mode + ") = " + num(bound));
    }

    /** {@code kaiming_normal_(w, a, mode, nonlinearity)}: N(0, std²), std = gain/√fan. */
    public static Theory kaimingNormal(Tensor weight, double a, String mode, String nonlinearity) {
        mode = InitChecks.lower(mode);
        Fans f = Fans.of(InitChecks.kaimingShape(weight, mode, "kaiming_normal_"));
        double gain = Init.calculateGain(nonlinearity, a);
        double std = gain / Math.sqrt(f.forMode(mode));
        return normal(kaimingName("kaiming_normal_", a, mode, nonlinearity), 0.0, std, f, mode, gain,
                "std = gain/sqrt(" + mode + ") = " + num(std));
    }

    /** {@code uniform_(t, a, b)}. */
    public static Theory uniform(double a, double b) {
        return uniform("uniform_(a=" + num(a) + ", b=" + num(b) + ")", a, b, null, "", 1.0,
                "U(" + num(a) + ", " + num(b) + ")");
    }

    /** {@code normal_(t, mean, std)}. */
    public static Theory normal(double mean, double std) {
        return normal("normal_(mean=" + num(mean) + ", std=" + num(std) + ")", mean, std, null, "", 1.0,
                "N(" + num(mean) + ", " + num(std) + "^2)");
    }

    /** {@code trunc_normal_(t, mean, std, a, b)}: N(mean, std²) restricted to [a, b] (absolute bounds). */
    public static Theory truncNormal(double mean, double std, double a, double b) {
        return new Theory("trunc_normal_(mean=" + num(mean) + ", std=" + num(std) + ", a=" + num(a) + ", b="
                + num(b) + ")", Kind.TRUNCATED_NORMAL, a, b, mean, std, 0, 0, "", 1.0,
                "N(" + num(mean) + ", " + num(std) + "^2) truncated to [" + num(a) + ", " + num(b) + "]");
    }

    /** {@code constant_(t, val)}. */
    public static Theory constant(double val) {
        return constant("constant_(val=" + num(val) + ")", val);
    }

    /** {@code ones_} and {@code zeros_} (named), {@code constant_}. */
    static Theory constant(String scheme, double value) {
        return new Theory(scheme, Kind.CONSTANT, value, value, value, 0.0, 0, 0, "", 1.0, "every value = " + num(value));
    }

    private static Theory uniform(String scheme, double low, double high, Fans f, String fanUsed, double gain,
                                  String formula) {
        return new Theory(scheme, Kind.UNIFORM, low, high, (low + high) / 2.0, (high - low) / Math.sqrt(12.0),
                f == null ? 0 : f.fanIn(), f == null ? 0 : f.fanOut(), fanUsed, gain, formula);
    }

    private static Theory normal(String scheme, double mean, double std, Fans f, String fanUsed, double gain,
                                 String formula) {
        return new Theory(scheme, Kind.NORMAL, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, mean, std,
                f == null ? 0 : f.fanIn(), f == null ? 0 : f.fanOut(), fanUsed, gain, formula);
    }

    private static String kaimingName(String fn, double a, String mode, String nonlinearity) {
        return fn + "(a=" + num(a) + ", mode='" + mode + "', nonlinearity='" + nonlinearity + "')";
    }

    // ------------------------------------------------------------------ what a plot or a table needs

    /** The uniform bound {@code high} (symmetric schemes draw from U(−bound, bound)); NaN for other kinds. */
    public double bound() {
        return kind == Kind.UNIFORM ? high : Double.NaN;
    }

    /**
     * The mean of the values drawn. For a truncated normal with α = (low−mean)/std, β = (high−mean)/std and
     * Z = Φ(β) − Φ(α): mean + std·(φ(α) − φ(β))/Z.
     */
    public double expectedMean() {
        if (kind != Kind.TRUNCATED_NORMAL) return mean;
        double alpha = (low - mean) / std, beta = (high - mean) / std;
        double z = SpecialFunctions.normalCdf(beta) - SpecialFunctions.normalCdf(alpha);
        return mean + std * (SpecialFunctions.normalPdf(alpha) - SpecialFunctions.normalPdf(beta)) / z;
    }

    /**
     * The std of the values drawn. Uniform: (high−low)/√12. Truncated normal:
     * std·√(1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²).
     */
    public double expectedStd() {
        if (kind != Kind.TRUNCATED_NORMAL) return std;
        double alpha = (low - mean) / std, beta = (high - mean) / std;
        double z = SpecialFunctions.normalCdf(beta) - SpecialFunctions.normalCdf(alpha);
        double pa = SpecialFunctions.normalPdf(alpha), pb = SpecialFunctions.normalPdf(beta);
        double tails = (Double.isInfinite(alpha) ? 0 : alpha * pa) - (Double.isInfinite(beta) ? 0 : beta * pb);
        double shift = (pa - pb) / z;
        return std * Math.sqrt(1.0 + tails / z - shift * shift);
    }

    /** The probability density at x (NaN for a constant, which has none). */
    public double density(double x) {
        switch (kind) {
            case UNIFORM:
                return x >= low && x <= high ? 1.0 / (high - low) : 0.0;
            case NORMAL:
                return SpecialFunctions.normalPdf((x - mean) / std) / std;
            case TRUNCATED_NORMAL:
                if (x < low || x > high) return 0.0;
                double z = SpecialFunctions.normalCdf((high - mean) / std) - SpecialFunctions.normalCdf((low - mean) / std);
                return SpecialFunctions.normalPdf((x - mean) / std) / (std * z);
            default:
                return Double.NaN;
        }
    }

    /** One line: the scheme, the distribution, the fans and the formula. */
    @Override
    public String toString() {
        String dist = switch (kind) {
            case UNIFORM -> "U(" + num(low) + ", " + num(high) + ")";
            case NORMAL -> "N(" + num(mean) + ", std=" + num(std) + ")";
            case TRUNCATED_NORMAL -> "N(" + num(mean) + ", std=" + num(std) + ") on [" + num(low) + ", " + num(high) + "]";
            case CONSTANT -> "constant " + num(mean);
        };
        StringBuilder sb = new StringBuilder(scheme).append(": ").append(dist);
        if (!fanUsed.isEmpty()) {
            sb.append("; fan_in=").append(fanIn).append(", fan_out=").append(fanOut)
                    .append(", gain=").append(num(gain));
        }
        return sb.append("; ").append(formula).toString();
    }

    /** A number as a reader wants it: 1 not 1.0, six significant digits otherwise. */
    static String num(double v) {
        return TorchFormat.number(v);
    }
}
