package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which dims an op accepts, and what its message says about the rank, as PyTorch 1.13 answers. */
class DimRangeTest {

    @Test
    @DisplayName("flatten on a 0-d tensor: only start_dim and end_dim in {0, -1} work; the rest is torch's IndexError")
    void flattenZeroDim() {
        Tensor x = Tensor.scalar(3f);
        // torch.tensor(3.).flatten(s, e) in PyTorch 1.13 for s, e in -2..1: (1,) or the dim that is out of range
        // (start_dim is checked first).
        int[] dims = {-2, -1, 0, 1};
        for (int s : dims) {
            for (int e : dims) {
                boolean works = (s == 0 || s == -1) && (e == 0 || e == -1);
                if (works) {
                    assertArrayEquals(new int[] {1}, x.flatten(s, e).shape(), "flatten(" + s + ", " + e + ")");
                    continue;
                }
                int bad = (s == 0 || s == -1) ? e : s;
                int fs = s;
                int fe = e;
                IndexError err = assertThrows(IndexError.class, () -> x.flatten(fs, fe), "flatten(" + s + ", " + e + ")");
                assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got " + bad + ")",
                        err.torchMessage());
            }
        }
        IndexError one = assertThrows(IndexError.class, () -> x.flatten(1));
        assertTrue(one.getMessage().contains("0-d (a scalar)"), one.getMessage());
        assertArrayEquals(new int[] {1}, x.flatten().shape());
        assertEquals(3f, x.flatten().get(0));
    }

    @Test
    @DisplayName("unsqueeze on a 1-D tensor: says 1 dim and the insert positions -2..1")
    void unsqueezeNamesTheRealRank() {
        IndexError e = assertThrows(IndexError.class, () -> Tensor.randn(4).unsqueeze(2));
        // torch.randn(4).unsqueeze(2) in PyTorch 1.13
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 2)", e.torchMessage());
        String[] lines = e.getMessage().split("\n");
        assertEquals("  unsqueeze inserts a new dim into tensors of 1 dim: there are 2 places for it, positions -2 to 1;"
                + " 2 is not one of them.", lines[1]);
        assertEquals("  Fix: pass a dim between -2 and 1 (1 or -1 puts it last, 0 first)", lines[2]);
        assertFalse(e.getMessage().contains("2 dims"), e.getMessage());
        // every position the message names works
        for (int d = -2; d <= 1; d++) assertEquals(2, Tensor.randn(4).unsqueeze(d).dim());
    }

    @Test
    @DisplayName("unsqueeze on 0-d and 3-D tensors, and stack (which inserts a dim too), state the rank they were given")
    void siblingMessages() {
        IndexError scalar = assertThrows(IndexError.class, () -> Tensor.scalar(1f).unsqueeze(1));
        // torch.tensor(1.).unsqueeze(1)
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", scalar.torchMessage());
        assertTrue(scalar.getMessage().contains("into a 0-d tensor: there is 1 place for it, positions -1 to 0"),
                scalar.getMessage());
        IndexError three = assertThrows(IndexError.class, () -> Tensor.zeros(2, 3, 4).unsqueeze(-5));
        // torch.zeros(2, 3, 4).unsqueeze(-5)
        assertEquals("Dimension out of range (expected to be in range of [-4, 3], but got -5)", three.torchMessage());
        assertTrue(three.getMessage().contains("tensors of 3 dims: there are 4 places for it, positions -4 to 3"),
                three.getMessage());
        IndexError stack = assertThrows(IndexError.class, () -> Tensor.stack(List.of(Tensor.randn(4)), 3));
        // torch.stack([torch.randn(4)], 3)
        assertEquals("Dimension out of range (expected to be in range of [-2, 1], but got 3)", stack.torchMessage());
        assertTrue(stack.getMessage().contains("stack inserts a new dim into tensors of 1 dim"), stack.getMessage());
        // ops on existing dims keep "this tensor has N dims": the rank is the tensor's own
        IndexError sum = assertThrows(IndexError.class, () -> Tensor.randn(4).sum(1));
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", sum.torchMessage());
        assertTrue(sum.getMessage().contains("This tensor has 1 dim; dim 1 does not exist."), sum.getMessage());
    }
}
