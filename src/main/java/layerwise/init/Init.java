package layerwise.init;

import layerwise.tensor.TorchText;
import layerwise.tensor.TorchError;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Nulls;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;

import java.util.Locale;
import java.util.Set;

/**
 * {@code torch.nn.init} (PyTorch 1.13): each function fills the tensor in place and returns it, like torch's
 * trailing-underscore functions ({@code Init.xavierUniform(w)} is {@code nn.init.xavier_uniform_(w)}).
 * Overloads stand in for keyword arguments and keep torch's defaults.
 *
 * <p>All draws come from the one seeded generator ({@link Tensor#manualSeed}). The uniform-based schemes
 * compute their bound in double in torch's order of operations and call {@link Tensor#uniform_}, so
 * after the same seed they give torch's bits. {@link #truncNormal}, {@link #orthogonal} and {@link #sparse}
 * follow torch's algorithm but not its kernels (float erfinv, LAPACK QR, randperm): same distribution,
 * different bits. {@link #theory} reports the distribution, fans and gain behind each scheme. torch's own
 * names work too ({@code Init.xavier_uniform_(w)}, {@code Init.zeros_(b)}): see {@link TorchNames}.
 */
public final class Init extends TorchNames {
    private static final Set<String> LINEAR_GAIN_ONE = Set.of("linear", "conv1d", "conv2d", "conv3d",
            "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid");
    private static final String NONLINEARITIES =
            "linear, conv1d/2d/3d, conv_transpose1d/2d/3d, sigmoid, tanh, relu, leaky_relu, selu";

    private Init() {
    }

    // ------------------------------------------------------------------ gains and fans

    /** The recommended gain: 1 (linear, conv*, sigmoid), 5/3 (tanh), √2 (relu), √(2/(1+0.01²)) (leaky_relu), 3/4 (selu). */
    public static double calculateGain(String nonlinearity) {
        return gain(nonlinearity, 0.01);
    }

    /** As {@link #calculateGain(String)}; {@code param} is leaky_relu's negative slope and ignored by the others. */
    public static double calculateGain(String nonlinearity, double param) {
        return gain(nonlinearity, param);
    }

    private static double gain(String nonlinearity, double negativeSlope) {
        if (LINEAR_GAIN_ONE.contains(nonlinearity)) return 1.0;
        switch (nonlinearity) {
            case "tanh": return 5.0 / 3;
            case "relu": return Math.sqrt(2.0);
            case "leaky_relu": return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
            case "selu": return 3.0 / 4;
            default:
                throw InitChecks.badArgument("Unsupported nonlinearity " + nonlinearity,
                        "calculateGain knows the names torch.nn.functional uses: " + NONLINEARITIES + ".",
                        "pass one of those names, e.g. \"relu\" or \"tanh\" (lower case).");
        }
    }

    /** {@code _calculate_fan_in_and_fan_out}: fan_in = size(1)·rf, fan_out = size(0)·rf, rf = prod(size[2:]). */
    public static Fans calculateFanInAndFanOut(Tensor tensor) {
        Nulls.tensor(tensor, "_calculate_fan_in_and_fan_out", "tensor", 1);
        InitChecks.requireFans(tensor, "_calculate_fan_in_and_fan_out");
        return Fans.of(tensor.shape());
    }

    // ------------------------------------------------------------------ plain fills (any rank)

    /** {@code uniform_(t)}: U(0, 1). */
    public static Tensor uniform(Tensor tensor) {
        Nulls.tensor(tensor, "uniform_", "tensor", 1);
        return uniform(tensor, 0.0, 1.0);
    }

