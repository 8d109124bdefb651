package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Gradients of conv2d, padding and pooling against PyTorch 1.13's, recorded below. The inputs are
 * patterns both sides compute exactly, {@code ((k·mul) mod m − shift) / div} for the k-th element, and
 * each backward starts from such a pattern as dL/dout ({@code y.backward(g)}). The numbers come from this
 * script, run with PyTorch 1.13:
 * <pre>
 * import torch, torch.nn.functional as F
 * def pattern(shape, mul, mod, shift, div):
 *     n = 1
 *     for s in shape: n *= s
 *     return torch.tensor([((k * mul) % mod - shift) / div for k in range(n)], dtype=torch.float32).reshape(shape)
 * def show(name, t):
 *     print(name, "=", "{" + ", ".join(("%.9g" % v) + "f" for v in t.flatten().tolist()) + "}")
 *
 * # conv2d: groups 2, dilation (2, 1), stride (2, 1), padding (1, 2)
 * x = pattern((1, 4, 5, 6), 7, 11, 5, 4).requires_grad_()
 * w = pattern((6, 2, 3, 2), 5, 7, 3, 8).requires_grad_()
 * b = pattern((6,), 3, 5, 2, 2).requires_grad_()
 * y = F.conv2d(x, w, b, stride=(2, 1), padding=(1, 2), dilation=(2, 1), groups=2)
 * print("conv out", tuple(y.shape))
 * (y * pattern(tuple(y.shape), 3, 13, 6, 4)).sum().backward()
 * show("CONV_DX", x.grad); show("CONV_DW", w.grad); show("CONV_DB", b.grad)
 *
 * # Conv2d(3, 2, 3, padding=2, padding_mode='reflect'): F.pad reflect, then conv2d
 * x = pattern((1, 3, 4, 5), 7, 11, 5, 4).requires_grad_()
 * w = pattern((2, 3, 3, 3), 5, 7, 3, 8).requires_grad_()
 * y = F.conv2d(F.pad(x, (2, 2, 2, 2), mode="reflect"), w)
 * print("reflect out", tuple(y.shape), y.grad_fn.next_functions[0][0].name())
 * (y * pattern(tuple(y.shape), 3, 13, 6, 4)).sum().backward()
 * show("REFLECT_DX", x.grad); show("REFLECT_DW", w.grad)
 *
 * # max_pool2d(kernel 3, stride 2, padding 1, ceil_mode=True), no ties
 * x = pattern((1, 2, 5, 7), 7, 37, 18, 4).requires_grad_()
 * y = F.max_pool2d(x, 3, stride=2, padding=1, ceil_mode=True)
 * print("maxpool out", tuple(y.shape))
 * (y * pattern(tuple(y.shape), 3, 13, 6, 4)).sum().backward()
 * show("MAX_DX", x.grad)
 *
 * # avg_pool2d(kernel 3, stride 2, padding 1, ceil_mode=True, divisor_override=5) and count_include_pad=False
 * x = pattern((1, 2, 5, 7), 7, 37, 18, 4).requires_grad_()
 * y = F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True, divisor_override=5)
 * print("avgpool out", tuple(y.shape))
 * (y * pattern(tuple(y.shape), 3, 13, 6, 4)).sum().backward()
 * show("AVG_DIVISOR_DX", x.grad)
 * x.grad = None
 * y = F.avg_pool2d(x, 3, stride=2, padding=1, ceil_mode=True, count_include_pad=False)
 * (y * pattern(tuple(y.shape), 3, 13, 6, 4)).sum().backward()
 * show("AVG_EXCLUDE_PAD_DX", x.grad)
 *
 * # padding='same' with an even kernel and dilation (1, 2): the extra row/column at the bottom/right
 * x = pattern((2, 2, 4, 5), 7, 11, 5, 4).requires_grad_()
 * w = pattern((3, 2, 2, 4), 5, 7, 3, 8).requires_grad_()
 * y = F.conv2d(x, w, padding="same", dilation=(1, 2))
 * print("same out", tuple(y.shape))
 * (y * pattern(tuple(y.shape), 3, 13, 6, 4)).sum().backward()
 * show("SAME_DX", x.grad); show("SAME_DW", w.grad)
 * </pre>
 */
class ConvPoolGradParityTest {
    private static final float ATOL = 1e-5f, RTOL = 1e-4f;

    /** The script's pattern: element k is ((k·mul) mod m − shift) / div. */
    private static Tensor pattern(int[] shape, int mul, int mod, int shift, int div) {
        float[] v = new float[Shapes.numel(shape)];
        for (int k = 0; k < v.length; k++) v[k] = (float) (((long) k * mul % mod - shift) / (double) div);
        return Tensor.of(v, shape);
    }

    private static Tensor input(int... shape) {
        return pattern(shape, 7, 11, 5, 4).requiresGrad(true);
    }

