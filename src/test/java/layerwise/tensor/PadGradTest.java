package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** F.pad's backward in every mode, by finite differences and by hand, with PyTorch 1.13's node names. */
class PadGradTest {

    private static Tensor leaf(int... shape) {
        return Tensor.randn(shape).requiresGrad(true);
    }

    private static void check(String mode, int[] pad, String name, int... shape) {
        Tensor x = leaf(shape);
        String what = mode + " " + java.util.Arrays.toString(pad) + " on " + java.util.Arrays.toString(shape);
        assertTrue(Autograd.gradcheck(t -> Functional.pad(t, pad, mode, 0.5f), x), what);
        assertEquals(name, Functional.pad(x, pad, mode).gradFn().name(), what);
    }

    @Test
    @DisplayName("gradcheck of every mode, one and two padded dims, batched and unbatched, uneven and large pads")
    void everyMode() {
        Tensor.manualSeed(0);
        check("constant", new int[] {1, 2}, "ConstantPadNdBackward0", 5);
        check("constant", new int[] {2, 0, 1, 3}, "ConstantPadNdBackward0", 2, 3, 4);
        check("constant", new int[] {1, 1, 2, 2}, "ConstantPadNdBackward0", 1, 2, 2, 3, 3);
        check("reflect", new int[] {2, 1}, "ReflectionPad1DBackward0", 3, 4);
        check("reflect", new int[] {3, 2}, "ReflectionPad1DBackward0", 2, 3, 4);
        check("reflect", new int[] {1, 2, 2, 1}, "ReflectionPad2DBackward0", 2, 3, 4);
        check("reflect", new int[] {3, 3, 2, 2}, "ReflectionPad2DBackward0", 2, 2, 3, 4);
        check("replicate", new int[] {0, 3}, "ReplicationPad1DBackward0", 2, 3);
        check("replicate", new int[] {2, 5, 4, 1}, "ReplicationPad2DBackward0", 2, 3, 2);
        check("replicate", new int[] {1, 1, 1, 1}, "ReplicationPad2DBackward0", 2, 2, 3, 4);
        check("circular", new int[] {2, 3}, "CopySlices", 2, 2, 3);
        check("circular", new int[] {1, 4, 3, 2}, "CopySlices", 1, 2, 3, 4);
    }

    @Test
    @DisplayName("replicate: an edge element collects the gradient of every copy of itself; constant: the fill gets none")
    void byHand() {
        Tensor x = leaf(1, 1, 2, 2);
        Functional.pad(x, new int[] {2, 1, 1, 0}, "replicate").sum().backward();
        // Output 3 rows x 5 columns; column sources 0,0,0,1,1 and row sources 0,0,1.
        assertArrayEquals(new float[] {6, 4, 3, 2}, x.grad().toFloatArray());
        Tensor y = leaf(2, 3);
        Tensor g = Tensor.arange(0, 2 * 7, 1).reshape(2, 7);
        Functional.pad(y, new int[] {1, 3}, "constant", 9f).backward(g);
        assertArrayEquals(new float[] {1, 2, 3, 8, 9, 10}, y.grad().toFloatArray());
        Tensor c = leaf(1, 1, 3);
        Functional.pad(c, new int[] {3, 3}, "circular").sum().backward();
        assertArrayEquals(new float[] {3, 3, 3}, c.grad().toFloatArray(), "each element copied twice, plus itself");
    }
}
