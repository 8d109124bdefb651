package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NestedTest {
    @Test
    @DisplayName("nested arrays become tensors in row-major order")
    void nestedArrays() {
        Tensor m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertEquals(6f, m.get(1, 2));
        Tensor c = Tensor.of(new float[][][] {{{1, 2}}, {{3, 4}}});
        assertArrayEquals(new int[] {2, 1, 2}, c.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, c.toFloatArray());
        Tensor q = Tensor.of(new float[][][][] {{{{1}, {2}}}, {{{3}, {4}}}});
        assertArrayEquals(new int[] {2, 1, 2, 1}, q.shape());
        assertEquals(4f, q.get(1, 0, 1, 0));
        assertArrayEquals(new int[] {0, 0}, Tensor.of(new float[0][]).shape());
    }

    @Test
    @DisplayName("ragged rows are rejected with torch's text")
    void ragged() {
        // torch.tensor([[1., 2.], [3.]]) -> ValueError: expected sequence of length 2 at dim 1 (got 1)
        assertEquals("expected sequence of length 2 at dim 1 (got 1)",
                assertThrows(ShapeError.class, () -> Tensor.of(new float[][] {{1, 2}, {3}})).torchMessage());
        assertThrows(ShapeError.class, () -> Tensor.of(new float[][][] {{{1, 2}}, {{3, 4}, {5, 6}}}));
    }
}
