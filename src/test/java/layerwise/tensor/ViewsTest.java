package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Views: shape, strides, offset and contiguity as torch reports them for x = torch.arange(24.).reshape(2, 3, 4)
 * (each expected triple was printed by torch 1.13 for the expression in the comment), plus shared storage.
 */
class ViewsTest {
    private static Tensor x() {
        return Tensor.arange(24).reshape(2, 3, 4);
    }

    private static void assertLayout(Tensor t, int[] shape, int[] stride, int offset, boolean contiguous) {
        assertArrayEquals(shape, t.shape(), "shape");
        assertArrayEquals(stride, t.stride(), "stride");
        assertEquals(offset, t.storageOffset(), "offset");
        assertEquals(contiguous, t.isContiguous(), "contiguous");
    }

    /** Element at a row-major position of the view, read with an independent index formula. */
    private static void assertElementsFollowIndexing(Tensor view, Function<int[], Float> expected) {
        int[] shape = view.shape();
        int[] idx = new int[shape.length];
        float[] flat = view.toFloatArray();
        for (int i = 0; i < flat.length; i++) {
            int rest = i;
            for (int d = shape.length - 1; d >= 0; d--) {
                idx[d] = rest % shape[d];
                rest /= shape[d];
            }
            assertEquals(expected.apply(idx), flat[i], "element " + i);
            assertEquals(expected.apply(idx), view.get(idx), "get " + i);
        }
    }

    @Test
    @DisplayName("strides and offsets match torch for every view op")
    void layoutsMatchTorch() {
        Tensor x = x();
        assertLayout(x.unsqueeze(1), new int[] {2, 1, 3, 4}, new int[] {12, 12, 4, 1}, 0, true);   // x.unsqueeze(1)
        assertLayout(x.unsqueeze(-1), new int[] {2, 3, 4, 1}, new int[] {12, 4, 1, 1}, 0, true);   // x.unsqueeze(-1)
        assertLayout(x.permute(2, 0, 1), new int[] {4, 2, 3}, new int[] {1, 12, 4}, 0, false);     // x.permute(2,0,1)
        assertLayout(x.transpose(0, 2), new int[] {4, 3, 2}, new int[] {1, 4, 12}, 0, false);      // x.transpose(0,2)
        assertLayout(x.select(1, 1), new int[] {2, 4}, new int[] {12, 1}, 4, false);               // x[:, 1]
        assertLayout(x.slice(2, 1, 4, 2), new int[] {2, 3, 2}, new int[] {12, 4, 2}, 1, false);    // x[:, :, 1:4:2]
        assertLayout(x.narrow(2, 1, 2), new int[] {2, 3, 2}, new int[] {12, 4, 1}, 1, false);      // x.narrow(2,1,2)
        assertLayout(x.select(1, -1), new int[] {2, 4}, new int[] {12, 1}, 8, false);              // x.select(1,-1)
        assertLayout(Tensor.zeros(3, 1).expand(2, 3, 4), new int[] {2, 3, 4}, new int[] {0, 1, 0}, 0, false);
        assertLayout(x.slice(1, 0, 1).squeeze(), new int[] {2, 4}, new int[] {12, 1}, 0, false);   // x[:,0:1].squeeze()
        assertLayout(x.flatten(1), new int[] {2, 12}, new int[] {12, 1}, 0, true);                 // x.flatten(1)
        assertLayout(x.slice(1, 0, 2).reshape(2, 8), new int[] {2, 8}, new int[] {12, 1}, 0, false); // x[:,:2].reshape(2,8)
        assertLayout(x.slice(0, 1, 2).view(12), new int[] {12}, new int[] {1}, 12, true);          // x[1:].view(12)
        assertLayout(Tensor.zeros(2, 1, 3).slice(2, 1, 3).view(2, 2), new int[] {2, 2}, new int[] {3, 1}, 1, false);
    }

    private static Tensor flatten(int[] shape) {
        return Tensor.arange(Shapes.numel(shape)).reshape(shape);
    }

    @Test
    @DisplayName("views share storage: writing through a view changes the original")
    void viewsShareStorage() {
        Tensor x = x();
        Tensor v = x.transpose(0, 2);
        v.set(-1f, 3, 2, 1);
        assertEquals(-1f, x.get(1, 2, 3));
        assertTrue(x.permute(1, 2, 0).sharesStorageWith(x));
        assertTrue(x.view(6, 4).sharesStorageWith(x));
        assertTrue(x.expand(5, 2, 3, 4).sharesStorageWith(x));
        x.select(0, 1).narrow(1, 1, 2).fill_(7f);
        assertEquals(7f, x.get(1, 0, 1));
        assertEquals(7f, x.get(1, 2, 2));
        assertEquals(3f, x.get(0, 0, 3));
    }

