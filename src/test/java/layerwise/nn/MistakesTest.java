package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The commonest structural mistakes, each triggered as a learner makes it: the message keeps PyTorch's
 * first line, says what the mistake probably is, and gives the repair that keeps the learner's intent
 * (never "rebuild the layer to fit the malformed input"). Each repair named is then applied and runs.
 */
class MistakesTest {

    private static String message(Runnable r) {
        return assertThrows(RuntimeException.class, r::run).getMessage();
    }

    private static Conv2d conv3to16() {
        return new Conv2d(3, 16, 3, Conv2d.options().padding(1));
    }

    @Test
    @DisplayName("a channels-last image [1, 32, 32, 3] into Conv2d(3, 16, 3, padding=1): permute, not Conv2d(32, ...)")
    void channelsLast() {
        Tensor x = Tensor.zeros(1, 32, 32, 3);
        String m = message(() -> conv3to16().forward(x));
        assertTrue(m.startsWith("Given groups=1, weight of size [16, 3, 3, 3], expected input[1, 32, 32, 3] to have 3 "
                + "channels, but got 32 channels instead"), m);
        assertTrue(m.contains("channels-last"), m);
        assertTrue(m.contains("Fix: x.permute(0, 3, 1, 2), which is [1, 3, 32, 32]"), m);
        assertFalse(m.contains("Conv2d(32"), m);
        assertArrayEquals(new int[] {1, 16, 32, 32}, conv3to16().forward(x.permute(0, 3, 1, 2)).shape());
        String one = message(() -> conv3to16().forward(Tensor.zeros(32, 32, 3)));
        assertTrue(one.contains("Fix: x.permute(2, 0, 1), which is [3, 32, 32]"), one);
    }

    @Test
    @DisplayName("a forgotten Flatten: Sequential(conv, Linear(16·32·32, 10)) gets 'insert a Flatten', not Linear(32, 10)")
    void forgottenFlatten() {
        Sequential net = new Sequential(conv3to16(), new Linear(16 * 32 * 32, 10));
        String m = message(() -> net.forward(Tensor.zeros(1, 3, 32, 32)));
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (512x32 and 16384x10)"), m);
        assertTrue(m.contains("16×32×32 = 16384 = in_features once flattened"), m);
        assertTrue(m.contains("new Flatten() before (1) Linear"), m);
        assertFalse(m.contains("Linear(32, 10)"), m);
        Sequential fixed = new Sequential(conv3to16(), new Flatten(), new Linear(16 * 32 * 32, 10));
        assertArrayEquals(new int[] {1, 10}, fixed.forward(Tensor.zeros(1, 3, 32, 32)).shape());
    }

    @Test
    @DisplayName("an unbatched image through conv, Flatten, Linear: unsqueeze(0) or Flatten(0, -1), not Linear(1024, 10)")
    void unbatchedImage() {
        Sequential net = new Sequential(conv3to16(), new Flatten(), new Linear(16 * 32 * 32, 10));
        Tensor x = Tensor.zeros(3, 32, 32);
        String m = message(() -> net.forward(x));
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (16x1024 and 16384x10)"), m);
        assertTrue(m.contains("x.unsqueeze(0)"), m);
        assertTrue(m.contains("new Flatten(0, -1)"), m);
        assertTrue(m.contains("the network's input [3, 32, 32]"), m);
        assertFalse(m.contains("Linear(1024, 10)"), m);
        assertArrayEquals(new int[] {1, 10}, net.forward(x.unsqueeze(0)).shape());
    }

    @Test
    @DisplayName("a bidirectional h_n [2, N, 20] into Linear(40, 2): concatenate the directions first, Linear(20, 2) only as the other reading")
    void bidirectionalHidden() {
        LSTM lstm = new LSTM(10, 20, LSTM.options().bidirectional(true));
        Tensor hN = lstm.forward(Tensor.zeros(5, 3, 10)).hN();
        Linear head = new Linear(40, 2);
        String m = message(() -> head.forward(hN));
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (6x20 and 40x2)"), m);
        assertTrue(m.contains("h_n of a bidirectional recurrent layer"), m);
        assertTrue(m.contains("Tensor.cat(List.of(hN.select(0, 0), hN.select(0, 1)), 1), which is [3, 40]"), m);
        assertTrue(m.contains("or, if 20 really is the number of features, build Linear(20, 2)"), m);
        assertArrayEquals(new int[] {3, 2}, head.forward(Tensor.cat(List.of(hN.select(0, 0), hN.select(0, 1)), 1)).shape());
    }

