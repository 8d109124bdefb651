package layerwise.nn;

import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Calls a PyTorch user types first, as PyTorch 1.13 answers them. */
class PyTorchSpellingsTest {
    @Test
    @DisplayName("positional new Conv2d(3, 16, 3, 1, 1) is stride 1, padding 1, and prints as torch does")
    void positionalConv2d() {
        Conv2d c = new Conv2d(3, 16, 3, 1, 1);
        // print(nn.Conv2d(3, 16, 3, 1, 1)) in PyTorch 1.13
        assertEquals("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))", c.toString());
        assertEquals("Conv2d(3, 16, kernel_size=(3, 3), stride=(2, 2))", new Conv2d(3, 16, 3, 2).toString());
        assertArrayEquals(new int[] {1, 16, 32, 32}, c.forward(Tensor.randn(1, 3, 32, 32)).shape());
        Tensor.manualSeed(7);
        Tensor positional = new Conv2d(3, 16, 3, 2, 1).weight;
        Tensor.manualSeed(7);
        Tensor withOptions = new Conv2d(3, 16, 3, Conv2d.options().stride(2).padding(1)).weight;
        assertTrue(positional.equal(withOptions), "the same layer, the same default init");
    }

    @Test
    @DisplayName("lstm.forward(x, h0) without c0: torch's message, then the pair it needs and the Java call")
    void lstmWithoutC0() {
        LSTM lstm = new LSTM(4, 3);
        // lstm(torch.randn(5, 2, 4), torch.zeros(1, 2, 3)) in PyTorch 1.13 raises IndexError:
        ShapeError one = assertThrows(ShapeError.class, () -> lstm.forward(Tensor.randn(5, 2, 4), Tensor.zeros(1, 2, 3)));
        assertEquals("index 1 is out of bounds for dimension 0 with size 1", one.torchMessage());
        assertTrue(one.getMessage().contains("lstm.forward(x, h0, Tensor.zeros(1, 2, 3))"), one.getMessage());
        // nn.LSTM(4, 3, num_layers=2)(x, torch.zeros(2, 2, 3)) raises RuntimeError:
        LSTM two = new LSTM(4, 3, LSTM.options().numLayers(2));
        ShapeError e = assertThrows(ShapeError.class, () -> two.forward(Tensor.randn(5, 2, 4), Tensor.zeros(2, 2, 3)));
        assertEquals("For batched 3-D input, hx and cx should also be 3-D but got (2-D, 2-D) tensors", e.torchMessage());
        assertTrue(e.getMessage().contains("Fix: pass c0 too"), e.getMessage());
        // with proj_size, c0 has hidden_size, not h0's last dim
        LSTM proj = new LSTM(4, 6, LSTM.options().projSize(2));
        ShapeError p = assertThrows(ShapeError.class, () -> proj.forward(Tensor.randn(5, 2, 4), Tensor.zeros(1, 2, 2)));
        assertTrue(p.getMessage().contains("Tensor.zeros(1, 2, 6)"), p.getMessage());
    }
}