    @Test
    @DisplayName("reshape copies only when the strides make a view impossible, as torch")
    void reshapeCopiesOnlyWhenNeeded() {
        Tensor x = x();
        assertTrue(x.reshape(4, 6).sharesStorageWith(x));
        assertTrue(x.reshape(-1).sharesStorageWith(x));
        Tensor p = x.permute(1, 0, 2);
        assertFalse(p.reshape(3, 8).sharesStorageWith(x));          // torch: x.permute(1,0,2).reshape(3,8) copies
        assertFalse(x.permute(0, 2, 1).flatten(0, 1).sharesStorageWith(x));
        assertTrue(x.permute(1, 0, 2).reshape(3, 2, 2, 2).sharesStorageWith(x)); // splitting a dim is a view
        assertElementsFollowIndexing(p.reshape(3, 8), i -> (float) (12 * (i[1] / 4) + 4 * i[0] + i[1] % 4));
    }

    @Test
    @DisplayName("transposed and permuted views read the right elements")
    void permutedElements() {
        int[] shape = {2, 3, 4};
        assertElementsFollowIndexing(flatten(shape).permute(2, 0, 1), i -> (float) (12 * i[1] + 4 * i[2] + i[0]));
        assertElementsFollowIndexing(flatten(shape).transpose(-1, -3), i -> (float) (12 * i[2] + 4 * i[1] + i[0]));
        assertElementsFollowIndexing(flatten(shape).slice(2, -3, 100, 2), i -> (float) (12 * i[0] + 4 * i[1] + 1 + 2 * i[2]));
        assertElementsFollowIndexing(Tensor.arange(3).reshape(3, 1).expand(-1, 4), i -> (float) i[0]);
        assertElementsFollowIndexing(Tensor.arange(4).expand(2, 3, 4), i -> (float) i[2]);
    }

    @Test
    @DisplayName("squeeze and unsqueeze with size-1, negative and 0-size dims")
    void squeezeUnsqueeze() {
        Tensor t = Tensor.zeros(1, 3, 1, 0);
        assertArrayEquals(new int[] {3, 0}, t.squeeze().shape());
        assertArrayEquals(new int[] {1, 3, 0}, t.squeeze(-2).shape());
        assertArrayEquals(new int[] {1, 3, 1, 0}, t.squeeze(1).shape());
        assertArrayEquals(new int[] {1, 3, 1, 0, 1}, t.unsqueeze(-1).shape());
        assertArrayEquals(new int[] {1}, Tensor.scalar(2).unsqueeze(0).shape());
        assertArrayEquals(new int[] {}, Tensor.ones(1, 1).squeeze().shape());
        assertEquals(2f, Tensor.scalar(2).unsqueeze(0).squeeze().item());
        // torch.ones(2,3).unsqueeze(-4): IndexError
        assertEquals("Dimension out of range (expected to be in range of [-3, 2], but got -4)",
                assertThrows(IndexOutOfBoundsException.class, () -> Tensor.ones(2, 3).unsqueeze(-4)).getMessage().split("\n")[0]);
    }

    @Test
    @DisplayName("t() swaps a matrix, leaves 0-d and 1-D alone, and rejects 3-D with torch's text")
    void t() {
        Tensor v = Tensor.arange(3);
        assertSame(v, v.t());
        assertArrayEquals(new int[] {3, 2}, Tensor.zeros(2, 3).t().shape());
        assertEquals("t() expects a tensor with <= 2 dimensions, but self is 3D",
                assertThrows(ShapeError.class, () -> x().t()).torchMessage());
    }

    @Test
    @DisplayName("flatten ranges and 0-d input")
    void flattenRanges() {
        assertArrayEquals(new int[] {24}, x().flatten().shape());
        assertArrayEquals(new int[] {6, 4}, x().flatten(0, 1).shape());
        assertArrayEquals(new int[] {2, 12}, x().flatten(-2, -1).shape());
        assertArrayEquals(new int[] {1}, Tensor.scalar(3).flatten().shape());
        assertEquals("flatten() has invalid args: start_dim cannot come after end_dim",
                assertThrows(ShapeError.class, () -> x().flatten(2, 0)).torchMessage());
    }

