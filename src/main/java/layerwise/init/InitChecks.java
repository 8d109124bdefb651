package layerwise.init;

import layerwise.tensor.TorchText;
import layerwise.tensor.TorchError;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

import java.util.Locale;

/** The argument checks of torch.nn.init, with torch's text first, then the explanation and the fix. */
final class InitChecks {
    private InitChecks() {
    }

    static void requireFans(Tensor tensor, String fn) {
        if (tensor.dim() < 2) {
            throw new ShapeError("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions",
                    fn + " needs a weight of shape (out, in, *kernel) to count fan_in and fan_out; got a "
                            + tensor.dim() + "-D tensor of shape " + shape(tensor) + ".",
                    "pass the layer's weight (e.g. linear.weight, shape [out_features, in_features]); "
                            + "for a bias use Init.zeros(bias) or Init.uniform(bias, -bound, bound).");
        }
    }

    /** Xavier's fans, with torch's ZeroDivisionError when fan_in + fan_out == 0. */
    static int[] xavierShape(Tensor tensor, String fn) {
        requireFans(tensor, fn);
        Fans f = Fans.of(tensor.shape());
        if (f.fanIn() + f.fanOut() == 0) {
            throw new ArithmeticException(TorchError.compose(TorchText.floatDivisionByZero(),
                    fn + " divides by fan_in + fan_out, which is 0 for shape " + shape(tensor) + ".",
                    "give the weight at least one element (no zero-size dims)."));
        }
        return tensor.shape();
    }

    static int[] kaimingShape(Tensor tensor, String mode, String fn) {
        String m = lower(mode);
        if (!m.equals("fan_in") && !m.equals("fan_out")) {
            throw badArgument("Mode " + m + " not supported, please use one of ['fan_in', 'fan_out']",
                    "mode picks the fan in std = gain/sqrt(fan): fan_in keeps the forward pass's variance, "
                            + "fan_out the backward pass's.",
                    "pass mode \"fan_in\" (the default) or \"fan_out\".");
        }
        requireFans(tensor, fn);
        return tensor.shape();
    }

    static boolean hasZeroDim(Tensor tensor) {
        for (int s : tensor.shape()) {
            if (s == 0) {
                System.err.println("UserWarning: Initializing zero-element tensors is a no-op");
                return true;
            }
        }
        return false;
    }

    static String lower(String mode) {
        return mode.toLowerCase(Locale.ROOT);
    }

    static String shape(Tensor tensor) {
        return TorchFormat.shapeString(tensor.shape());
    }

    static IllegalArgumentException badArgument(String torchText, String explanation, String fix) {
        return new IllegalArgumentException(TorchError.compose(torchText, explanation, fix));
    }


    /** torch's normal_ check, with its text; the number prints like C++ (6 significant digits). */
    static void checkStd(double std, String fn) {
        if (!(std >= 0.0)) {
            throw badArgument("normal expects std >= 0.0, but found std " + Theory.num(std),
                    fn + " draws from N(mean, std^2), and a std must not be negative.",
                    "pass std >= 0 (for Xavier/Kaiming: a gain >= 0).");
        }
    }

    /** torch's uniform_ checks: each bound a finite float, from &lt;= to, and to - from a finite float. */
    static void checkRange(double from, double to, String fn) {
        String problem = layerwise.tensor.TorchText.uniformBoundsProblem(from, to);
        if (problem == null) return;
        if (!Double.isNaN(from) && !Double.isNaN(to) && from > to && Math.abs(from) <= Float.MAX_VALUE
                && Math.abs(to) <= Float.MAX_VALUE) {
            throw badArgument(problem, fn + " draws from U(from, to), which needs from <= to.",
                    "swap the bounds (or, for Xavier/Kaiming, pass a gain >= 0).");
        }
        throw badArgument(problem, fn + " draws from U(from, to), which needs finite bounds within float32's range"
                        + " (+-3.4028235e38) and a finite to - from; here it would fill inf or NaN.",
                "pass finite bounds, e.g. uniform_(t, -1, 1); a bound computed from a gain or a fan may have"
                        + " overflowed.");
    }
}
