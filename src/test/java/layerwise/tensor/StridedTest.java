package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StridedTest {
    @Test
    @DisplayName("toArray reads any strides, offset and zero strides in row-major order")
    void toArray() {
        float[] storage = {9, 0, 1, 2, 3, 4, 5};
        // offset 1, shape (3, 2), strides (1, 3): the transpose of [[0,1,2],[3,4,5]]
        Tensor t = new Tensor(storage, new int[] {3, 2}, new int[] {1, 3}, 1);
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, Strided.toArray(t));
        Tensor broadcast = new Tensor(storage, new int[] {2, 3}, new int[] {0, 1}, 4);
        assertArrayEquals(new float[] {3, 4, 5, 3, 4, 5}, Strided.toArray(broadcast));
        Tensor scalar = new Tensor(storage, new int[] {}, new int[] {}, 6);
        assertArrayEquals(new float[] {5}, Strided.toArray(scalar));
        assertArrayEquals(new float[0], Strided.toArray(new Tensor(storage, new int[] {2, 0}, new int[] {0, 1}, 0)));
    }

    @Test
    @DisplayName("apply writes out[i] = f(a[i], b[i]) through the output's strides")
    void apply() {
        float[] out = new float[6];
        Tensor o = new Tensor(out, new int[] {2, 3}, new int[] {1, 2}, 0);   // column-major output
        Tensor a = Tensor.arange(6).reshape(2, 3);
        Tensor b = Tensor.full(new int[] {2, 3}, 10f);
        Strided.apply(o, a, b, (x, y) -> x + y);
        assertArrayEquals(new float[] {10, 13, 11, 14, 12, 15}, out);
        assertEquals(4, Strided.position(o, new int[] {0, 2}));
    }
}
