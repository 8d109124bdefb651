package layerwise.nn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import layerwise.tensor.IndexError;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    @DisplayName("new MaxPool2d(2, 2) and new AvgPool2d(2, 2) are kernel 2, stride 2, and print as torch does")
    void positionalPools() {
        // print(nn.MaxPool2d(2, 2)), print(nn.MaxPool2d(3, 1)), print(nn.AvgPool2d(2, 2)) in PyTorch 1.13
        assertEquals("MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(2, 2).toString());
        assertEquals("MaxPool2d(kernel_size=3, stride=1, padding=0, dilation=1, ceil_mode=False)",
                new MaxPool2d(3, 1).toString());
        assertEquals("AvgPool2d(kernel_size=2, stride=2, padding=0)", new AvgPool2d(2, 2).toString());
        // a 3x3 window moving by 1 over 5x5 gives 3x3; the middle maximum of 0..24 laid out row by row is 18
        Tensor x = Tensor.arange(25).reshape(1, 1, 5, 5);
        Tensor m = new MaxPool2d(3, 1).forward(x);
        assertArrayEquals(new int[] {1, 1, 3, 3}, m.shape());
        assertEquals(18f, m.get(0, 0, 1, 1));
        // 2x2 means of [[0, 1], [5, 6]] = 3, stride 2 over 5x5 gives 2x2
        Tensor a = new AvgPool2d(2, 2).forward(x);
        assertArrayEquals(new int[] {1, 1, 2, 2}, a.shape());
        assertEquals(3f, a.get(0, 0, 0, 0));
    }

    @Test
    @DisplayName("new Conv2d(in, out, k, stride, padding, dilation[, groups[, bias]]) in PyTorch's positional order")
    void positionalConv2dDilationGroupsBias() {
        // print(nn.Conv2d(3, 16, 3, 1, 1, 2)), nn.Conv2d(4, 8, 3, 1, 1, 1, 2), nn.Conv2d(3, 16, 3, 1, 1, 1, 1, False)
        Conv2d dilated = new Conv2d(3, 16, 3, 1, 1, 2);
        assertEquals("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), dilation=(2, 2))",
                dilated.toString());
        // torch: nn.Conv2d(3, 16, 3, 1, 1, 2)(torch.zeros(1, 3, 32, 32)).shape == (1, 16, 30, 30)
        assertArrayEquals(new int[] {1, 16, 30, 30}, dilated.forward(Tensor.zeros(1, 3, 32, 32)).shape());
        Conv2d grouped = new Conv2d(4, 8, 3, 1, 1, 1, 2);
        assertEquals("Conv2d(4, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=2)", grouped.toString());
        assertArrayEquals(new int[] {8, 2, 3, 3}, grouped.weight.shape());
        Conv2d noBias = new Conv2d(3, 16, 3, 1, 1, 1, 1, false);
        assertEquals("Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), bias=False)", noBias.toString());
        assertNull(noBias.bias);
        Tensor.manualSeed(3);
        Tensor positional = new Conv2d(3, 16, 3, 2, 1, 2).weight;
        Tensor.manualSeed(3);
        Tensor withOptions = new Conv2d(3, 16, 3, Conv2d.options().stride(2).padding(1).dilation(2)).weight;
        assertTrue(positional.equal(withOptions), "the same layer, the same default init");
    }

    @Test
    @DisplayName("Tensor.tensor(...) is PyTorch's spelling of Tensor.of(...)")
    void tensorSpelling() {
        Tensor m = Tensor.tensor(new float[][] {{1, 2}, {3, 4}});
        assertArrayEquals(new int[] {2, 2}, m.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4}, m.toFloatArray());
        assertArrayEquals(new int[] {3}, Tensor.tensor(new float[] {1, 2, 3}).shape());
        assertArrayEquals(new int[] {2, 3}, Tensor.tensor(new float[] {1, 2, 3, 4, 5, 6}, 2, -1).shape());
        assertArrayEquals(new int[] {1, 2, 1}, Tensor.tensor(new float[][][] {{{1}, {2}}}).shape());
        assertArrayEquals(new int[] {1, 1, 1, 2}, Tensor.tensor(new float[][][][] {{{{5, 6}}}}).shape());
        Tensor s = Tensor.tensor(3f);
        assertEquals(0, s.dim(), "torch.tensor(3.) is 0-d");
        assertEquals(3f, s.item());
    }

    @Test
    @DisplayName("save and load take a path as text too")
    void saveAndLoadWithAStringPath(@TempDir Path dir) {
        Tensor.manualSeed(1);
        Linear a = new Linear(3, 2);
        String file = dir.resolve("x.safetensors").toString();
        a.save(file);
        assertTrue(Files.exists(Path.of(file)));
        Linear b = new Linear(3, 2);
        assertFalse(a.weight.equal(b.weight));
        b.load(file);
        assertTrue(a.weight.equal(b.weight));
        assertTrue(a.bias.equal(b.bias));
    }

    @Test
    @DisplayName("new Sequential(new LSTM(4, 6), new Linear(6, 2)) compiles and says to take .output() before the Linear")
    void recurrentLayerInSequential() {
        ValueError e = assertThrows(ValueError.class, () -> new Sequential(new LSTM(4, 6), new Linear(6, 2)));
        assertEquals("(0) LSTM(4, 6) is not a one-tensor module: it returns (output, (h_n, c_n)),"
                + " as RNNOutput(output, hN, cN)", e.torchMessage());
        assertTrue(e.getMessage().contains("Fix: call the LSTM on its own and take .output(), then apply the Linear:"
                + " linear.forward(lstm.forward(x).output()), with lstm = (0) LSTM(4, 6),"
                + " linear = (1) Linear(in_features=6, out_features=2, bias=True)"), e.getMessage());
        // GRU in the middle: the layers before and after it are named
        ValueError gru = assertThrows(ValueError.class,
                () -> new Sequential(new Linear(3, 4), new GRU(4, 5), new Linear(5, 5), new ReLU()));
        assertTrue(gru.torchMessage().startsWith("(1) GRU(4, 5) is not a one-tensor module: it returns (output, h_n)"),
                gru.torchMessage());
        assertTrue(gru.getMessage().contains("after.forward(gru.forward(linear.forward(x)).output())"), gru.getMessage());
        assertTrue(gru.getMessage().contains("after = a Sequential of (2) Linear"), gru.getMessage());
        // layers typed only as Module still build when each one has a one-tensor forward
        Module first = new Linear(4, 3);
        Module second = new ReLU();
        Sequential ok = new Sequential(first, second);
        assertEquals(2, ok.size());
        assertArrayEquals(new int[] {2, 3}, ok.forward(Tensor.zeros(2, 4)).shape());
        // and the one-tensor constructor keeps its static type: forward of one tensor gives one tensor
        Sequential typed = new Sequential(new Linear(4, 3), new ReLU());
        assertArrayEquals(new int[] {2, 3}, typed.forward(Tensor.zeros(2, 4)).shape());
    }

    @Test
    @DisplayName("seq.append(lstm) compiles as the constructor does and gives its message; a Module-typed layer appends")
    void appendTakesWhatTheConstructorTakes() {
        Sequential seq = new Sequential(new Linear(3, 4));
        ValueError e = assertThrows(ValueError.class, () -> seq.append(new LSTM(4, 6)));
        assertEquals("(1) LSTM(4, 6) is not a one-tensor module: it returns (output, (h_n, c_n)),"
                + " as RNNOutput(output, hN, cN)", e.torchMessage());
        assertTrue(e.getMessage().contains("Fix: call the LSTM on its own and take .output(): lstm.forward(linear.forward(x))"
                + ".output()"), e.getMessage());
        assertEquals(1, seq.size(), "the refused layer is not added");
        Module relu = new ReLU();
        assertSame(seq, seq.append(relu).append(new Linear(4, 2)));
        assertEquals(List.of("0", "1", "2"), List.copyOf(seq.namedChildren().keySet()));
        assertArrayEquals(new int[] {5, 2}, seq.forward(Tensor.zeros(5, 3)).shape());
    }

    @Test
    @DisplayName("Flatten on a 0-d tensor raises torch's IndexError; Flatten(0, -1) gives [1]")
    void flattenZeroDim() {
        // nn.Flatten()(torch.tensor(3.)) in PyTorch 1.13
        IndexError e = assertThrows(IndexError.class, () -> new Flatten().forward(Tensor.scalar(3f)));
        assertEquals("Dimension out of range (expected to be in range of [-1, 0], but got 1)", e.torchMessage());
        assertArrayEquals(new int[] {1}, new Flatten(0, -1).forward(Tensor.scalar(3f)).shape());
    }
}