    @Test
    @DisplayName("a column vector [10, 1] into Linear(10, 5): x.t() or reshape(1, 10), not Linear(1, 5)")
    void columnVector() {
        Tensor x = Tensor.zeros(10, 1);
        String m = message(() -> new Linear(10, 5).forward(x));
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (10x1 and 10x5)"), m);
        assertTrue(m.contains("is a column"), m);
        assertTrue(m.contains("Fix: x.t() or x.reshape(1, 10)"), m);
        assertFalse(m.contains("build Linear(1, 5)"), m);
        assertArrayEquals(new int[] {1, 5}, new Linear(10, 5).forward(x.t()).shape());
    }

    @Test
    @DisplayName("a 2-D image into Conv2d(3, ...): a grey image, so Conv2d(1, ...) or repeat the channel; no failing reshape")
    void greyImage() {
        Tensor x = Tensor.zeros(32, 32);
        String m = message(() -> conv3to16().forward(x));
        assertTrue(m.startsWith("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [32, 32]"), m);
        assertTrue(m.contains("grey image"), m);
        assertTrue(m.contains("Conv2d(1, 16, 3"), m);
        assertTrue(m.contains("x.unsqueeze(0).expand(3, 32, 32)"), m);
        assertFalse(m.contains("x.reshape(1, 32, 32) for one channel"), m);
        assertArrayEquals(new int[] {16, 32, 32}, conv3to16().forward(x.unsqueeze(0).expand(3, 32, 32)).shape());
        String grey = message(() -> new Conv2d(1, 4, 3).forward(x));
        assertTrue(grey.contains("x.unsqueeze(0), which is [1, 32, 32]"), grey);
    }

    @Test
    @DisplayName("weight.copy_(w) with w written as (in, out): 'weights are (out, in): use w.t()'")
    void transposedWeight() {
        Linear lin = new Linear(10, 5);
        lin.weight.requiresGrad(false);                       // a plain tensor: this test is about the shape message
        Tensor w = Tensor.zeros(10, 5);
        String m = message(() -> lin.weight.copy_(w));
        assertTrue(m.startsWith("The size of tensor a (10) must match the size of tensor b (5) at non-singleton dimension 1"), m);
        assertTrue(m.contains("(out_features, in_features)"), m);
        assertTrue(m.contains("Fix: copy the transpose: weight.copy_(w.t())"), m);
        lin.weight.copy_(w.t());
    }

    @Test
    @DisplayName("padding 30000 makes the output too large: the message names the padding, not the batch size")
    void hugePadding() {
        Conv2d conv = new Conv2d(3, 16, 3, Conv2d.options().padding(30000));
        String m = message(() -> conv.forward(Tensor.zeros(1, 3, 32, 32)));
        assertTrue(m.startsWith("a tensor of shape [1, 16, 60030, 60030] would have 57657614400 elements"), m);
        assertTrue(m.contains("The padding (left 30000, right 30000, top 30000, bottom 30000) grows the 32 x 32 input to 60032 x 60032"), m);
        assertTrue(m.contains("padding=1 keeps 32 x 32 for this kernel"), m);
        assertFalse(m.contains("smaller batch"), m);
        assertArrayEquals(new int[] {1, 16, 32, 32}, conv3to16().forward(Tensor.zeros(1, 3, 32, 32)).shape());
    }

    @Test
    @DisplayName("copy_ of a source that does not broadcast: only the source can, so no 'make one of them 1'")
    void copyOnlySourceBroadcasts() {
        Linear lin = new Linear(3, 2);
        lin.weight.requiresGrad(false);                       // a plain tensor: this test is about the shape message
        String m = message(() -> lin.weight.copy_(Tensor.randn(3, 3)));
        assertTrue(m.startsWith("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0"), m);
        assertTrue(m.contains("only the source broadcasts"), m);
        assertTrue(m.contains("Fix: give the source this tensor's shape [2, 3], or one that broadcasts to it"), m);
        assertFalse(m.contains("make one of them 1"), m);
        lin.weight.copy_(Tensor.randn(2, 3));
        lin.weight.copy_(Tensor.randn(1, 3));
        assertArrayEquals(new int[] {2, 3}, lin.weight.shape());
    }

