package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Names, shapes, counts, reprs and layouts of RNN, LSTM and GRU, against PyTorch 1.13's. */
class RecurrentModuleTest {

    private static Map<String, List<Integer>> shapes(Module m) {
        Map<String, List<Integer>> out = new LinkedHashMap<>();
        m.stateDict().forEach((k, v) -> out.put(k, java.util.Arrays.stream(v.shape()).boxed().toList()));
        return out;
    }

    @Test
    @DisplayName("a 2-layer bidirectional LSTM with proj_size has torch's names, order and shapes")
    void lstmParameterNames() {
        LSTM lstm = new LSTM(5, 6, LSTM.options().numLayers(2).bidirectional(true).projSize(3));
        Map<String, List<Integer>> expected = new LinkedHashMap<>();
        for (String sfx : List.of("_l0", "_l0_reverse", "_l1", "_l1_reverse")) {
            int in = sfx.startsWith("_l0") ? 5 : 6;
            expected.put("weight_ih" + sfx, List.of(24, in));
            expected.put("weight_hh" + sfx, List.of(24, 3));
            expected.put("bias_ih" + sfx, List.of(24));
            expected.put("bias_hh" + sfx, List.of(24));
            expected.put("weight_hr" + sfx, List.of(3, 6));
        }
        assertEquals(expected, shapes(lstm));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(lstm.namedParameters().keySet()));
    }

    @Test
    @DisplayName("numParameters follows D*L*(G*H*(in + Hout) + 2*G*H) for RNN, GRU and LSTM")
    void parameterCounts() {
        // One layer: G*H*(input_size + H) weights + 2*G*H biases.
        assertEquals(20 * (10 + 20) + 2 * 20, new RNN(10, 20).numParameters());
        assertEquals(3 * 20 * (10 + 20) + 2 * 3 * 20, new GRU(10, 20).numParameters());
        assertEquals(4 * 20 * (10 + 20), new LSTM(10, 20, LSTM.options().bias(false)).numParameters());
        // 2 layers, bidirectional: layer 1 reads 2*H features.
        long layer0 = 4 * 20 * (10 + 20) + 2 * 4 * 20;
        long layer1 = 4 * 20 * (40 + 20) + 2 * 4 * 20;
        assertEquals(2 * (layer0 + layer1), new LSTM(10, 20, LSTM.options().numLayers(2).bidirectional(true))
                .numParameters());
    }

    @Test
    @DisplayName("reprs are PyTorch's (a relu RNN also says relu)")
    void reprs() {
        assertEquals("LSTM(10, 20, num_layers=2, batch_first=True, bidirectional=True)",
                new LSTM(10, 20, LSTM.options().numLayers(2).batchFirst(true).bidirectional(true)).toString());
        assertEquals("RNN(10, 20)", new RNN(10, 20).toString());
        assertEquals("RNN(10, 20, num_layers=2, bias=False, dropout=0.5)",
                new RNN(10, 20, RNN.options().numLayers(2).bias(false).dropout(0.5)).toString());
        assertEquals("LSTM(10, 20, proj_size=5)", new LSTM(10, 20, LSTM.options().projSize(5)).toString());
        assertEquals("GRU(10, 20, bias=False)", new GRU(10, 20, GRU.options().bias(false)).toString());
        assertEquals("RNN(10, 20, nonlinearity=relu)", new RNN(10, 20, RNN.options().nonlinearity("relu")).toString());
    }

    @Test
    @DisplayName("batch_first transposes only input and output; states keep (D*L, N, H)")
    void batchFirstLayout() {
        Tensor.manualSeed(3);
        GRU timeMajor = new GRU(4, 3, GRU.options().numLayers(2).bidirectional(true));
        GRU batchMajor = new GRU(4, 3, GRU.options().numLayers(2).bidirectional(true).batchFirst(true));
        batchMajor.loadStateDict(timeMajor.stateDict());
        Tensor x = Tensor.randn(5, 2, 4);
        Tensor h0 = Tensor.randn(4, 2, 3);
        RNNOutput a = timeMajor.forward(x, h0);
        RNNOutput b = batchMajor.forward(x.transpose(0, 1), h0);
        assertArrayEquals(new int[] {2, 5, 6}, b.output().shape());
        assertArrayEquals(new int[] {4, 2, 3}, b.hN().shape());
        RecurrentFixtures.assertClose(a.output().transpose(0, 1), b.output(), "output");
        RecurrentFixtures.assertClose(a.hN(), b.hN(), "h_n");
    }

    @Test
    @DisplayName("bidirectional: the reverse final state is output[0, :, H:], the forward one output[-1, :, :H]")
    void reverseFinalState() {
        Tensor.manualSeed(4);
        LSTM lstm = new LSTM(3, 2, LSTM.options().bidirectional(true).numLayers(2));
        RNNOutput out = lstm.forward(Tensor.randn(4, 2, 3));
        // h_n rows: layer*D + direction, so rows 2 and 3 belong to the last layer.
        RecurrentFixtures.assertClose(out.output().select(0, 3).slice(1, 0, 2), out.hN().select(0, 2), "forward");
        RecurrentFixtures.assertClose(out.output().select(0, 0).slice(1, 2, 4), out.hN().select(0, 3), "reverse");
    }

    @Test
    @DisplayName("unbatched input gives unbatched output and states, batch_first ignored")
    void unbatched() {
        Tensor.manualSeed(5);
        LSTM lstm = new LSTM(3, 4, LSTM.options().batchFirst(true).projSize(2));
        Tensor x = Tensor.randn(6, 3);
        RNNOutput one = lstm.forward(x);
        assertArrayEquals(new int[] {6, 2}, one.output().shape());
        assertArrayEquals(new int[] {1, 2}, one.hN().shape());
        assertArrayEquals(new int[] {1, 4}, one.cN().shape());
        RNNOutput batched = lstm.forward(x.unsqueeze(0));
        RecurrentFixtures.assertClose(batched.output().squeeze(0), one.output(), "output");
        RNNOutput again = lstm.forward(x, one.hN(), one.cN());
        assertArrayEquals(new int[] {6, 2}, again.output().shape());
    }

    @Test
    @DisplayName("getParameter finds torch names and lists them when the name is wrong")
    void getParameter() {
        GRU gru = new GRU(2, 3);
        assertArrayEquals(new int[] {9, 2}, gru.getParameter("weight_ih_l0").shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gru.getParameter("weight_ih"));
        assertTrue(e.getMessage().contains("weight_ih_l0"), e.getMessage());
    }

    @Test
    @DisplayName("save and load round-trip every parameter of a bidirectional LSTM with projection")
    void saveAndLoad(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Tensor.manualSeed(6);
        RNNOptions o = LSTM.options().numLayers(2).bidirectional(true).projSize(2);
        LSTM saved = new LSTM(3, 4, o);
        java.nio.file.Path file = dir.resolve("lstm.safetensors");
        saved.save(file);
        LSTM loaded = new LSTM(3, 4, o);
        loaded.load(file);
        saved.stateDict().forEach((k, v) -> RecurrentFixtures.assertBitExact(v, loaded.stateDict().get(k), k));
        Tensor x = Tensor.randn(4, 2, 3);
        RecurrentFixtures.assertBitExact(saved.forward(x).output(), loaded.forward(x).output(), "output");
    }
}
