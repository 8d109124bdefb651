package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import layerwise.interop.ModuleFactory;
import layerwise.io.SafeTensors;
import layerwise.io.SafeTensorsFile;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** RNN, LSTM and GRU against every recurrent PyTorch 1.13 fixture: default init, then the forward pass. */
class RecurrentParityTest {

    static List<String> cases() {
        return RecurrentFixtures.cases();
    }

    private static SafeTensorsFile read(String name) throws IOException {
        return SafeTensors.read(RecurrentFixtures.DIR.resolve(name + ".safetensors"));
    }

    @Test
    @DisplayName("all 16 recurrent fixtures are found")
    void sixteenFixtures() {
        assertEquals(16, cases().size(), cases().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("default init is bit-exact with torch under the same seed, in state-dict order")
    void defaultInitIsBitExact(String name) throws IOException {
        SafeTensorsFile f = read(name);
        Tensor.manualSeed(Long.parseLong(f.metadata().get("init_seed")));
        RNNBase m = RecurrentFixtures.build(f.metadata());
        Map<String, Tensor> sd = m.stateDict();
        List<String> expectedKeys = f.tensors().keySet().stream()
                .filter(k -> k.startsWith("weight_") || k.startsWith("bias_")).toList();
        assertEquals(expectedKeys, List.copyOf(sd.keySet()), "parameter names and order");
        for (String key : expectedKeys) {
            RecurrentFixtures.assertBitExact(f.tensor(key), sd.get(key), name + " " + key);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("output, h_n and c_n match torch within atol 1e-5 + rtol 1e-4")
    void forwardMatchesTorch(String name) throws IOException {
        SafeTensorsFile f = read(name);
        Map<String, String> meta = f.metadata();
        RNNBase m = RecurrentFixtures.build(meta);
        Map<String, Tensor> sd = new java.util.LinkedHashMap<>(f.tensors());
        sd.keySet().removeIf(k -> !k.startsWith("weight_") && !k.startsWith("bias_"));
        m.loadStateDict(sd);
        m.eval();
        Tensor input = f.tensor("input");
        Tensor h0 = f.tensors().get("h0");
        Tensor c0 = f.tensors().get("c0");
        assertEquals("true".equals(meta.get("has_h0")), h0 != null);
        RNNOutput out;
        if (m instanceof LSTM lstm) {
            out = h0 == null ? lstm.forward(input) : lstm.forward(input, h0, c0);
        } else if (m instanceof RNN rnn) {
            out = h0 == null ? rnn.forward(input) : rnn.forward(input, h0);
        } else {
            GRU gru = (GRU) m;
            out = h0 == null ? gru.forward(input) : gru.forward(input, h0);
        }
        RecurrentFixtures.assertClose(f.tensor("output"), out.output(), name + " output");
        RecurrentFixtures.assertClose(f.tensor("h_n"), out.hN(), name + " h_n");
        if (m instanceof LSTM) {
            RecurrentFixtures.assertClose(f.tensor("c_n"), out.cN(), name + " c_n");
        } else {
            assertNull(out.cN(), "RNN and GRU have no cell state");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("ModuleFactory (behind ./workbook parity) builds and runs the fixture like the layer")
    void moduleFactoryRunsRecurrentFixtures(String name) throws IOException {
        SafeTensorsFile f = read(name);
        Tensor.manualSeed(Long.parseLong(f.metadata().get("init_seed")));
        Module m = ModuleFactory.fromMetadata(f.metadata());
        assertEquals(f.metadata().get("module"), m.getClass().getSimpleName());
        for (Map.Entry<String, Tensor> e : m.stateDict().entrySet()) {
            RecurrentFixtures.assertBitExact(f.tensor(e.getKey()), e.getValue(), name + " " + e.getKey());
        }
        m.eval();
        Map<String, Tensor> got = ModuleFactory.forward(m, f.tensors());
        List<String> expected = m instanceof LSTM ? List.of("output", "h_n", "c_n") : List.of("output", "h_n");
        assertEquals(expected, List.copyOf(got.keySet()));
        for (String key : expected) RecurrentFixtures.assertClose(f.tensor(key), got.get(key), name + " " + key);
    }
}
