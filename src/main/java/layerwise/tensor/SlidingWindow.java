package layerwise.tensor;

/**
 * One spatial dim of a convolution or a pooling: a window of {@code kernel} taps, {@code dilation} apart,
 * moved by {@code stride} over an input of {@code size} with {@code before} and {@code after} padding.
 * <pre>
 *   padded = size + before + after
 *   span   = dilation * (kernel - 1) + 1                 the window's extent
 *   out    = floor((padded - span) / stride) + 1         (ceil mode: rounded up, see {@link #outputs})
 * </pre>
 * Every term is computed in 64 bits: each argument fits an int, but padding 2^30 on both sides of 5
 * pixels, or dilation 2^30 over 3 taps, does not, and in int arithmetic it wraps around to a negative or
 * a small size that then passes the checks. The callers refuse {@link #padded} and {@link #span} above
 * {@code Integer.MAX_VALUE} before they use the int results.
 */
record SlidingWindow(int size, int before, int after, int kernel, int stride, int dilation) {

    long padded() {
        return (long) size + before + after;
    }

    long span() {
        return (long) dilation * (kernel - 1) + 1;
    }

    /**
     * How many windows fit: floor((padded - span) / stride) + 1, 0 or less when none does. In ceil mode
     * (pooling) the division rounds up, and a last window that would start in the right padding is
     * dropped, as PyTorch's {@code pooling_output_shape} does.
     */
    long outputs(boolean ceilMode) {
        long out = Math.floorDiv(padded() - span() + (ceilMode ? stride - 1L : 0L), stride) + 1;
        if (ceilMode && (out - 1) * stride >= (long) size + before) out--;
        return out;
    }
}