    @Test
    @DisplayName("chunk splits like torch.chunk, including uneven and empty dims")
    void chunk() {
        // torch.chunk(torch.empty(5), 3) -> sizes 2, 2, 1;  torch.chunk(torch.empty(6), 4) -> 2, 2, 2
        List<Tensor> five = Tensor.arange(5).chunk(3, 0);
        assertEquals(3, five.size());
        assertArrayEquals(new float[] {4}, five.get(2).toFloatArray());
        assertEquals(3, Tensor.zeros(6).chunk(4, 0).size());
        // torch.chunk(torch.empty(0), 3) -> three empty tensors
        assertEquals(3, Tensor.zeros(0).chunk(3, 0).size());
        List<Tensor> cols = x().chunk(2, -1);
        assertArrayEquals(new int[] {2, 3, 2}, cols.get(1).shape());
        assertEquals(2f, cols.get(1).get(0, 0, 0));
        assertTrue(cols.get(1).sharesStorageWith(cols.get(0)));
        assertEquals("chunk expects `chunks` to be greater than 0, got: 0",
                assertThrows(ShapeError.class, () -> Tensor.zeros(3).chunk(0, 0)).torchMessage());
    }

    @Test
    @DisplayName("slice clamps like Python; narrow and select check ranges with torch's texts")
    void sliceNarrowSelect() {
        Tensor v = Tensor.arange(5);
        assertArrayEquals(new float[] {3, 4}, v.slice(0, -2, Integer.MAX_VALUE).toFloatArray());
        assertEquals(0, v.slice(0, 4, 1).numel());                     // torch.arange(5)[4:1] is empty
        assertArrayEquals(new float[] {0, 2, 4}, v.slice(0, 0, 5, 2).toFloatArray());
        assertArrayEquals(new float[] {4}, v.narrow(0, -1, 1).toFloatArray());
        assertEquals("slice step cannot be zero",
                assertThrows(ShapeError.class, () -> v.slice(0, 0, 5, 0)).torchMessage());
        assertEquals("start (2) + length (2) exceeds dimension size (3).",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).narrow(1, 2, 2)).torchMessage());
        // torch.tensor(1.).narrow(0, 0, 1), torch.tensor(1.)[0:1], torch.tensor(1.).chunk(2)
        assertEquals("narrow() cannot be applied to a 0-dim tensor.",
                assertThrows(ShapeError.class, () -> Tensor.scalar(1).narrow(0, 0, 1)).torchMessage());
        assertEquals("slice() cannot be applied to a 0-dim tensor.",
                assertThrows(IndexOutOfBoundsException.class, () -> Tensor.scalar(1).slice(0, 0, 1))
                        .getMessage().split("\n")[0]);
        assertEquals("chunk expects at least a 1-dimensional tensor",
                assertThrows(ShapeError.class, () -> Tensor.scalar(1).chunk(2, 0)).torchMessage());
        assertEquals("select(): index 5 out of range for tensor of size [2, 3] at dimension 0",
                assertThrows(IndexOutOfBoundsException.class, () -> Tensor.zeros(2, 3).select(0, 5))
                        .getMessage().split("\n")[0]);
    }

    @Test
    @DisplayName("permute and expand reject bad arguments with torch's texts")
    void permuteAndExpandErrors() {
        assertEquals("permute(): duplicate dims are not allowed.",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).permute(0, 0)).torchMessage());
        assertTrue(assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).permute(0)).torchMessage()
                .endsWith("input.dim() = 2 is not equal to len(dims) = 1"));
        assertEquals("expand(torch.FloatTensor{[2, 3]}, size=[3]): the number of sizes provided (1) must be greater"
                + " or equal to the number of dimensions in the tensor (2)",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).expand(3)).torchMessage());
        assertEquals("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).expand(-1, 2, 3)).torchMessage());
        assertArrayEquals(new int[] {2, 0, 3}, Tensor.zeros(2, 1, 3).expand(2, 0, 3).shape());
    }

    @Test
    @DisplayName("views of 0-size tensors")
    void zeroSize() {
        Tensor e = Tensor.zeros(0, 3);
        assertArrayEquals(new int[] {3, 0}, e.t().shape());
        assertArrayEquals(new int[] {0, 1, 3}, e.unsqueeze(1).shape());
        assertArrayEquals(new int[] {0}, e.reshape(-1).shape());
        assertArrayEquals(new int[] {3, 0}, e.view(3, 0).shape());
        assertEquals(0, e.toFloatArray().length);
        assertArrayEquals(new int[] {0, 2}, e.slice(1, 1, 3).shape());
    }
}
