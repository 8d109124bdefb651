package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JoinTest {
    private static final Tensor A = Tensor.arange(6).reshape(2, 3);           // [[0,1,2],[3,4,5]]
    private static final Tensor B = Tensor.arange(6).add(10).reshape(2, 3);   // [[10,11,12],[13,14,15]]

    @Test
    @DisplayName("cat along rows, columns and negative dims")
    void cat() {
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15}, Tensor.cat(A, B).toFloatArray());
        Tensor cols = Tensor.cat(List.of(A, B), -1);
        assertArrayEquals(new int[] {2, 6}, cols.shape());
        assertArrayEquals(new float[] {0, 1, 2, 10, 11, 12, 3, 4, 5, 13, 14, 15}, cols.toFloatArray());
        assertFalse(cols.sharesStorageWith(A));
    }

    @Test
    @DisplayName("cat reads non-contiguous inputs and skips legacy empty 1-D tensors, as torch")
    void catEdgeCases() {
        Tensor c = Tensor.cat(List.of(A.t(), B.t()), 1);
        assertArrayEquals(new float[] {0, 3, 10, 13, 1, 4, 11, 14, 2, 5, 12, 15}, c.toFloatArray());
        // torch.cat([torch.randn(2,3), torch.randn(0)]).dims == (2, 3)
        assertArrayEquals(new int[] {2, 3}, Tensor.cat(A, Tensor.zeros(0)).shape());
        assertArrayEquals(new int[] {2, 3}, Tensor.cat(Tensor.zeros(0, 3), A).shape());
    }

    @Test
    @DisplayName("cat errors carry torch's texts")
    void catErrors() {
        assertEquals("zero-dimensional tensor (at position 0) cannot be concatenated",
                assertThrows(ShapeError.class, () -> Tensor.cat(Tensor.scalar(1), Tensor.scalar(2))).torchMessage());
        assertEquals("Tensors must have same number of dimensions: got 2 and 1",
                assertThrows(ShapeError.class, () -> Tensor.cat(A, Tensor.zeros(3))).torchMessage());
        assertEquals("torch.cat(): expected a non-empty list of Tensors",
                assertThrows(ShapeError.class, () -> Tensor.cat(List.of(), 0)).torchMessage());
        assertEquals("Sizes of tensors must match except in dimension 1. Expected size 2 but got size 3 for tensor"
                + " number 1 in the list.",
                assertThrows(ShapeError.class, () -> Tensor.cat(List.of(A, Tensor.zeros(3, 3)), 1)).torchMessage());
    }

    @Test
    @DisplayName("stack adds a new dim at any position")
    void stack() {
        Tensor s0 = Tensor.stack(A, B);
        assertArrayEquals(new int[] {2, 2, 3}, s0.shape());
        assertEquals(14f, s0.get(1, 1, 1));
        Tensor s2 = Tensor.stack(List.of(A, B), 2);
        assertArrayEquals(new int[] {2, 3, 2}, s2.shape());
        assertArrayEquals(new float[] {0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15}, s2.toFloatArray());
        assertArrayEquals(new int[] {2, 3, 2}, Tensor.stack(List.of(A, B), -1).shape());
        assertArrayEquals(new int[] {2}, Tensor.stack(Tensor.scalar(1), Tensor.scalar(2)).shape());
        assertEquals("stack expects a non-empty TensorList",
                assertThrows(ShapeError.class, () -> Tensor.stack(List.of(), 0)).torchMessage());
    }
}
