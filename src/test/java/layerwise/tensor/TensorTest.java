package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Creation, metadata, element access, copies and comparisons. */
class TensorTest {
    @Test
    @DisplayName("of copies the data and infers -1; no shape means 1-D")
    void of() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor t = Tensor.of(data, 2, -1);
        assertArrayEquals(new int[] {2, 3}, t.shape());
        data[0] = 99;
        assertEquals(1f, t.get(0, 0));
        assertArrayEquals(new int[] {6}, Tensor.of(data).shape());
        assertEquals("shape '[4, 2]' is invalid for input of size 6",
                assertThrows(ShapeError.class, () -> Tensor.of(new float[6], 4, 2)).torchMessage());
    }

    @Test
    @DisplayName("zeros, ones, full, empty and the *Like factories")
    void factories() {
        assertArrayEquals(new float[] {0, 0}, Tensor.zeros(2).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1}, Tensor.ones(3).toFloatArray());
        assertArrayEquals(new float[] {2.5f, 2.5f}, Tensor.full(new int[] {2}, 2.5f).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 0}, Tensor.empty(2, 2).toFloatArray());
        Tensor t = Tensor.zeros(2, 3).t();
        assertArrayEquals(new int[] {3, 2}, Tensor.zerosLike(t).shape());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, Tensor.onesLike(t).toFloatArray());
        assertEquals(7f, Tensor.fullLike(t, 7f).get(2, 1));
        Tensor.manualSeed(0);
        Tensor r = Tensor.randLike(t);
        Tensor.manualSeed(0);
        assertArrayEquals(Tensor.rand(3, 2).toFloatArray(), r.toFloatArray());
        Tensor.manualSeed(0);
        Tensor n = Tensor.randnLike(t);
        Tensor.manualSeed(0);
        assertArrayEquals(Tensor.randn(3, 2).toFloatArray(), n.toFloatArray());
        assertEquals(0, Tensor.scalar(4).dim());
        assertEquals(4f, Tensor.scalar(4).item());
    }

    @Test
    @DisplayName("metadata: shape, size(dim), dim, numel, stride, offset; shape() is a copy")
    void metadata() {
        Tensor t = Tensor.zeros(2, 3, 4);
        assertEquals(3, t.dim());
        assertEquals(24, t.numel());
        assertEquals(4, t.size(-1));
        assertEquals(2, t.size(0));
        assertArrayEquals(new int[] {12, 4, 1}, t.stride());
        t.shape()[0] = 99;
        assertEquals(2, t.size(0));
        assertEquals(1, Tensor.scalar(1).numel());
        // torch.tensor(1.).size(0)
        assertEquals("Dimension specified as 0 but tensor has no dimensions",
                assertThrows(IndexOutOfBoundsException.class, () -> Tensor.scalar(1).size(0)).getMessage().split("\n")[0]);
        assertEquals("Dimension out of range (expected to be in range of [-3, 2], but got 3)",
                assertThrows(IndexOutOfBoundsException.class, () -> t.size(3)).getMessage().split("\n")[0]);
    }

    @Test
    @DisplayName("get and set take negative indices and report torch's index errors")
    void getSet() {
        Tensor t = Tensor.zeros(2, 3);
        t.set(5f, -1, -1);
        assertEquals(5f, t.get(1, 2));
        // torch.randn(2,3)[1,5]; torch.randn(2,3)[-3]; torch.randn(2,3)[1,2,3]
        assertEquals("index 5 is out of bounds for dimension 1 with size 3",
                assertThrows(IndexOutOfBoundsException.class, () -> t.get(1, 5)).getMessage().split("\n")[0]);
        assertEquals("index -3 is out of bounds for dimension 0 with size 2",
                assertThrows(IndexOutOfBoundsException.class, () -> t.get(-3, 0)).getMessage().split("\n")[0]);
        assertEquals("too many indices for tensor of dimension 2",
                assertThrows(IndexOutOfBoundsException.class, () -> t.get(1, 2, 3)).getMessage().split("\n")[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(1));
        assertEquals(3f, Tensor.scalar(3).get());
    }

    @Test
    @DisplayName("item needs exactly one element: torch's text")
    void item() {
        assertEquals(2f, Tensor.of(new float[] {2}, 1, 1).item());
        assertEquals("only one element tensors can be converted to Python scalars",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).item()).torchMessage());
    }

    @Test
    @DisplayName("contiguous returns this when already contiguous; clone always copies")
    void contiguousAndClone() {
        Tensor t = Tensor.arange(6).reshape(2, 3);
        assertSame(t, t.contiguous());
        Tensor tt = t.t().contiguous();
        assertTrue(tt.isContiguous());
        assertFalse(tt.sharesStorageWith(t));
        assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, tt.toFloatArray());
        Tensor c = t.clone();
        assertNotSame(t, c);
        assertFalse(c.sharesStorageWith(t));
        assertTrue(c.equal(t));
        assertTrue(Tensor.zeros(3, 1).expand(3, 4).contiguous().isContiguous());
    }

    @Test
    @DisplayName("allclose uses |a - b| <= atol + rtol |b| and broadcasts; equal needs the same shape")
    void comparisons() {
        Tensor a = Tensor.of(new float[] {1f, 2f});
        assertTrue(a.allclose(Tensor.of(new float[] {1f + 5e-6f, 2f})));
        assertFalse(a.allclose(Tensor.of(new float[] {1.0001f, 2f})));
        assertTrue(a.allclose(Tensor.of(new float[] {1.0001f, 2f}), 1e-3, 0));
        assertFalse(Tensor.of(new float[] {Float.NaN}).allclose(Tensor.of(new float[] {Float.NaN})));
        assertTrue(Tensor.ones(2, 2).allclose(Tensor.scalar(1)));
        assertTrue(a.equal(Tensor.of(new float[] {1, 2})));
        assertFalse(a.equal(Tensor.of(new float[] {1, 2}, 1, 2)));
    }

    @Test
    @DisplayName("equal compares values like torch.equal: NaN differs from NaN, 0.0 equals -0.0")
    void equalComparesValuesNotBits() {
        // torch.equal(torch.tensor([nan]), torch.tensor([nan])) is False; torch.equal(tensor([0.]), tensor([-0.])) is True.
        assertFalse(Tensor.of(new float[] {Float.NaN}).equal(Tensor.of(new float[] {Float.NaN})));
        assertTrue(Tensor.of(new float[] {0f, 1f}).equal(Tensor.of(new float[] {-0f, 1f})));
        assertFalse(Tensor.of(new float[] {0f, 1f}).equal(Tensor.of(new float[] {0f, 2f})));
    }

    @Test
    @DisplayName("manualSeed makes rand and randn repeatable")
    void manualSeedRepeats() {
        Tensor.manualSeed(42);
        float[] first = Tensor.randn(30).toFloatArray();
        Tensor.manualSeed(42);
        assertArrayEquals(first, Tensor.randn(30).toFloatArray());
        // torch.manual_seed(42); torch.rand(5) starts with 0.8822692632675171
        Tensor.manualSeed(42);
        assertEquals(0.8822692632675171f, Tensor.rand(5).get(0));
    }
}
