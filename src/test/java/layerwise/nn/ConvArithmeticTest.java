package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import layerwise.tensor.Functional;
import layerwise.tensor.Kernels;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conv2d and F.conv2d share one geometry, computed in 64 bits: an argument near 2^31 gives the same checked
 * first line from the layer (which then names itself and its options) as from the op, never a size that
 * wrapped around to a negative or small number. Sizes were worked out by hand:
 * padded = 5 + 2p, span = d(k - 1) + 1.
 */
class ConvArithmeticTest {
    private static final Tensor X = Tensor.zeros(1, 1, 5, 5);
    private static final int MAX = Integer.MAX_VALUE;

    private static ShapeError fromLayer(Conv2d layer) {
        Tensor x = layer.inChannels() == 0 ? Tensor.zeros(1, 0, 5, 5) : X;
        ShapeError e = assertThrows(ShapeError.class, () -> layer.forward(x));
        assertTrue(e.explanation().startsWith(layer.toString()), e.getMessage());
        return e;
    }

    private static ShapeError fromOp(Tensor weight, int stride, int padding, int dilation) {
        Tensor x = weight.size(1) == 0 ? Tensor.zeros(1, 0, 5, 5) : X;
        return assertThrows(ShapeError.class, () -> Functional.conv2d(x, weight, null, new int[] {stride},
                new int[] {padding}, new int[] {dilation}, 1));
    }

    @Test
    @DisplayName("padding 2^30: the padded input is 2^31 + 5, named by the layer and the op alike")
    void padding() {
        String first = "the padded input height would be 2147483653, more than the largest size, 2147483647";
        ShapeError layer = fromLayer(new Conv2d(1, 1, 3, 1, 1 << 30));
        assertEquals(first, layer.torchMessage());
        assertTrue(layer.fix().startsWith("build the layer with a smaller padding"), layer.getMessage());
        assertEquals(first, fromOp(Tensor.zeros(1, 1, 3, 3), 1, 1 << 30, 1).torchMessage());
        // 2^31 - 1 on both sides wrapped around to a padded size of 3 that held the kernel
        assertEquals("the padded input height would be 4294967299, more than the largest size, 2147483647",
                fromLayer(new Conv2d(1, 1, 3, 1, MAX)).torchMessage());
    }

    @Test
    @DisplayName("dilation 2^30: the dilated kernel spans 2^31 + 1, named by the layer and the op alike")
    void dilation() {
        String first = "the dilated kernel height (dilation * (kH - 1) + 1) would be 2147483649, more than the largest size,"
                + " 2147483647";
        ShapeError layer = fromLayer(new Conv2d(1, 1, 3, 1, 1, 1 << 30));
        assertEquals(first, layer.torchMessage());
        assertTrue(layer.fix().contains("kernel_size and dilation"), layer.getMessage());
        assertEquals(first, fromOp(Tensor.zeros(1, 1, 3, 3), 1, 1, 1 << 30).torchMessage());
    }

    @Test
    @DisplayName("kernel size 2^30 + 1 with dilation 5: 5·2^30 + 1, not the 2^30 + 1 it wrapped around to")
    void kernelSize() {
        int k = (1 << 30) + 1;
        String first = "the dilated kernel height (dilation * (kH - 1) + 1) would be 5368709121, more than the largest size,"
                + " 2147483647";
        // in_channels 0: a weight of no elements, so the kernel size costs no memory
        Conv2d layer = new Conv2d(0, 1, new int[] {k, 1}, Conv2d.options().dilation(5));
        assertEquals(first, fromLayer(layer).torchMessage());
        Tensor weight = Tensor.zeros(1, 0, k, 1);
        assertEquals(first, fromOp(weight, 1, 0, 5).torchMessage());
        // 2^31 - 1 taps fit an int: the kernel is larger than the input, and the padding that would hold it is named
        ShapeError large = fromLayer(new Conv2d(0, 1, new int[] {MAX, 1}, Conv2d.options()));
        assertEquals("Calculated padded input size per channel: (5 x 5). Kernel size: (2147483647 x 1). Kernel size can't be"
                + " greater than actual input size", large.torchMessage());
        assertTrue(large.fix().startsWith("use padding(1073741821, 0)"), large.getMessage());
    }

    @Test
    @DisplayName("stride 2^31 - 1: one output per dim, the same from the layer, the op and the plain loops")
    void stride() {
        Tensor.manualSeed(0);
        Tensor x = Tensor.rand(1, 1, 5, 5);
        for (int padding = 0; padding < 4; padding++) {
            Conv2d layer = new Conv2d(1, 1, 3, MAX, padding);
            int[] s = {MAX};
            int[] p = {padding};
            int[] d = {1};
            Tensor plain = Kernels.conv2d(x, layer.weight, layer.bias, s, p, d, 1, Kernels.Kind.PLAIN);
            assertArrayEquals(new int[] {1, 1, 1, 1}, plain.shape());
            // the fast kernel's first column inside the image was (padding + 2^31 - 2) / stride, wrapped negative
            assertEquals(plain.item(), layer.forward(x).item(), 1e-6, "padding " + padding);
            assertEquals(plain.item(), Functional.conv2d(x, layer.weight, layer.bias, s, p, d, 1).item(), 1e-6);
        }
        // pooling: ceil mode adds stride - 1 before dividing
        Tensor pooled = new MaxPool2d(new int[] {3}, new int[] {MAX}, new int[] {1}, new int[] {1}, true).forward(x);
        assertArrayEquals(new int[] {1, 1, 1, 1}, pooled.shape());
        assertEquals(x.narrow(2, 0, 2).narrow(3, 0, 2).max().item(), pooled.item());
    }

    @Test
    @DisplayName("pools: padding and dilation near 2^31 are checked, not wrapped")
    void pools() {
        ShapeError dilated = assertThrows(ShapeError.class, () -> new MaxPool2d(new int[] {3}, new int[] {1}, new int[] {0},
                new int[] {1 << 30}, false).forward(X));
        assertEquals("the dilated window height (dilation * (kernel_size - 1) + 1) would be 2147483649, more than the"
                + " largest size, 2147483647", dilated.torchMessage());
        // padding at most half the kernel: 2 * (2^31 - 1) wrapped to -2 and passed that check
        ShapeError padded = assertThrows(ShapeError.class, () -> new AvgPool2d(new int[] {3}, new int[] {1}, new int[] {MAX},
                false, true).forward(X));
        assertEquals("pad should be at most half of kernel size, but got pad=2147483647 and kernel_size=3",
                padded.torchMessage());
    }
}
