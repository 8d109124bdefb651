package layerwise.tensor;

import java.util.Locale;

/**
 * Which kernel runs the hot ops. Each hot op has a plain "teaching" kernel that mirrors its formula and
 * a fast default (cache-blocked, multi-threaded) that computes the same sums in the same order.
 *
 * <p>The default is {@link Kind#FAST}. Start the JVM with {@code -Dlayerwise.kernels=plain} to make
 * {@link Tensor#matmul}, conv2d and linear use the plain kernels everywhere (the property is read once, at start-up); for
 * the workbook: {@code JAVA_TOOL_OPTIONS=-Dlayerwise.kernels=plain ./workbook}.
 * {@link #matmul(Tensor, Tensor, Kind)} and {@link #conv2d(Tensor, Tensor, Tensor, int[], int[], int[], int, Kind)}
 * run one kernel explicitly, for benchmarks and lessons that compare the two.
 */
public final class Kernels {
    private Kernels() {
    }

    /** The two kernel families. */
    public enum Kind { PLAIN, FAST }

    private static final Kind DEFAULT =
            "plain".equals(System.getProperty("layerwise.kernels", "").toLowerCase(Locale.ROOT)) ? Kind.PLAIN : Kind.FAST;

    /** The kernel that {@link Tensor#matmul} uses: FAST unless -Dlayerwise.kernels=plain. */
    public static Kind selected() {
        return DEFAULT;
    }

    /** torch.matmul computed with the given kernel. */
    public static Tensor matmul(Tensor a, Tensor b, Kind kind) {
        return Matmul.matmul(a, b, kind);
    }

    /** torch.nn.functional.conv2d computed with the given kernel: the loops (PLAIN) or im2col and matmul (FAST). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                int[] dilation, int groups, Kind kind) {
        return Functional.conv2d(input, weight, bias, stride, padding, dilation, groups, kind);
    }
}