    /** {@code uniform_(t, a, b)}: U(a, b), bit-exact with torch. */
    public static Tensor uniform(Tensor tensor, double a, double b) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "uniform_", "tensor", 1);
            InitChecks.checkRange(a, b, "uniform_");
            return tensor.uniform_(a, b);
        }
    }

    /** {@code normal_(t)}: N(0, 1). */
    public static Tensor normal(Tensor tensor) {
        Nulls.tensor(tensor, "normal_", "tensor", 1);
        return normal(tensor, 0.0, 1.0);
    }

    /** {@code normal_(t, mean, std)}: N(mean, std²). */
    public static Tensor normal(Tensor tensor, double mean, double std) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "normal_", "tensor", 1);
            InitChecks.checkStd(std, "normal_");
            return tensor.normal_(mean, std);
        }
    }

    /** {@code constant_(t, val)}. */
    public static Tensor constant(Tensor tensor, double val) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "constant_", "tensor", 1);
            return tensor.fill_((float) val);
        }
    }

    /** {@code ones_(t)}. */
    public static Tensor ones(Tensor tensor) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "ones_", "tensor", 1);
            return tensor.fill_(1f);
        }
    }

    /** {@code zeros_(t)}. */
    public static Tensor zeros(Tensor tensor) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "zeros_", "tensor", 1);
            return tensor.zero_();
        }
    }

    // ------------------------------------------------------------------ structured fills

    /** {@code eye_(t)}: the identity, {@code torch.eye(rows, cols)}; exactly 2-D. */
    public static Tensor eye(Tensor tensor) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "eye_", "tensor", 1);
            if (tensor.dim() != 2) {
                throw new ShapeError(TorchText.onlyTwoDims(),
                        "eye_ writes an identity matrix, so it needs a 2-D weight; got shape " + InitChecks.shape(tensor) + ".",
                        "pass a 2-D tensor such as a Linear weight (out_features, in_features); for a conv weight use Init.dirac.");
            }
            tensor.zero_();
            for (int i = 0; i < Math.min(tensor.size(0), tensor.size(1)); i++) tensor.set(1f, i, i);
            return tensor;
        }
    }

    /** {@code dirac_(t)}: groups = 1. */
    public static Tensor dirac(Tensor tensor) {
        Nulls.tensor(tensor, "dirac_", "tensor", 1);
        return dirac(tensor, 1);
    }

    /**
     * {@code dirac_(t, groups)}: a conv weight that passes its input through. With opg = size0/groups it zeroes
     * the tensor and sets t[g·opg + d, d, k2/2 (, k3/2, k4/2)] = 1 for every group g and d &lt; min(opg, size1).
     */
    public static Tensor dirac(Tensor tensor, int groups) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "dirac_", "tensor", 1);
            int dims = tensor.dim();
            if (dims < 3 || dims > 5) {
                throw new ShapeError("Only tensors with 3, 4, or 5 dimensions are supported",
                        "dirac_ fills a Conv1d/2d/3d weight (out_channels, in_channels/groups, *kernel); got shape "
                                + InitChecks.shape(tensor) + ".",
                        "pass a conv weight such as Conv2d(3, 3, 3).weight of shape [3, 3, 3, 3]; for a 2-D weight use Init.eye.");
            }
            int out = tensor.size(0);
            if (groups <= 0 || out % groups != 0) {
                throw new ShapeError("dim 0 must be divisible by groups",
                        "dirac_ splits dim 0 (size " + out + ") into groups=" + groups + " equal parts.",
                        "pass groups equal to the conv layer's groups, a divisor of " + out + " (e.g. groups=1).");
            }
            int outPerGroup = out / groups;
            int minDim = Math.min(outPerGroup, tensor.size(1));
            tensor.zero_();
            int[] index = new int[dims];
            for (int d = 2; d < dims; d++) index[d] = tensor.size(d) / 2;
            for (int g = 0; g < groups; g++) {
                for (int d = 0; d < minDim; d++) {
                    index[0] = g * outPerGroup + d;
                    index[1] = d;
                    tensor.set(1f, index);
                }
            }
            return tensor;
        }
    }

    // ------------------------------------------------------------------ Xavier / Glorot

    /** {@code xavier_uniform_(t)}: gain 1. */
    public static Tensor xavierUniform(Tensor tensor) {
        Nulls.tensor(tensor, "xavier_uniform_", "tensor", 1);
        return xavierUniform(tensor, 1.0);
    }

    /** {@code xavier_uniform_(t, gain)}: U(−a, a), a = gain·√(6/(fan_in+fan_out)); bit-exact with torch. */
    public static Tensor xavierUniform(Tensor tensor, double gain) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "xavier_uniform_", "tensor", 1);
            Theory th = Theory.xavierUniform(tensor, gain);
            InitChecks.checkRange(th.low(), th.high(), "xavier_uniform_");
            return tensor.uniform_(th.low(), th.high());
        }
    }

    /** {@code xavier_normal_(t)}: gain 1. */
    public static Tensor xavierNormal(Tensor tensor) {
        Nulls.tensor(tensor, "xavier_normal_", "tensor", 1);
        return xavierNormal(tensor, 1.0);
    }

    /** {@code xavier_normal_(t, gain)}: N(0, std²), std = gain·√(2/(fan_in+fan_out)). */
    public static Tensor xavierNormal(Tensor tensor, double gain) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "xavier_normal_", "tensor", 1);
            Theory th = Theory.xavierNormal(tensor, gain);
            InitChecks.checkStd(th.std(), "xavier_normal_");
            return tensor.normal_(0.0, th.std());
        }
    }

    // ------------------------------------------------------------------ Kaiming / He

    /** {@code kaiming_uniform_(t)}: a = 0, mode "fan_in", nonlinearity "leaky_relu" (gain √2). */
    public static Tensor kaimingUniform(Tensor tensor) {
        Nulls.tensor(tensor, "kaiming_uniform_", "tensor", 1);
        return kaimingUniform(tensor, 0.0, "fan_in", "leaky_relu");
    }

    /** {@code kaiming_uniform_(t, a)}; {@code a = Math.sqrt(5)} is what Linear and Conv2d use (bound 1/√fan_in). */
    public static Tensor kaimingUniform(Tensor tensor, double a) {
        Nulls.tensor(tensor, "kaiming_uniform_", "tensor", 1);
        return kaimingUniform(tensor, a, "fan_in", "leaky_relu");
    }

    /** {@code kaiming_uniform_(t, a, mode)}. */
    public static Tensor kaimingUniform(Tensor tensor, double a, String mode) {
        Nulls.tensor(tensor, "kaiming_uniform_", "tensor", 1);
        return kaimingUniform(tensor, a, mode, "leaky_relu");
    }

    /**
     * {@code kaiming_uniform_(t, a, mode, nonlinearity)}: U(−bound, bound), bound = √3·gain/√fan with
     * gain = calculateGain(nonlinearity, a); bit-exact with torch. A tensor with a zero-size dim is left
     * as it is (torch warns "Initializing zero-element tensors is a no-op").
     */
    public static Tensor kaimingUniform(Tensor tensor, double a, String mode, String nonlinearity) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "kaiming_uniform_", "tensor", 1);
            if (InitChecks.hasZeroDim(tensor)) return tensor;
            Theory th = Theory.kaimingUniform(tensor, a, mode, nonlinearity);
            InitChecks.checkRange(th.low(), th.high(), "kaiming_uniform_");
            return tensor.uniform_(th.low(), th.high());
        }
    }

    /** {@code kaiming_normal_(t)}: a = 0, mode "fan_in", nonlinearity "leaky_relu". */
    public static Tensor kaimingNormal(Tensor tensor) {
        Nulls.tensor(tensor, "kaiming_normal_", "tensor", 1);
        return kaimingNormal(tensor, 0.0, "fan_in", "leaky_relu");
    }

    /** {@code kaiming_normal_(t, a)}. */
    public static Tensor kaimingNormal(Tensor tensor, double a) {
        Nulls.tensor(tensor, "kaiming_normal_", "tensor", 1);
        return kaimingNormal(tensor, a, "fan_in", "leaky_relu");
    }

    /** {@code kaiming_normal_(t, a, mode)}. */
    public static Tensor kaimingNormal(Tensor tensor, double a, String mode) {
        Nulls.tensor(tensor, "kaiming_normal_", "tensor", 1);
        return kaimingNormal(tensor, a, mode, "leaky_relu");
    }

    /** {@code kaiming_normal_(t, a, mode, nonlinearity)}: N(0, std²), std = gain/√fan. */
    public static Tensor kaimingNormal(Tensor tensor, double a, String mode, String nonlinearity) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "kaiming_normal_", "tensor", 1);
            if (InitChecks.hasZeroDim(tensor)) return tensor;
            Theory th = Theory.kaimingNormal(tensor, a, mode, nonlinearity);
            InitChecks.checkStd(th.std(), "kaiming_normal_");
            return tensor.normal_(0.0, th.std());
        }
    }

    // ------------------------------------------------------------------ truncated normal, orthogonal, sparse

    /** {@code trunc_normal_(t)}: mean 0, std 1, bounds [−2, 2]. */
    public static Tensor truncNormal(Tensor tensor) {
        Nulls.tensor(tensor, "trunc_normal_", "tensor", 1);
        return truncNormal(tensor, 0.0, 1.0, -2.0, 2.0);
    }

    /** {@code trunc_normal_(t, mean, std)}: bounds [−2, 2] (absolute, so with std 0.02 nothing is cut). */
    public static Tensor truncNormal(Tensor tensor, double mean, double std) {
        Nulls.tensor(tensor, "trunc_normal_", "tensor", 1);
        return truncNormal(tensor, mean, std, -2.0, 2.0);
    }

    /**
     * {@code trunc_normal_(t, mean, std, a, b)}: N(mean, std²) restricted to [a, b]; a and b are absolute
     * values, not multiples of std. Inverse-CDF sampling, as torch does it: l = Φ((a−mean)/std),
     * u = Φ((b−mean)/std), v ~ U(2l−1, 2u−1), x = clamp(mean + std·√2·erfinv(v), a, b).
     * erfinv runs in double here and in float in torch, so the values are not bit-exact with torch.
     */
    public static Tensor truncNormal(Tensor tensor, double mean, double std, double a, double b) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "trunc_normal_", "tensor", 1);
            if (mean < a - 2 * std || mean > b + 2 * std) {
                System.err.println("UserWarning: mean is more than 2 std from [a, b] in nn.init.trunc_normal_. "
                        + "The distribution of values may be incorrect.");
            }
            if (std == 0.0) {
                throw new ArithmeticException(TorchError.compose(TorchText.floatDivisionByZero(),
                        "trunc_normal_ divides (a - mean) and (b - mean) by std, which is 0.",
                        "pass std > 0; for a constant use Init.constant(t, mean)."));
            }
            double l = SpecialFunctions.normalCdf((a - mean) / std);
            double u = SpecialFunctions.normalCdf((b - mean) / std);
            InitChecks.checkRange(2 * l - 1, 2 * u - 1, "trunc_normal_");
            tensor.uniform_(2 * l - 1, 2 * u - 1);
            float[] v = tensor.toFloatArray();
            for (int i = 0; i < v.length; i++) {
                double x = mean + std * Math.sqrt(2.0) * SpecialFunctions.erfinv(v[i]);
                v[i] = (float) Math.min(Math.max(x, a), b);
            }
            return tensor.copy_(Tensor.of(v).reshape(tensor.shape()));   // reshape: a 0-d tensor has no shape to pass to of()
        }
    }

    /** {@code orthogonal_(t)}: gain 1. */
    public static Tensor orthogonal(Tensor tensor) {
        Nulls.tensor(tensor, "orthogonal_", "tensor", 1);
        return orthogonal(tensor, 1.0);
    }

    /**
     * {@code orthogonal_(t, gain)}: a (semi-)orthogonal matrix times gain, trailing dims flattened to
     * (rows, numel/rows). Fill that with N(0, 1), transpose if rows &lt; cols, take Q of its QR with the sign
     * of diag(R) folded in, transpose back. The smaller Gram matrix (QQᵀ or QᵀQ) is gain²·I.
     */
    public static Tensor orthogonal(Tensor tensor, double gain) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "orthogonal_", "tensor", 1);
            if (tensor.dim() < 2) {
                throw new ShapeError("Only tensors with 2 or more dimensions are supported",
                        "orthogonal_ builds a matrix of shape (size(0), numel/size(0)); got shape " + InitChecks.shape(tensor) + ".",
                        "pass a weight with at least 2 dims, e.g. Linear(20, 8).weight of shape [8, 20].");
            }
            if (tensor.numel() == 0) return tensor;
            int rows = tensor.size(0), cols = tensor.numel() / rows;
            float[] flat = Tensor.empty(rows, cols).normal_(0.0, 1.0).toFloatArray();
            boolean wide = rows < cols;
            int m = wide ? cols : rows, n = wide ? rows : cols;
            double[][] a = new double[m][n];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    if (wide) a[c][r] = flat[r * cols + c];
                    else a[r][c] = flat[r * cols + c];
                }
            }
            double[][] q = Householder.orthonormalColumns(a);
            float g = (float) gain;
            float[] out = new float[rows * cols];
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) out[r * cols + c] = (float) (wide ? q[c][r] : q[r][c]) * g;
            }
            return tensor.copy_(Tensor.of(out, tensor.shape()));
        }
    }

    /** {@code sparse_(t, sparsity)}: std 0.01. */
    public static Tensor sparse(Tensor tensor, double sparsity) {
        Nulls.tensor(tensor, "sparse_", "tensor", 1);
        return sparse(tensor, sparsity, 0.01);
    }

    /**
     * {@code sparse_(t, sparsity, std)}: N(0, std²), then in every column the rows at the first
     * ceil(sparsity·rows) places of a random permutation are set to 0. Exactly 2-D.
     */
    public static Tensor sparse(Tensor tensor, double sparsity, double std) {
        try (var noGrad = Autograd.noGrad()) {   // nn.init writes with gradients off, as torch.no_grad()
            Nulls.tensor(tensor, "sparse_", "tensor", 1);
            if (tensor.dim() != 2) {
                throw new ShapeError(TorchText.onlyTwoDims(),
                        "sparse_ zeroes a fraction of each column of a matrix; got shape " + InitChecks.shape(tensor) + ".",
                        "pass a 2-D weight such as Linear(20, 8).weight of shape [8, 20].");
            }
            int rows = tensor.size(0), cols = tensor.size(1);
            int numZeros = (int) Math.ceil(sparsity * rows);
            tensor.normal_(0.0, std);
            for (int c = 0; c < cols; c++) {
                int[] perm = randomPermutation(rows);
                for (int i = 0; i < Math.min(numZeros, rows); i++) tensor.set(0f, perm[i], c);
            }
            return tensor;
        }
    }

    /** Fisher–Yates with the seeded generator: swap slot i with a uniform j in [0, i]. */
    private static int[] randomPermutation(int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        if (n < 2) return perm;
        float[] u = Tensor.rand(n - 1).toFloatArray();
        for (int i = n - 1; i > 0; i--) {
            int j = Math.min((int) (u[i - 1] * (i + 1)), i);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        return perm;
    }

    // ------------------------------------------------------------------ theory

    /**
     * The distribution a scheme draws from for this tensor, with torch's defaults: "uniform", "normal",
     * "trunc_normal", "ones", "zeros", "xavier_uniform", "xavier_normal", "kaiming_uniform",
     * "kaiming_normal", or "default" (what Linear and Conv2d do: kaiming_uniform_ with a = √5, i.e.
     * U(±1/√fan_in)). A trailing underscore is accepted. For other arguments use the overloads below.
     */
    public static Theory theory(String scheme, Tensor tensor) {
        Nulls.tensor(tensor, "theory", "tensor", 2);
        String name = scheme.endsWith("_") ? scheme.substring(0, scheme.length() - 1) : scheme;
        switch (name) {
            case "uniform": return Theory.uniform(0.0, 1.0);
            case "normal": return Theory.normal(0.0, 1.0);
            case "trunc_normal": return Theory.truncNormal(0.0, 1.0, -2.0, 2.0);
            case "ones": return Theory.constant("ones_", 1.0);
            case "zeros": return Theory.constant("zeros_", 0.0);
            case "xavier_uniform": return Theory.xavierUniform(tensor, 1.0);
            case "xavier_normal": return Theory.xavierNormal(tensor, 1.0);
            case "kaiming_uniform": return Theory.kaimingUniform(tensor, 0.0, "fan_in", "leaky_relu");
            case "kaiming_normal": return Theory.kaimingNormal(tensor, 0.0, "fan_in", "leaky_relu");
            case "default": return Theory.kaimingUniform(tensor, Math.sqrt(5), "fan_in", "leaky_relu");
            default:
                throw InitChecks.badArgument("Unknown init scheme '" + scheme + "'",
                        "Init.theory describes: uniform, normal, trunc_normal, ones, zeros, xavier_uniform, "
                                + "xavier_normal, kaiming_uniform, kaiming_normal, default.",
                        "pass one of those names; for other arguments use Theory.xavierUniform(w, gain), "
                                + "Theory.kaimingUniform(w, a, mode, nonlinearity), Theory.uniform(a, b), ...");
        }
    }
}
