package layerwise.tensor;

import java.util.Locale;

/**
 * Which kernel runs the hot ops. Each hot op has a plain "teaching" kernel that mirrors its formula and
 * a fast default (packed, cache-blocked, SIMD, multi-threaded). Both add each output's terms in the same
 * order, starting from the same value (0, or the bias) and treating padding the same way (a padding tap
 * multiplies 0, so Inf and NaN weights behave alike). What differs, precisely: with SIMD (the Vector API
 * module present) the matrix products round each step {@code s + a*b} once, as a fused multiply-add,
 * where the plain loops round the product and then the sum; so matmul, linear and conv2d results can
 * differ in the last bits, by at most 2·k·2^-24·(|s0| + Σ|a·b|) for k terms (tested). Without SIMD, and
 * for the elementwise, depthwise and gate kernels, the two agree bit for bit.
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

    /** How many threads the fast kernels use (default: every core), like {@code torch.get_num_threads()}. */
    public static int threads() {
        return Parallel.threads();
    }

    /** Sets how many threads the fast kernels use, like {@code torch.set_num_threads(n)}; 1 runs them on the caller's thread. */
    public static void setThreads(int n) {
        Parallel.setThreads(n);
    }

    /** "SIMD on (512-bit vectors, ...)" or why it is off: whether the fast kernels use the Vector API. */
    public static String simd() {
        return Simd.describe();
    }

    /** torch.matmul computed with the given kernel. */
    public static Tensor matmul(Tensor a, Tensor b, Kind kind) {
        return Matmul.matmul(a, b, kind);
    }

    /** torch.nn.functional.conv2d computed with the given kernel: the loops (PLAIN), or im2col, 1x1 and depthwise kernels (FAST). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int[] stride, int[] padding,
                                int[] dilation, int groups, Kind kind) {
        return Functional.conv2d(input, weight, bias, stride, padding, dilation, groups, kind);
    }
}
