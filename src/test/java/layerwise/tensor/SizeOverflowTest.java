package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Sizes beyond one tensor (2^31-1 elements) or beyond an int are a ShapeError naming the shape and the
 * limit, never a product that wrapped around: not a silent 0.0, not a NegativeArraySizeException.
 */
class SizeOverflowTest {

    private static void assertTooMany(String firstLine, String shape, Runnable op) {
        ShapeError e = assertThrows(ShapeError.class, op::run);
        assertEquals(firstLine, e.torchMessage());
        assertTrue(e.getMessage().contains("at most 2^31-1 = 2147483647 elements; " + shape + " has "), e.getMessage());
    }

    @Test
    void anElementCountBeyondSixtyFourBitsIsPyTorchsOverflowError() {
        // 65536^4 = 2^64 wrapped to 0 in a long, and sum() returned 0.0
        assertTooMany("Storage size calculation overflowed with sizes=[65536, 65536, 65536, 65536]",
                "[65536, 65536, 65536, 65536]", () -> Tensor.ones(65536, 65536, 65536, 65536).sum());
        assertEquals(0, Tensor.zeros(65536, 65536, 65536, 65536, 0).numel(), "a 0 anywhere is 0 elements");
    }

    @Test
    void aLinearOutputBeyondOneTensorNamesItsShape() {
        assertTooMany("a tensor of shape [50000, 50000] would have 2500000000 elements", "[50000, 50000]",
                () -> Functional.linear(Tensor.zeros(50000, 1), Tensor.zeros(50000, 1), null));
    }

    @Test
    void aConvOutputBeyondOneTensorNamesItsShape() {
        assertTooMany("a tensor of shape [1, 1024, 1500, 1500] would have 2304000000 elements", "[1, 1024, 1500, 1500]",
                () -> Functional.conv2d(Tensor.zeros(1, 1, 1500, 1500), Tensor.zeros(1024, 1, 1, 1), null));
        assertTooMany("a tensor of shape [1, 1, 60001, 60001] would have 3600120001 elements", "[1, 1, 60001, 60001]",
                () -> Functional.conv2d(Tensor.zeros(1, 1, 1, 1), Tensor.zeros(1, 1, 1, 1), null, new int[] {1, 1},
                        new int[] {30000, 30000}, new int[] {1, 1}, 1));
    }

    @Test
    void theFastKernelsUnfoldedInputMustFitToo() {
        // a broadcast view as input; the output [1, 1, 1498, 1498] fits, but im2col's (1024*3*3) x (1498*1498) matrix would not
        assertTooMany("a tensor of shape [1024, 3, 3, 1498, 1498] would have 20680740864 elements",
                "[1024, 3, 3, 1498, 1498]", () -> Functional.conv2d(Tensor.zeros(1, 1, 1500, 1500).expand(1, 1024, 1500, 1500),
                        Tensor.zeros(1, 1024, 3, 3), null));
    }

    @Test
    void padding30000IsOneShapeError() {
        assertTooMany("a tensor of shape [1, 1, 60002, 60002] would have 3600240004 elements", "[1, 1, 60002, 60002]",
                () -> Functional.pad(Tensor.zeros(1, 1, 2, 2), new int[] {30000, 30000, 30000, 30000}));
        ShapeError e = assertThrows(ShapeError.class, () -> Functional.pad(Tensor.zeros(1, 1, 2, 2),
                new int[] {Integer.MAX_VALUE, 1}));
        assertEquals("dim 3 after padding would be 2147483650, more than the largest size, 2147483647", e.torchMessage());
    }

    @Test
    void aHugeDilationIsNamedNotWrappedAround() {
        ShapeError conv = assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.zeros(1, 1, 5, 5),
                Tensor.zeros(1, 1, 3, 3), null, new int[] {1, 1}, new int[] {0, 0}, new int[] {2000000000, 1}, 1));
        assertEquals("the dilated kernel height (dilation * (kH - 1) + 1) would be 4000000001, more than the largest"
                + " size, 2147483647", conv.torchMessage());
        ShapeError pool = assertThrows(ShapeError.class, () -> Functional.maxPool2d(Tensor.zeros(1, 1, 5, 5),
                new int[] {3, 3}, new int[] {1, 1}, new int[] {0, 0}, new int[] {1, 2000000000}, false));
        assertEquals("the dilated window width (dilation * (kernel_size - 1) + 1) would be 4000000001, more than the"
                + " largest size, 2147483647", pool.torchMessage());
    }

    @Test
    void arangeRefusesNaNAndInfiniteBoundsAsPyTorchDoes() {
        // torch.arange(0, float('nan'), 1): RuntimeError: unsupported range: 0 -> nan
        assertEquals("unsupported range: 0 -> nan",
                assertThrows(ShapeError.class, () -> Tensor.arange(0, Double.NaN, 1)).torchMessage());
        assertEquals("unsupported range: nan -> 10",
                assertThrows(ShapeError.class, () -> Tensor.arange(Double.NaN, 10, 1)).torchMessage());
        assertEquals("unsupported range: 0 -> inf",
                assertThrows(ShapeError.class, () -> Tensor.arange(0, Double.POSITIVE_INFINITY, 1)).torchMessage());
        // torch checks the step first: arange(0, 10, nan) says "step must be nonzero"
        assertEquals("step must be nonzero",
                assertThrows(ShapeError.class, () -> Tensor.arange(0, 10, Double.NaN)).torchMessage());
        assertTrue(assertThrows(ShapeError.class, () -> Tensor.arange(0, 1e10, 1)).torchMessage()
                .endsWith("would have 10000000000 elements"));
    }

    @Test
    void catOfPartsWhoseSizesSumBeyondAnIntIsNamed() {
        Tensor half = Tensor.zeros(1).expand(2000000000);
        ShapeError e = assertThrows(ShapeError.class, () -> Tensor.cat(half, half));
        assertEquals("the joined dim 0 (the sum of the parts' sizes) would be 4000000000, more than the largest size,"
                + " 2147483647", e.torchMessage());
    }
}
