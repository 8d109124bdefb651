package layerwise.tensor;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** x.size(), x.size(d) and x.shape, as typed in PyTorch. */
class SizeTest {
    @Test
    @DisplayName("x.size() prints torch.Size([2, 3, 4]), indexes like a tuple, compares by value")
    void size() {
        Tensor x = Tensor.zeros(2, 3, 4);
        Size s = x.size();
        assertEquals("torch.Size([2, 3, 4])", s.toString());   // print(torch.zeros(2, 3, 4).size())
        assertEquals(4, s.get(-1));
        assertEquals(2, s.get(0));
        assertEquals(3, s.length());
        assertEquals(24, s.numel());
        assertEquals(Tensor.ones(2, 3, 4).size(), s);
        assertNotEquals(Tensor.ones(4, 3, 2).size(), s);
        assertArrayEquals(new int[] {2, 3, 4}, s.toArray());
        assertEquals(3, x.size(1));
        assertEquals("torch.Size([])", Tensor.scalar(1f).size().toString());
    }

    @Test
    @DisplayName("x.shape is the same torch.Size, on views too; x.shape() the int[] for Java code")
    void shapeField() {
        Tensor x = Tensor.zeros(2, 3, 4);
        assertEquals("torch.Size([2, 3, 4])", x.shape.toString());   // print(torch.zeros(2, 3, 4).shape)
        assertEquals(x.size(), x.shape);
        assertEquals(4, x.shape.get(-1));                            // x.shape[-1]
        assertEquals("torch.Size([4, 3, 2])", x.permute(2, 1, 0).shape.toString());
        assertEquals("torch.Size([6, 4])", x.reshape(6, 4).shape.toString());
        int[] dims = x.shape();
        dims[0] = 99;                                                // a copy: the tensor keeps its shape
        assertEquals(2, x.shape.get(0));
        assertArrayEquals(new int[] {2, 3, 4}, x.shape());
    }
}
