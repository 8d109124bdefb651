package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShapesTest {
    @Test
    @DisplayName("numel and row-major strides, zero-size dims included")
    void numelAndStrides() {
        assertEquals(24, Shapes.numel(new int[] {2, 3, 4}));
        assertEquals(1, Shapes.numel(new int[] {}));
        assertEquals(0, Shapes.numel(new int[] {2, 0, 4}));
        assertArrayEquals(new int[] {12, 4, 1}, Shapes.contiguousStrides(new int[] {2, 3, 4}));
        // torch.zeros(2, 0, 4).stride() == (4, 4, 1)
        assertArrayEquals(new int[] {4, 4, 1}, Shapes.contiguousStrides(new int[] {2, 0, 4}));
        assertThrows(ShapeError.class, () -> Shapes.numel(new int[] {1 << 16, 1 << 16}));
    }

    @Test
    @DisplayName("broadcast aligns from the right; size 1 stretches, 0 stays 0")
    void broadcast() {
        assertArrayEquals(new int[] {2, 3, 4}, Shapes.broadcast(new int[] {2, 1, 4}, new int[] {3, 1}));
        assertArrayEquals(new int[] {5}, Shapes.broadcast(new int[] {}, new int[] {5}));
        assertArrayEquals(new int[] {0, 3}, Shapes.broadcast(new int[] {0, 1}, new int[] {3}));
        assertEquals("The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 1",
                assertThrows(ShapeError.class, () -> Shapes.broadcast(new int[] {2, 3, 4}, new int[] {5, 1})).torchMessage());
    }

    @Test
    @DisplayName("reshape inference: one -1, torch's texts otherwise")
    void inferSize() {
        assertArrayEquals(new int[] {3, 2}, Shapes.inferSize(new int[] {3, -1}, 6));
        assertArrayEquals(new int[] {0, 5}, Shapes.inferSize(new int[] {-1, 5}, 0));
        // torch.randn(2,3).reshape(2,-1,0) and torch.randn(0,3).reshape(0,-1)
        assertEquals("shape '[2, -1, 0]' is invalid for input of size 6",
                assertThrows(ShapeError.class, () -> Shapes.inferSize(new int[] {2, -1, 0}, 6)).torchMessage());
        assertEquals("cannot reshape tensor of 0 elements into shape [0, -1] because the unspecified dimension size -1"
                + " can be any value and is ambiguous",
                assertThrows(ShapeError.class, () -> Shapes.inferSize(new int[] {0, -1}, 0)).torchMessage());
    }

    @Test
    @DisplayName("a -1 already there and the other sizes not dividing N: the fix names sizes that divide, not 'put -1 in one place'")
    void inferSizeFixWithMinusOne() {
        ShapeError one = assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3, 4).view(-1, 5));
        assertEquals("shape '[-1, 5]' is invalid for input of size 24", one.torchMessage());
        assertEquals("the shape has its -1, but the other size, 5, must divide 24 for -1 to be a whole number: [-1, 4] or "
                + "[-1, 6] would work (the divisors of 24 nearest 5); or reshape differently, into sizes whose product is 24",
                one.fix());
        assertArrayEquals(new int[] {6, 4}, Tensor.zeros(2, 3, 4).view(-1, 4).shape());
        String two = assertThrows(ShapeError.class, () -> Shapes.inferSize(new int[] {2, -1, 5}, 24)).fix();
        assertTrue(two.contains("the other sizes, multiplying to 10, must divide 24") && two.contains("make them multiply to 8 or 12"), two);
        String big = assertThrows(ShapeError.class, () -> Shapes.inferSize(new int[] {-1, 25}, 24)).fix();
        assertTrue(big.contains(": [-1, 24] would work (the divisor of 24 nearest 25);"), big);
        assertTrue(assertThrows(ShapeError.class, () -> Shapes.inferSize(new int[] {2, -1, 0}, 6)).fix().contains("replace the 0"));
        // Without a -1, putting one in is the repair.
        assertTrue(assertThrows(ShapeError.class, () -> Shapes.inferSize(new int[] {5, 5}, 24)).fix()
                .contains("or put -1 in one place to have it inferred"));
    }

    @Test
    @DisplayName("view strides follow ATen's computeStride")
    void viewStrides() {
        // contiguous (2,3,4) -> (6,4) is a view
        assertArrayEquals(new int[] {4, 1}, Shapes.viewStrides(new int[] {2, 3, 4}, new int[] {12, 4, 1}, new int[] {6, 4}));
        // transposed (3,2) with strides (1,3) cannot flatten
        assertNull(Shapes.viewStrides(new int[] {3, 2}, new int[] {1, 3}, new int[] {6}));
        // but can split its dims: torch.zeros(2,3).t().view(3,1,2).stride() == (1, 6, 3)
        assertArrayEquals(new int[] {1, 6, 3}, Shapes.viewStrides(new int[] {3, 2}, new int[] {1, 3}, new int[] {3, 1, 2}));
        // a 0-d tensor views as any shape of ones
        assertArrayEquals(new int[] {1, 1}, Shapes.viewStrides(new int[] {}, new int[] {}, new int[] {1, 1}));
    }

    @Test
    @DisplayName("wrapDim accepts -rank..rank-1; a 0-d tensor accepts -1 and 0")
    void wrapDim() {
        assertEquals(2, Shapes.wrapDim(-1, 3));
        assertEquals(0, Shapes.wrapDim(-3, 3));
        assertEquals(0, Shapes.wrapDim(-1, 0));
        // torch.tensor(1.).sum(1)
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)",
                assertThrows(IndexOutOfBoundsException.class, () -> Shapes.wrapDim(1, 0)).getMessage().split("\n")[0]);
        // torch.zeros(-1)
        assertEquals("Trying to create tensor with negative dimension -1: [-1]",
                assertThrows(ShapeError.class, () -> Shapes.checkCreationShape(new int[] {-1})).torchMessage());
    }
}
