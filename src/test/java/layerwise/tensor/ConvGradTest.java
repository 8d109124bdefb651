package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import layerwise.nn.Conv2d;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * conv2d's backward through the engine, checked by finite differences ({@link Autograd#gradcheck}) for
 * every option of F.conv2d and of the Conv2d layer, and the graph it records named as PyTorch 1.13 names it.
 * A convolution is linear in each operand, so the differences measure its derivative without a kink to avoid.
 */
class ConvGradTest {

    private static Tensor leaf(int... shape) {
        return Tensor.randn(shape).requiresGrad(true);
    }

    /** gradcheck of F.conv2d(x, w, b, ...) with respect to all three. */
    private static void check(int[] x, int[] w, boolean bias, Function<List<Tensor>, Tensor> conv) {
        List<Tensor> in = bias ? List.of(leaf(x), leaf(w), leaf(w[0])) : List.of(leaf(x), leaf(w));
        assertTrue(Autograd.gradcheck(conv, in));
        assertEquals("ConvolutionBackward0", conv.apply(in).gradFn().name());
    }

    private static Tensor b(List<Tensor> in) {
        return in.size() > 2 ? in.get(2) : null;
    }

    @Test
    @DisplayName("gradcheck: stride, padding and dilation as ints and as pairs, groups, depthwise, stride past the kernel")
    void functionalOptions() {
        Tensor.manualSeed(0);
        int[] one = {1};
        check(new int[] {2, 3, 5, 6}, new int[] {4, 3, 3, 3}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in)));
        check(new int[] {2, 3, 7, 6}, new int[] {4, 3, 3, 3}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in), new int[] {2}, new int[] {1}, one, 1));
        check(new int[] {1, 2, 6, 7}, new int[] {3, 2, 2, 3}, false,
                in -> Functional.conv2d(in.get(0), in.get(1), null, new int[] {2, 1}, new int[] {0, 2}, new int[] {1, 2}, 1));
        check(new int[] {2, 4, 7, 7}, new int[] {6, 2, 3, 3}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in), new int[] {2}, new int[] {1}, new int[] {2}, 2));
        check(new int[] {1, 3, 6, 5}, new int[] {6, 1, 3, 3}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in), one, new int[] {1}, one, 3));
        check(new int[] {2, 2, 8, 7}, new int[] {3, 2, 2, 2}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in), new int[] {3}, new int[] {1}, one, 1));
    }

    @Test
    @DisplayName("gradcheck: padding 'same' (odd kernel; even kernel with its extra row and column; dilated) and 'valid'")
    void paddingWords() {
        Tensor.manualSeed(1);
        int[] one = {1};
        check(new int[] {2, 2, 5, 6}, new int[] {3, 2, 3, 3}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in), one, "same", one, 1));
        check(new int[] {1, 2, 5, 6}, new int[] {3, 2, 2, 4}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in), one, "same", new int[] {1, 2}, 1));
        check(new int[] {1, 4, 6, 5}, new int[] {4, 2, 4, 3}, false,
                in -> Functional.conv2d(in.get(0), in.get(1), null, one, "same", new int[] {2, 1}, 2));
        check(new int[] {2, 2, 5, 6}, new int[] {3, 2, 3, 2}, true,
                in -> Functional.conv2d(in.get(0), in.get(1), b(in), new int[] {2}, "valid", one, 1));
    }

    @Test
    @DisplayName("Conv2d in every padding mode: the pad's own node carries the gradient back to the unpadded input")
    void layerPaddingModes() {
        Tensor.manualSeed(2);
        String[][] modes = {{"zeros", "AccumulateGrad"}, {"reflect", "ReflectionPad2DBackward0"},
            {"replicate", "ReplicationPad2DBackward0"}, {"circular", "CopySlices"}};
        for (String[] mode : modes) {
            Conv2d conv = new Conv2d(3, 4, new int[] {3, 2}, Conv2d.options().padding(2, 1).stride(2, 1).paddingMode(mode[0]));
            Tensor x = leaf(2, 3, 5, 4);
            assertTrue(Autograd.gradcheck(in -> conv.forward(in.get(0)), List.of(x, conv.weight, conv.bias)), mode[0]);
            Tensor y = conv.forward(x);
            assertEquals("ConvolutionBackward0", y.gradFn().name(), mode[0]);
            assertEquals(Arrays.asList(mode[1], "AccumulateGrad", "AccumulateGrad"), y.gradFn().nextFunctions(), mode[0]);
        }
        Conv2d same = new Conv2d(2, 3, 4, Conv2d.options().padding("same").paddingMode("replicate").bias(false));
        assertTrue(Autograd.gradcheck(in -> same.forward(in.get(0)), List.of(leaf(1, 2, 5, 6), same.weight)), "same, replicate");
    }

    @Test
    @DisplayName("unbatched (C, H, W): unsqueeze, convolution, squeeze, as PyTorch records it; reflect padding too")
    void unbatched() {
        Tensor.manualSeed(3);
        Tensor x = leaf(2, 5, 6), w = leaf(3, 2, 3, 3), bias = leaf(3);
        Tensor y = Functional.conv2d(x, w, bias, new int[] {1}, new int[] {1}, new int[] {1}, 1);
        assertArrayEquals(new int[] {3, 5, 6}, y.shape());
        assertEquals("SqueezeBackward1", y.gradFn().name());
        assertEquals(List.of("ConvolutionBackward0"), y.gradFn().nextFunctions());
        assertTrue(Autograd.gradcheck(in -> Functional.conv2d(in.get(0), in.get(1), in.get(2), new int[] {2}, new int[] {1},
                new int[] {1}, 1), List.of(x, w, bias)));
        Conv2d reflect = new Conv2d(2, 3, 3, Conv2d.options().padding(1).paddingMode("reflect"));
        assertTrue(Autograd.gradcheck(in -> reflect.forward(in.get(0)), List.of(x, reflect.weight, reflect.bias)));
    }

    @Test
    @DisplayName("only the operands that require grad get one; the saved input and weight may not change before backward")
    void needsAndSaved() {
        Tensor.manualSeed(4);
        Tensor x = Tensor.randn(1, 2, 4, 4), w = leaf(3, 2, 3, 3), bias = Tensor.randn(3);
        Tensor y = Functional.conv2d(x, w, bias);
        assertEquals(Arrays.asList("None", "AccumulateGrad", "None"), y.gradFn().nextFunctions());
        y.sum().backward();
        assertNull(x.grad());
        assertArrayEquals(new int[] {3, 2, 3, 3}, w.grad().shape());
        // dW[o, c, u, v] of y.sum() is the sum of the inputs that tap (u, v) read: the 2x2 window at (u, v).
        float expected = 0;
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) expected += x.get(0, 1, 1 + i, 2 + j);
        assertEquals(expected, w.grad().get(2, 1, 1, 2), 1e-5f);

        Tensor h = leaf(1, 2, 4, 4).mul(2f);
        Tensor z = Functional.conv2d(h, w, null);
        h.add_(Tensor.ones(1));
        AutogradError e = org.junit.jupiter.api.Assertions.assertThrows(AutogradError.class, () -> z.sum().backward());
        assertTrue(e.getMessage().startsWith("one of the variables needed for gradient computation has been modified by an inplace"
                + " operation"), e.getMessage());
    }
}
