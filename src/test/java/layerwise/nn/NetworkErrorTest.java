package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A layer failing inside a Sequential (nested too): PyTorch's line, the layer by path, where its input came from, the fix. */
class NetworkErrorTest {

    private static Sequential features() {
        return new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2));
    }

    @Test
    @DisplayName("the classifier sized wrong: (4) Linear got 4096 = 16×16×16 features, walked back to the input")
    void wrongInFeatures() {
        Sequential net = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(1024, 10));
        ShapeError e = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(1, 3, 32, 32)));
        String m = e.getMessage();
        assertEquals("mat1 and mat2 shapes cannot be multiplied (1x4096 and 1024x10)", e.torchMessage());
        assertTrue(m.startsWith(e.torchMessage() + "\n"), m);
        assertTrue(m.contains("(4) Linear(in_features=1024, out_features=10, bias=True) got 4096 features = 16×16×16, "
                + "from (3) Flatten of [1, 16, 16, 16], from (2) MaxPool2d of [1, 16, 32, 32], from (1) ReLU of "
                + "[1, 16, 32, 32], from (0) Conv2d of [1, 3, 32, 32], the network's input"), m);
        assertTrue(m.contains("Fix: (4) Linear: in_features=4096, i.e. new Linear(4096, 10)"), m);
        assertTrue(m.contains("(0) Conv2d: out_channels=4 gives 4×16×16 = 1024"), m);
        net.get(0);
    }

    @Test
    @DisplayName("a classifier sized for 32×32 given 8×8: the fix says the head fits a 32×32 input, then the Linear for this size")
    void headSizedForLargerImage() {
        Sequential net = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(16 * 16 * 16, 10));
        String m = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(1, 3, 8, 8))).getMessage();
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (1x256 and 4096x10)"), m);
        assertTrue(m.contains("Fix: this head fits a 32×32 input, not 8×8: pass 32×32 images"), m);
        assertTrue(m.contains("or, to take this size, (4) Linear: in_features=256, i.e. new Linear(256, 10)"), m);
        assertFalse(m.contains("out_channels=256"), m);
        assertArrayEquals(new int[] {1, 10}, net.forward(Tensor.zeros(1, 3, 32, 32)).shape());
        // Not square: both sides times the same factor; 16×24 → 8×12 after the pool, 16·8·12 = 1536.
        Sequential wide = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new MaxPool2d(2),
                new Flatten(), new Linear(16 * 8 * 12, 10));
        String w = assertThrows(ShapeError.class, () -> wide.forward(Tensor.zeros(1, 3, 8, 12))).getMessage();
        assertTrue(w.contains("this head fits a 16×24 input, not 8×12"), w);
        assertArrayEquals(new int[] {1, 10}, wide.forward(Tensor.zeros(1, 3, 16, 24)).shape());
    }

    @Test
    @DisplayName("a standard-size image into a head sized by a slip: the fix leads with the Linear for the real size, the odd size second")
    void standardInputLeadsWithTheLayer() {
        Sequential net = new Sequential(new Conv2d(3, 32, 3, Conv2d.options().stride(2).padding(1)), new ReLU(),
                new Conv2d(32, 64, 3, Conv2d.options().stride(2).padding(1)), new ReLU(),
                new Conv2d(64, 128, 3, Conv2d.options().stride(2).padding(1)), new ReLU(),
                new Flatten(), new Linear(128 * 8 * 8, 10));
        String m = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(1, 3, 32, 32))).getMessage();
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (1x2048 and 8192x10)"), m);
        assertTrue(m.contains("Fix: (7) Linear: in_features=2048, i.e. new Linear(2048, 10) (the flattened size for 32×32 "
                + "inputs); or, to keep in_features=8192, pass 57×57 images, the size this head fits"), m);
        assertFalse(m.contains("Fix: this head fits"), m);
        assertArrayEquals(new int[] {1, 10}, net.forward(Tensor.zeros(1, 3, 57, 57)).shape());
    }

    /** The last time step of a recurrent layer's output: what a learner writes to put a head on an LSTM. */
    static final class LastStep extends Module implements TensorModule {
        final LSTM lstm;

        LastStep(LSTM lstm) {
            this.lstm = registerModule("lstm", lstm);
        }

        @Override
        public Tensor forward(Tensor x) {
            return lstm.forward(x).output().select(lstm.batchFirst() ? 1 : 0, -1);
        }
    }

    /** An LSTM and its head in one module, the head fed the output's last step. */
    static final class Tagger extends Module implements TensorModule {
        final LSTM lstm = registerModule("lstm", new LSTM(10, 20, LSTM.options().bidirectional(true)));
        final Linear head = registerModule("head", new Linear(20, 5));

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(lstm.forward(x).output().select(0, -1));
        }
    }

    @Test
    @DisplayName("a bidirectional LSTM's last output step into a head sized H: 2·H from concatenated directions, h_n for the final states")
    void bidirectionalOutputStep() {
        Sequential net = new Sequential(new LastStep(new LSTM(10, 20, LSTM.options().bidirectional(true))), new Linear(20, 5));
        String m = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(7, 3, 10))).getMessage();
        assertTrue(m.startsWith("mat1 and mat2 shapes cannot be multiplied (3x40 and 20x5)"), m);
        assertTrue(m.contains("has 2·20 = 40 features because a bidirectional recurrent layer concatenates its two directions"), m);
        assertTrue(m.contains("reverse direction's state after only one step"), m);
        assertTrue(m.contains("output.select(0, 0)"), m);
        assertTrue(m.contains("Fix: build Linear(40, 5) for both directions, and feed it both final states from h_n, "
                + "Tensor.cat(List.of(hN.select(0, 0), hN.select(0, 1)), 1), which is [3, 40]"), m);
        assertFalse(m.contains("reshape the input so its last dim is 20"), m);
        assertFalse(m.contains("in_features=40"), m);

        // The head inside the module: the Sequential names the module; the repair is the same.
        String t = assertThrows(ShapeError.class, () -> new Sequential(new Tagger()).forward(Tensor.zeros(7, 3, 10))).getMessage();
        assertTrue(t.contains("Fix: build Linear(40, 5) for both directions"), t);

        // Two layers, batch_first: h_n's last two rows, the time dim 1.
        Sequential deep = new Sequential(new LastStep(new LSTM(10, 20, LSTM.options().numLayers(2).bidirectional(true)
                .batchFirst(true))), new Linear(20, 5));
        String d = assertThrows(ShapeError.class, () -> deep.forward(Tensor.zeros(3, 7, 10))).getMessage();
        assertTrue(d.contains("output.select(1, 0)"), d);
        assertTrue(d.contains("Tensor.cat(List.of(hN.select(0, 2), hN.select(0, 3)), 1)"), d);

        // The repair runs.
        RNNOutput out = new LSTM(10, 20, LSTM.options().bidirectional(true)).forward(Tensor.zeros(7, 3, 10));
        assertArrayEquals(new int[] {3, 5}, new Linear(40, 5).forward(
                Tensor.cat(java.util.List.of(out.hN().select(0, 0), out.hN().select(0, 1)), 1)).shape());

        // One direction with 40 features: a head sized wrong, nothing about directions.
        Sequential one = new Sequential(new LastStep(new LSTM(10, 40)), new Linear(20, 5));
        String u = assertThrows(ShapeError.class, () -> one.forward(Tensor.zeros(7, 3, 10))).getMessage();
        assertFalse(u.contains("bidirectional"), u);
    }

    @Test
    @DisplayName("nested Sequentials: the failing layer by its full path, the walk back crossing containers")
    void nested() {
        Sequential net = new Sequential(features(), new Sequential(new Flatten(), new Linear(1024, 10)));
        ShapeError e = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(2, 3, 32, 32)));
        String m = e.getMessage();
        assertEquals("mat1 and mat2 shapes cannot be multiplied (2x4096 and 1024x10)", e.torchMessage());
        assertTrue(m.contains("(1.1) Linear(in_features=1024, out_features=10, bias=True) got 4096 features = 16×16×16, "
                + "from (1.0) Flatten of [2, 16, 16, 16], from (0.2) MaxPool2d of [2, 16, 32, 32]"), m);
        assertTrue(m.contains("Fix: (1.1) Linear: in_features=4096"), m);
        assertEquals(1, m.split("mat1 and mat2", -1).length - 1, "PyTorch's line once, not once per container:\n" + m);
    }

    @Test
    @DisplayName("channels that don't chain: the conv's in_channels, or the conv before it")
    void channelsDoNotChain() {
        Sequential net = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(),
                new Conv2d(32, 64, 3, Conv2d.options().padding(1)));
        // 32×32 images: the 16-channel map [1, 16, 32, 32] ends in 32 = in_channels but is not channels-last.
        String m = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(1, 3, 32, 32))).getMessage();
        assertTrue(m.startsWith("Given groups=1, weight of size [64, 32, 3, 3], expected input[1, 16, 32, 32] to have 32 "
                + "channels, but got 16 channels instead"), m);
        assertTrue(m.contains("(2) Conv2d(32, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1)) got 16 channels, "
                + "from (1) ReLU of [1, 16, 32, 32], from (0) Conv2d of [1, 3, 32, 32]"), m);
        assertTrue(m.contains("Fix: (2) Conv2d: in_channels=16, i.e. new Conv2d(16, 64, 3, Conv2d.options().padding(1)); "
                + "or (0) Conv2d: out_channels=32"), m);
    }

    @Test
    @DisplayName("the whole model runs as before when nothing is wrong")
    void runs() {
        Sequential net = new Sequential(features(), new Flatten(), new Linear(4096, 10));
        assertEquals(10, net.forward(Tensor.zeros(1, 3, 32, 32)).size(1));
    }

    @Test
    @DisplayName("a long network: the walk back names six layers, then '...', then the first")
    void longWalkBack() {
        Sequential net = new Sequential();
        for (int i = 0; i < 9; i++) net.append(new ReLU());
        net.append(new Linear(4, 2));
        String m = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(1, 3))).getMessage();
        assertTrue(m.contains("got 3 features, from (8) ReLU of [1, 3], from (7) ReLU of [1, 3], from (6) ReLU of [1, 3], "
                + "from (5) ReLU of [1, 3], from (4) ReLU of [1, 3], from (3) ReLU of [1, 3], ..., from (0) ReLU of [1, 3], "
                + "the network's input."), m);
    }

    @Test
    @DisplayName("a conv that lost its padding: the classifier's size, or the conv's padding that gives it")
    void convWithoutPadding() {
        Sequential net = new Sequential(new Conv2d(3, 16, 3), new ReLU(), new Flatten(), new Linear(16 * 32 * 32, 10));
        String m = assertThrows(ShapeError.class, () -> net.forward(Tensor.zeros(1, 3, 32, 32))).getMessage();
        assertTrue(m.contains("got 14400 features = 16×30×30, from (2) Flatten of [1, 16, 30, 30]"), m);
        assertTrue(m.contains("Fix: (3) Linear: in_features=14400, i.e. new Linear(14400, 10); or make the layers before "
                + "give 16384 features: (0) Conv2d: padding=1 gives 16×32×32 = 16384"), m);
        Sequential fixed = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new Flatten(),
                new Linear(16 * 32 * 32, 10));
        assertEquals(10, fixed.forward(Tensor.zeros(1, 3, 32, 32)).size(1));
    }
}
