package layerwise.init;

import layerwise.tensor.Tensor;

/**
 * {@code torch.nn.init}'s own spellings, so {@code Init.xavier_uniform_(w)} works as typed from PyTorch:
 * {@link Init} extends this class, and each name here calls the camelCase method it stands for (the
 * overloads stand in for keyword arguments, as there). Nothing else lives here.
 */
abstract class TorchNames {
    TorchNames() {
    }

    public static double calculate_gain(String nonlinearity) { return Init.calculateGain(nonlinearity); }
    public static double calculate_gain(String nonlinearity, double param) { return Init.calculateGain(nonlinearity, param); }

    public static Tensor uniform_(Tensor t) { return Init.uniform(t); }
    public static Tensor uniform_(Tensor t, double a, double b) { return Init.uniform(t, a, b); }
    public static Tensor normal_(Tensor t) { return Init.normal(t); }
    public static Tensor normal_(Tensor t, double mean, double std) { return Init.normal(t, mean, std); }
    public static Tensor constant_(Tensor t, double val) { return Init.constant(t, val); }
    public static Tensor ones_(Tensor t) { return Init.ones(t); }
    public static Tensor zeros_(Tensor t) { return Init.zeros(t); }
    public static Tensor eye_(Tensor t) { return Init.eye(t); }
    public static Tensor dirac_(Tensor t) { return Init.dirac(t); }
    public static Tensor dirac_(Tensor t, int groups) { return Init.dirac(t, groups); }

    public static Tensor xavier_uniform_(Tensor t) { return Init.xavierUniform(t); }
    public static Tensor xavier_uniform_(Tensor t, double gain) { return Init.xavierUniform(t, gain); }
    public static Tensor xavier_normal_(Tensor t) { return Init.xavierNormal(t); }
    public static Tensor xavier_normal_(Tensor t, double gain) { return Init.xavierNormal(t, gain); }

    public static Tensor kaiming_uniform_(Tensor t) { return Init.kaimingUniform(t); }
    public static Tensor kaiming_uniform_(Tensor t, double a) { return Init.kaimingUniform(t, a); }
    public static Tensor kaiming_uniform_(Tensor t, double a, String mode) { return Init.kaimingUniform(t, a, mode); }
    public static Tensor kaiming_uniform_(Tensor t, double a, String mode, String nonlinearity) {
        return Init.kaimingUniform(t, a, mode, nonlinearity);
    }
    public static Tensor kaiming_normal_(Tensor t) { return Init.kaimingNormal(t); }
    public static Tensor kaiming_normal_(Tensor t, double a) { return Init.kaimingNormal(t, a); }
    public static Tensor kaiming_normal_(Tensor t, double a, String mode) { return Init.kaimingNormal(t, a, mode); }
    public static Tensor kaiming_normal_(Tensor t, double a, String mode, String nonlinearity) {
        return Init.kaimingNormal(t, a, mode, nonlinearity);
    }

    public static Tensor trunc_normal_(Tensor t) { return Init.truncNormal(t); }
    public static Tensor trunc_normal_(Tensor t, double mean, double std) { return Init.truncNormal(t, mean, std); }
    public static Tensor trunc_normal_(Tensor t, double mean, double std, double a, double b) {
        return Init.truncNormal(t, mean, std, a, b);
    }
    public static Tensor orthogonal_(Tensor t) { return Init.orthogonal(t); }
    public static Tensor orthogonal_(Tensor t, double gain) { return Init.orthogonal(t, gain); }
    public static Tensor sparse_(Tensor t, double sparsity) { return Init.sparse(t, sparsity); }
    public static Tensor sparse_(Tensor t, double sparsity, double std) { return Init.sparse(t, sparsity, std); }
}