    private static Tensor weight(int... shape) {
        return pattern(shape, 5, 7, 3, 8).requiresGrad(true);
    }

    /** y.backward(g) with the script's dL/dout. */
    private static void backward(Tensor y) {
        y.backward(pattern(y.shape(), 3, 13, 6, 4));
    }

    private static void assertClose(float[] expected, Tensor actual, String what) {
        float[] a = actual.toFloatArray();
        assertEquals(expected.length, a.length, what);
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - expected[i]) <= ATOL + RTOL * Math.abs(expected[i]))) {
                assertEquals(expected[i], a[i], what + "[" + i + "]");
            }
        }
    }

    @Test
    @DisplayName("conv2d with groups 2, dilation (2, 1), stride (2, 1), padding (1, 2): dx, dW, db as PyTorch's")
    void convGroupsDilationStride() {
        Tensor x = input(1, 4, 5, 6), w = weight(6, 2, 3, 2), b = pattern(new int[] {6}, 3, 5, 2, 2).requiresGrad(true);
        Tensor y = Functional.conv2d(x, w, b, new int[] {2, 1}, new int[] {1, 2}, new int[] {2, 1}, 2);
        assertArrayEquals(new int[] {1, 6, 2, 9}, y.shape());
        assertEquals("ConvolutionBackward0", y.gradFn().name());
        backward(y);
        assertClose(CONV_DX, x.grad(), "dx");
        assertClose(CONV_DW, w.grad(), "dW");
        assertClose(CONV_DB, b.grad(), "db");
    }

    @Test
    @DisplayName("padding='same', an even kernel and dilation (1, 2): the extra column on the right, as PyTorch")
    void sameEvenKernel() {
        Tensor x = input(2, 2, 4, 5), w = weight(3, 2, 2, 4);
        Tensor y = Functional.conv2d(x, w, null, new int[] {1}, "same", new int[] {1, 2}, 1);
        backward(y);
        assertClose(SAME_DX, x.grad(), "dx");
        assertClose(SAME_DW, w.grad(), "dW");
    }

    @Test
    @DisplayName("Conv2d's reflect padding (F.pad, then the convolution): the border's gradient goes back to what it mirrors")
    void reflectPadding() {
        Tensor x = input(1, 3, 4, 5), w = weight(2, 3, 3, 3);
        Tensor y = Functional.conv2d(x, w, null, new int[] {1}, new int[] {2, 2, 2, 2}, "reflect", new int[] {1}, 1, null);
        assertEquals(java.util.Arrays.asList("ReflectionPad2DBackward0", "AccumulateGrad", "None"), y.gradFn().nextFunctions());
        backward(y);
        assertClose(REFLECT_DX, x.grad(), "dx");
        assertClose(REFLECT_DW, w.grad(), "dW");
    }

    @Test
    @DisplayName("max_pool2d(3, stride 2, padding 1, ceil_mode): each gradient to its window's maximum")
    void maxPoolCeilMode() {
        Tensor x = pattern(new int[] {1, 2, 5, 7}, 7, 37, 18, 4).requiresGrad(true);
        Tensor y = Functional.maxPool2d(x, new int[] {3}, new int[] {2}, new int[] {1}, new int[] {1}, true);
        assertArrayEquals(new int[] {1, 2, 3, 4}, y.shape());
        backward(y);
        assertClose(MAX_DX, x.grad(), "dx");
    }

    @Test
    @DisplayName("avg_pool2d(3, stride 2, padding 1, ceil_mode) with divisor_override=5, and with count_include_pad=False")
    void avgPool() {
        Tensor x = pattern(new int[] {1, 2, 5, 7}, 7, 37, 18, 4).requiresGrad(true);
        backward(Functional.avgPool2d(x, new int[] {3}, new int[] {2}, new int[] {1}, true, true, 5));
        assertClose(AVG_DIVISOR_DX, x.grad(), "divisor_override=5");
        x.grad = null;
        backward(Functional.avgPool2d(x, new int[] {3}, new int[] {2}, new int[] {1}, true, false));
        assertClose(AVG_EXCLUDE_PAD_DX, x.grad(), "count_include_pad=False");
    }

    private static final float[] CONV_DX = {
            0f, 0f, 0f, 0f, 0f, 0f, -0.21875f, -0.09375f, 0.84375f, -0.65625f, -0.125f, 0.40625f, 0f, 0f, 0f,
            0f, 0f, 0f, -0.40625f, 0.21875f, 0.84375f, 0.25f, -0.34375f, -0.9375f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, 0f, 0f, 0.75f, -0.46875f, -0.46875f, 0.75f, 0.75f, 0.75f, 0f, 0f, 0f, 0f, 0f, 0f,
            0.125f, -0.59375f, -0.90625f, 1.21875f, 0.09375f, -1.03125f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0f, -0.90625f, 1.21875f, 0.09375f, -1.03125f, -1.34375f, 1.1875f, 0f, 0f, 0f, 0f, 0f, 0f,
            1.71875f, -0.9375f, -0.34375f, 0.25f, 0.84375f, 0.21875f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            0f, 0f, 0.84375f, -0.65625f, -0.125f, 0.40625f, -0.6875f, 0.25f, 0f, 0f, 0f, 0f, 0f, 0f, 0.84375f,
            0.25f, -0.34375f, -0.9375f, 1.71875f, -0.5f, 0f, 0f, 0f, 0f, 0f, 0f};

    private static final float[] CONV_DW = {
            0.25f, -2.4375f, -4.375f, 2f, 1.1875f, 1.3125f, 0.1875f, -2.8125f, -4.0625f, 1.6875f, 1.5625f,
            1.375f, -0.125f, -2.8125f, -2.125f, -1.4375f, -1.875f, 1.5f, 0.5625f, -2.4375f, -1.125f, -1.0625f,
            -1.5625f, 1.5f, 3.5625f, 0.0625f, -1.5f, -1.625f, 0.75f, -1.5625f, 3.375f, 0.375f, -1.4375f,
            -1.375f, 1f, -1.625f, 3.5625f, -2.5625f, -2.6875f, 0.4375f, -1.125f, -0.8125f, 1.25f, -2.3125f,
            -4.125f, 4.125f, -0.25f, 2.625f, 2.5f, -0.375f, 3.625f, -1.375f, 0.5625f, -1.5625f, -1.25f,
            -1.5625f, -1.5f, -1.375f, -0.8125f, -0.375f, -1.8125f, 2.625f, 3.4375f, 4.125f, 1.4375f, -2.3125f,
            1.9375f, -0.8125f, -3.75f, 0.4375f, -0.5625f, -2.5625f};

    private static final float[] CONV_DB = {
            0f, -0.75f, -1.5f, 1f, 0.25f, -0.5f};

    private static final float[] SAME_DX = {
            -0.21875f, -0.25f, 0.96875f, 0.34375f, -0.03125f, -0.40625f, 2.40625f, 0.21875f, -0.65625f,
            -0.46875f, 1.40625f, 1.03125f, -1.40625f, -0.90625f, 0.15625f, 0.375f, 0.0625f, -1.8125f, 0.0625f,
            0.375f, 0.96875f, 0.34375f, -0.03125f, -1.03125f, -1.25f, 0.21875f, -0.65625f, -0.46875f,
            -1.09375f, 0.15625f, -1.40625f, -0.90625f, 0.15625f, 0.65625f, 0.625f, -1.8125f, 0.0625f, 0.375f,
            -1.25f, 1.90625f, -0.28125f, -1.25f, 0.78125f, 0.8125f, 0.09375f, -0.1875f, -0.6875f, 1.84375f, 0f,
            -0.28125f, -0.40625f, 2.40625f, 0.21875f, -0.65625f, -0.46875f, 1.40625f, 1.03125f, -1.40625f,
            -0.90625f, 0.15625f, 0.78125f, 0.8125f, 0.09375f, 0.46875f, -1.25f, 1.84375f, 0f, -0.28125f,
            -0.40625f, -1.53125f, 0.21875f, -0.65625f, -0.46875f, -1.09375f, 0.15625f, -1.40625f, -0.90625f,
            0.15625f, 0.65625f, 0.625f};

    private static final float[] SAME_DW = {
            0.25f, -0.3125f, -2.9375f, -1.25f, 0.5625f, -4.25f, 2.25f, -0.125f, 1.625f, 1.625f, 1.6875f,
            -2.375f, -2.0625f, 1.8125f, -5.125f, -1.5625f, 1.0625f, -1.125f, 2.3125f, -1.6875f, -1.625f,
            1.625f, -2.5625f, -0.5625f, -2.375f, 3.3125f, -4.375f, 3.3125f, 1.375f, -1f, 3.3125f, -2.6875f,
            0.25f, 3.75f, -3f, 0.3125f, 2.6875f, -1.4375f, -0.0625f, -0.1875f, -0.6875f, -3.125f, 5.8125f,
            0.875f, 4.8125f, 0.25f, 1.1875f, 0.25f};

    private static final float[] REFLECT_DX = {
            0.40625f, -1.5625f, 1.3125f, -2.09375f, 1.375f, -0.1875f, 0.4375f, 0.125f, 1.125f, -0.28125f,
            -1.78125f, 0.1875f, 0.3125f, 1.75f, -2.28125f, 0.71875f, -0.625f, 0.0625f, 0.59375f, 0.0625f,
            0.375f, -0.9375f, 0.8125f, -0.09375f, -0.4375f, 0.46875f, 1.78125f, -1.53125f, -0.875f, 0.875f,
            -1.15625f, 0.46875f, 0.90625f, 0.4375f, 1.6875f, -0.03125f, -0.4375f, -0.40625f, 0.21875f, -1.25f,
            0.125f, 0.5625f, -1f, 0.375f, 0.375f, 0.6875f, -2.78125f, 1.84375f, -0.25f, -1.25f, 1.875f,
            -0.5625f, 0.84375f, 0f, -0.46875f, -1f, 1.9375f, -2.1875f, -0.15625f, 0.0625f};

    private static final float[] REFLECT_DW = {
            -1.375f, -0.3125f, 7.375f, 4.5f, -8.875f, 6.375f, 1.875f, 0.875f, -0.375f, -3.125f, -6.1875f,
            4.25f, 2.75f, 1.0625f, 2.5625f, 0.125f, -2.9375f, -1.4375f, 2.6875f, 1f, -7.125f, -3.8125f,
            2.0625f, -4.6875f, -0.9375f, 6.3125f, -10.75f, -3.8125f, 0.5f, -5.4375f, -1.1875f, 6.5625f, -0.75f,
            -3.8125f, -1.5625f, 1.4375f, -5.4375f, 7.125f, -5.6875f, -2.8125f, 2.1875f, -1.6875f, 3.5f,
            -1.8125f, 3.25f, 3.25f, -0.6875f, 4.375f, 2.4375f, -2.875f, 3.5625f, 5.3125f, -7.5625f, -2.5f};

    private static final float[] MAX_DX = {
            0f, 0f, 0f, 0f, 0f, 0.75f, 0f, 0f, -1.5f, 0f, -1.75f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f,
            2.75f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, -1.25f, 0f, 0f, 0f, 0f, -1.5f, 0f, 0f, 0f, 0f, 0f,
            1.75f, 0f, 0f, 0f, 0f, -2f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 2.75f, 0f, 0f, 0f, 0f, 0.5f,
            0f, 0f, 0f, 0f, -1.75f, 0f};

    private static final float[] AVG_DIVISOR_DX = {
            -0.300000012f, -0.450000018f, -0.150000006f, -0.150000006f, 0f, 0.150000006f, 0.150000006f, 0f,
            -0.350000024f, -0.350000024f, -0.400000036f, -0.0500000007f, 0.200000018f, 0.25f, 0.300000012f,
            0.100000009f, -0.200000003f, -0.25f, -0.0500000007f, 0.0500000007f, 0.100000001f, 0.550000012f,
            0.100000024f, -0.449999988f, -0.600000024f, -0.150000006f, 0f, 0.150000006f, 0.25f, 0f, -0.25f,
            -0.349999994f, -0.100000001f, -0.0500000007f, 0.0500000007f, 0.200000003f, -0.100000009f,
            -0.300000012f, -0.450000018f, -0.150000006f, -0.150000006f, 0f, 0.350000024f, 0.350000024f, 0f,
            -0.350000024f, -0.350000024f, -0.400000036f, -0.0500000007f, 0.150000006f, 0.450000018f,
            0.300000012f, 0.100000009f, -0.200000003f, -0.25f, -0.0500000007f, 0.25f, 0.800000012f,
            0.550000012f, 0.100000024f, -0.449999988f, -0.600000024f, -0.150000006f, 0.100000001f,
            0.349999994f, 0.25f, 0f, -0.25f, -0.349999994f, -0.100000001f};

    private static final float[] AVG_EXCLUDE_PAD_DX = {
            -0.375f, -0.5f, -0.125f, -0.125f, 0f, 0.1875f, 0.1875f, -0.125f, -0.361111104f, -0.236111104f,
            -0.263888896f, -0.027777778f, 0.243055552f, 0.270833343f, 0.25f, 0.138888896f, -0.111111112f,
            -0.138888896f, -0.027777778f, 0.0555555597f, 0.0833333358f, 0.5625f, 0.243055567f, -0.319444448f,
            -0.430555552f, -0.111111112f, 0.0347222239f, 0.145833343f, 0.3125f, 0.104166672f, -0.208333328f,
            -0.291666657f, -0.0833333358f, -0.0208333358f, 0.0625f, 0.25f, 0f, -0.25f, -0.375f, -0.125f,
            -0.125f, 0f, 0.375f, 0.291666687f, -0.0833333284f, -0.319444448f, -0.236111104f, -0.277777761f,
            -0.0416666679f, 0.125f, 0.291666687f, 0.166666672f, 0.0555555597f, -0.111111112f, -0.152777776f,
            -0.0416666679f, 0.25f, 0.625f, 0.375f, 0.0555555671f, -0.319444448f, -0.486111104f, -0.166666672f,
            0.125f, 0.333333313f, 0.208333328f, 0f, -0.208333328f, -0.333333313f, -0.125f};
}