    @Test
    @DisplayName("add_ in place: only the other operand broadcasts, so no 'make one of them 1'; PyTorch's first lines kept")
    void inPlaceOnlyOtherOperandBroadcasts() {
        Tensor x = Tensor.zeros(2, 3);
        String m = message(() -> x.add_(Tensor.randn(4)));
        assertTrue(m.startsWith("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1\n"), m);
        assertTrue(m.contains("add_ writes the other operand [4] into this tensor [2, 3], whose shape never changes: only the"
                + " other operand broadcasts"), m);
        assertTrue(m.contains("Fix: give the other operand this tensor's shape [2, 3], or one that broadcasts to it"), m);
        assertTrue(m.contains("or use the out-of-place add, whose result takes the broadcast shape"), m);
        assertFalse(m.contains("make one of them 1"), m);
        // torch: randn(3).add_(randn(2, 3)) -> output with shape [3] doesn't match the broadcast shape [2, 3]
        String grows = message(() -> Tensor.zeros(3).add_(Tensor.randn(2, 3)));
        assertTrue(grows.startsWith("output with shape [3] doesn't match the broadcast shape [2, 3]\n"), grows);
        assertTrue(grows.contains("only the other operand broadcasts"), grows);
        x.add_(Tensor.ones(3));
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 1}, x.toFloatArray());
    }

    @Test
    @DisplayName("batch-first data into a time-first RNN, seen through h0: batchFirst(true) or transpose(0, 1)")
    void batchFirstIntoTimeFirst() {
        RNN rnn = new RNN(10, 20);
        Tensor x = Tensor.zeros(4, 7, 10);                 // meant as (N=4, T=7, input_size)
        String m = message(() -> rnn.forward(x, Tensor.zeros(1, 4, 20)));
        assertTrue(m.startsWith("Expected hidden size (1, 7, 20), got [1, 4, 20]"), m);
        assertTrue(m.contains("looks batch-first"), m);
        assertTrue(m.contains("RNN.options().batchFirst(true)"), m);
        assertTrue(m.contains("x.transpose(0, 1)"), m);
        assertArrayEquals(new int[] {1, 4, 20}, rnn.forward(x.transpose(0, 1), Tensor.zeros(1, 4, 20)).hN().shape());
    }

    @Test
    @DisplayName("h0 shaped like the input, or with a state per time step: one state per layer and direction")
    void stateShapedLikeInput() {
        GRU gru = new GRU(10, 20);
        Tensor x = Tensor.zeros(5, 3, 10);
        String same = message(() -> gru.forward(x, Tensor.zeros(5, 3, 10)));
        assertTrue(same.startsWith("Expected hidden size (1, 3, 20), got [5, 3, 10]"), same);
        assertTrue(same.contains("h0 has the input's shape"), same);
        assertTrue(same.contains("Fix: pass h0 of shape [1, 3, 20]"), same);
        String perStep = message(() -> gru.forward(x, Tensor.zeros(5, 3, 20)));
        assertTrue(perStep.contains("one state per layer and direction, not one per time step"), perStep);
        assertArrayEquals(new int[] {1, 3, 20}, gru.forward(x, Tensor.zeros(1, 3, 20)).hN().shape());
    }

    @Test
    @DisplayName("a batch with the wrong in_features keeps the plain fix: rows·features = in_features alone is no sign of a missing batch dim")
    void batchWithWrongFeatures() {
        String m = message(() -> new Linear(20, 5).forward(Tensor.zeros(2, 10)));
        assertTrue(m.contains("Fix: build Linear(10, 5), or reshape the input so its last dim is 20."), m);
        String inNet = message(() -> new Sequential(new Linear(8, 10), new Linear(20, 5)).forward(Tensor.zeros(2, 8)));
        assertTrue(inNet.contains("Fix: (1) Linear: in_features=10, i.e. new Linear(10, 5)"), inNet);
        assertFalse(inNet.contains("unsqueeze"), inNet);
    }

    @Test
    @DisplayName("a batch of grey images [64, 28, 28] into Sequential(Conv2d(1, 8, 3), ...): unsqueeze(1), not Conv2d(64, ...)")
    void greyBatchWithoutChannelDim() {
        Sequential net = new Sequential(new Conv2d(1, 8, 3), new Flatten(), new Linear(8 * 26 * 26, 10));
        Tensor x = Tensor.zeros(64, 28, 28);
        String m = message(() -> net.forward(x));
        assertTrue(m.startsWith("Given groups=1, weight of size [8, 1, 3, 3], expected input[1, 64, 28, 28] to have 1 "
                + "channels, but got 64 channels instead"), m);
        assertTrue(m.contains("looks like a batch of 64 grey images without the channel dim"), m);
        assertTrue(m.contains("Fix: x.unsqueeze(1), which is [64, 1, 28, 28]"), m);
        assertFalse(m.contains("Conv2d(64"), m);
        assertArrayEquals(new int[] {64, 10}, net.forward(x.unsqueeze(1)).shape());
    }

    @Test
    @DisplayName("a lone Conv2d(1, 8, 3) on [16, 28, 28] says unsqueeze(1); on [3, 28, 28] also the one-RGB-image reading")
    void greyBatchLoneLayer() {
        Conv2d conv = new Conv2d(1, 8, 3);
        String m = message(() -> conv.forward(Tensor.zeros(16, 28, 28)));
        assertTrue(m.contains("Fix: x.unsqueeze(1), which is [16, 1, 28, 28]"), m);
        assertFalse(m.contains("Conv2d(16"), m);
        assertArrayEquals(new int[] {16, 8, 26, 26}, conv.forward(Tensor.zeros(16, 28, 28).unsqueeze(1)).shape());
        String rgb = message(() -> conv.forward(Tensor.zeros(3, 28, 28)));
        assertTrue(rgb.contains("Fix: x.unsqueeze(1), which is [3, 1, 28, 28] (3 grey images); or, if it is one image with "
                + "3 channels, build Conv2d(3, 8, 3)"), rgb);
        assertArrayEquals(new int[] {8, 26, 26}, new Conv2d(3, 8, 3).forward(Tensor.zeros(3, 28, 28)).shape());
    }

    @Test
    @DisplayName("an image missing a dim, [1, 3, 32] into Conv2d(3, 16, 3, padding=1): names (N, C, W), not Conv2d(1, ...)")
    void imageMissingADim() {
        Tensor x = Tensor.zeros(1, 3, 32);
        String m = message(() -> conv3to16().forward(x));
        assertTrue(m.contains("lacks a dim of (N, C, H, W)"), m);
        assertTrue(m.contains("(N, C, W) = (1, 3, 32)"), m);
        assertTrue(m.contains("x.unsqueeze(2), which is [1, 3, 1, 32]"), m);
        assertFalse(m.contains("Conv2d(1, 16"), m);
        assertArrayEquals(new int[] {1, 16, 1, 32}, conv3to16().forward(x.unsqueeze(2)).shape());
        Sequential cnn = new Sequential(conv3to16(), new ReLU(), new Flatten(), new Linear(16 * 32, 10));
        String inNet = message(() -> cnn.forward(x));
        assertTrue(inNet.contains("Fix: pass the whole image, (N, C, H, W); for one row of pixels, x.unsqueeze(2)"), inNet);
        assertArrayEquals(new int[] {1, 10}, cnn.forward(x.unsqueeze(2)).shape());
    }

    @Test
    @DisplayName("a feature map into a Linear of any in_features: insert a Flatten and size the Linear C·H·W, not Linear(16, 10)")
    void forgottenFlattenAnySize() {
        Sequential net = new Sequential(conv3to16(), new MaxPool2d(2), new Linear(100, 10));
        Tensor x = Tensor.zeros(2, 3, 32, 32);
        String m = message(() -> net.forward(x));
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (512x16 and 100x10)"), m);
        assertTrue(m.contains("feature map (N, C, H, W) from (1) MaxPool2d"), m);
        assertTrue(m.contains("16×16×16 = 4096 features"), m);
        assertTrue(m.contains("Fix: insert new Flatten() before (2) Linear and build it for 4096 features: "
                + "new Linear(4096, 10) (its input becomes [2, 4096])"), m);
        assertFalse(m.contains("new Linear(16, 10)"), m);
        Sequential fixed = new Sequential(conv3to16(), new MaxPool2d(2), new Flatten(), new Linear(4096, 10));
        assertArrayEquals(new int[] {2, 10}, fixed.forward(x).shape());
    }

    @Test
    @DisplayName("a conv chain that does not match still gets the in_channels / out_channels fix, not a grey-batch reading")
    void channelsDoNotChainUnbatched() {
        Sequential net = new Sequential(new Conv2d(3, 8, 3), new Conv2d(1, 4, 3));
        String m = message(() -> net.forward(Tensor.zeros(3, 28, 28)));
        assertTrue(m.contains("Fix: (1) Conv2d: in_channels=8"), m);
        assertFalse(m.contains("unsqueeze(1)"), m);
    }

    @Test
    @DisplayName("a bidirectional LSTM's last output step into a head sized for one direction: both directions, h_n, no reshape")
    void bidirectionalOutputIntoHalfHead() {
        LSTM lstm = new LSTM(10, 20, LSTM.options().bidirectional(true));
        Tensor lastStep = lstm.forward(Tensor.zeros(7, 3, 10)).output().select(0, -1);
        String m = message(() -> new Linear(20, 5).forward(lastStep));
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (3x40 and 20x5)"), m);
        assertTrue(m.contains("Fix: build Linear(40, 5) for both directions, and do not reshape the input, which would mix them"), m);
        assertTrue(m.contains("Tensor.cat(List.of(hN.select(0, -2), hN.select(0, -1)), 1)"), m);
        // the advice holds: h_n's two last rows, concatenated, fit Linear(40, 5)
        Tensor hN = lstm.forward(Tensor.zeros(7, 3, 10)).hN();
        assertArrayEquals(new int[] {3, 5}, new Linear(40, 5).forward(Tensor.cat(List.of(hN.select(0, -2), hN.select(0, -1)), 1)).shape());
        // twice the features from anything else (a wider layer, a tensor of one's own) keeps the plain repair
        String other = message(() -> new Linear(20, 5).forward(Tensor.zeros(3, 40)));
        assertTrue(other.contains("Fix: build Linear(40, 5), or reshape the input so its last dim is 20."), other);
    }
}
