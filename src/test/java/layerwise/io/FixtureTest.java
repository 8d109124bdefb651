package layerwise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every committed fixture, read through Fixture and checked against MANIFEST.json. */
class FixtureTest {

    static final Path FIXTURES = SafeTensorsFormatTest.FIXTURES;

    /** PyTorch's positional constructor order, as the generator records the arguments. */
    static final Map<String, List<String>> ARG_ORDER = Map.ofEntries(
            Map.entry("Linear", List.of("in_features", "out_features", "bias")),
            Map.entry("Conv2d", List.of("in_channels", "out_channels", "kernel_size", "stride", "padding", "dilation",
                    "groups", "bias", "padding_mode")),
            Map.entry("RNN", List.of("input_size", "hidden_size", "num_layers", "nonlinearity", "bias", "batch_first",
                    "dropout", "bidirectional")),
            Map.entry("LSTM", List.of("input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout",
                    "bidirectional", "proj_size")),
            Map.entry("GRU", List.of("input_size", "hidden_size", "num_layers", "bias", "batch_first", "dropout",
                    "bidirectional")),
            Map.entry("RNNCell", List.of("input_size", "hidden_size", "bias", "nonlinearity")),
            Map.entry("LSTMCell", List.of("input_size", "hidden_size", "bias")),
            Map.entry("GRUCell", List.of("input_size", "hidden_size", "bias")),
            Map.entry("MaxPool2d", List.of("kernel_size", "stride", "padding", "dilation", "return_indices", "ceil_mode")),
            Map.entry("AvgPool2d", List.of("kernel_size", "stride", "padding", "ceil_mode", "count_include_pad",
                    "divisor_override")),
            Map.entry("Flatten", List.of("start_dim", "end_dim")),
            Map.entry("ReLU", List.of("inplace")),
            Map.entry("LeakyReLU", List.of("negative_slope", "inplace")),
            Map.entry("Dropout", List.of("p", "inplace")));
    /** Modules whose constructor takes no argument here. */
    static final List<String> NO_ARGUMENTS = List.of("Tanh", "Sigmoid");

    @TempDir
    Path dir;

    @Test
    void readsEveryFixtureWithItsManifestNamesShapesAndMetadata() throws IOException {
        List<Map<String, Object>> cases = SafeTensorsFormatTest.manifestCases();
        assertEquals(83, cases.size());
        for (Map<String, Object> c : cases) {
            String file = (String) c.get("file");
            Fixture f = Fixture.read(FIXTURES.resolve(file));
            String module = (String) c.get("module");
            assertEquals(file.replace(".safetensors", ""), f.name());
            assertEquals(module, f.module(), file);
            @SuppressWarnings("unchecked")
            Map<String, Object> shapes = (Map<String, Object>) c.get("tensors");
            assertEquals(new ArrayList<>(shapes.keySet()), new ArrayList<>(f.tensors().keySet()), file);
            for (Map.Entry<String, Object> e : shapes.entrySet()) {
                assertArrayEquals(SafeTensorsFormatTest.ints(e.getValue()), f.tensors().get(e.getKey()).shape(),
                        file + " " + e.getKey());
            }
            List<String> parameterNames = new ArrayList<>(shapes.keySet());
            parameterNames.removeAll(List.of("input", "output", "h0", "c0", "h_n", "c_n", "indices",
                    "grad_output", "grad_h_n", "grad_c_n"));
            parameterNames.removeIf(name -> name.startsWith("grad."));
            assertEquals(parameterNames, new ArrayList<>(f.stateDict().keySet()), file);
            if (module.equals("Sequential")) {
                for (String key : f.constructorArgs().keySet()) {
                    assertTrue(key.matches("(\\d+\\.)+[a-z_]+"), file + ": a child's argument, " + key);
                }
            } else {
                assertEquals(NO_ARGUMENTS.contains(module) ? List.of() : ARG_ORDER.get(module),
                        new ArrayList<>(f.constructorArgs().keySet()), file);
            }
            for (String key : List.of("case", "torch_version", "mode", "init_seed", "data_seed", "grad_seed",
                    "max_abs_diff_f32_vs_f64")) {
                assertTrue(f.metadata().containsKey(key), file + " has " + key);
            }
            assertEquals("eval", f.args().string("mode"));
            assertEquals(c.get("max_abs_diff_f32_vs_f64"), f.args().string("max_abs_diff_f32_vs_f64"));

            boolean recurrent = List.of("RNN", "LSTM", "GRU").contains(module);
            boolean stateful = recurrent || module.endsWith("Cell");
            boolean lstm = module.startsWith("LSTM");
            boolean indices = module.equals("MaxPool2d") && f.args().bool("return_indices");
            assertEquals(shapes.containsKey("h_n"), recurrent, file);
            assertEquals(shapes.containsKey("c_n"), lstm, file);
            assertEquals(shapes.containsKey("indices"), indices, file);
            assertEquals(f.h0().isPresent(), stateful && f.args().bool("has_h0"), file);
            assertEquals(f.c0().isPresent(), lstm && f.args().bool("has_h0"), file);
            assertEquals(f.hN().isPresent(), recurrent);
            assertEquals(f.cN().isPresent(), lstm);
            List<String> outputs = new ArrayList<>(List.of("output"));
            if (recurrent) {
                outputs.add("h_n");
            }
            if (lstm) {
                outputs.add("c_n");
            }
            if (indices) {
                outputs.add("indices");
            }
            assertEquals(outputs, new ArrayList<>(f.expectedOutputs().keySet()), file);
            assertArrayEquals(SafeTensorsFormatTest.ints(shapes.get("input")), f.input().shape());
            assertArrayEquals(SafeTensorsFormatTest.ints(shapes.get("output")), f.output().shape());
            assertGradients(f, outputs, file);
        }
    }

    /**
     * An upstream gradient for each differentiable result (not indices), of its shape; a gradient for the
     * input, each initial state passed, and every parameter, each of its tensor's shape, in that order.
     */
    private static void assertGradients(Fixture f, List<String> outputs, String file) {
        List<String> differentiable = new ArrayList<>(outputs);
        differentiable.remove("indices");
        assertEquals(differentiable, new ArrayList<>(f.upstreamGradients().keySet()), file);
        f.upstreamGradients().forEach((result, g) ->
                assertArrayEquals(f.tensors().get(result).shape(), g.shape(), file + " upstream of " + result));
        List<String> leaves = new ArrayList<>(List.of("input"));
        if (f.h0().isPresent()) leaves.add("h0");
        if (f.c0().isPresent()) leaves.add("c0");
        leaves.addAll(f.stateDict().keySet());
        assertEquals(leaves, new ArrayList<>(f.expectedGradients().keySet()), file);
        f.expectedGradients().forEach((leaf, g) ->
                assertArrayEquals(f.tensors().get(leaf).shape(), g.shape(), file + " grad." + leaf));
    }

    @Test
    void parsesConstructorArgumentsInTheFormTheyWerePassed() throws IOException {
        Fixture conv = Fixture.read(FIXTURES.resolve("conv2d_same_rect_dilated.safetensors"));
        assertTrue(conv.args().isTuple("kernel_size"));
        assertArrayEquals(new int[] {2, 3}, conv.args().ints("kernel_size"));
        assertArrayEquals(new int[] {3, 2}, conv.args().ints("dilation"));
        assertFalse(conv.args().isTuple("in_channels"));
        assertArrayEquals(new int[] {2}, conv.args().ints("in_channels"));
        assertEquals(2, conv.args().integer("out_channels"));
        assertEquals("same", conv.args().string("padding"));
        assertEquals("zeros", conv.args().string("padding_mode"));
        assertTrue(conv.args().bool("bias"));
        assertEquals(1008, conv.initSeed()); // the generator seeds case i with 1000 + i

        Fixture lstm = Fixture.read(FIXTURES.resolve("lstm_2layer_dropout_eval.safetensors"));
        assertEquals(0.3, lstm.args().decimal("dropout"));
        assertEquals(0, lstm.args().integer("proj_size"));
        assertFalse(lstm.args().bool("bidirectional"));
    }

    @Test
    void argumentErrorsNameTheFixtureAndTheKey() throws IOException {
        Path p = FIXTURES.resolve("conv2d_basic.safetensors");
        Fixture conv = Fixture.read(p);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> conv.args().string("nope"));
        assertTrue(missing.getMessage().startsWith(p + ": no \"nope\" in the metadata (it has ["),
                missing.getMessage());
        assertEquals(p + ": metadata \"padding_mode\" must be an integer, found \"zeros\"",
                assertThrows(IllegalArgumentException.class, () -> conv.args().integer("padding_mode")).getMessage());
        assertEquals(p + ": metadata \"module\" must be \"true\" or \"false\", found \"Conv2d\"",
                assertThrows(IllegalArgumentException.class, () -> conv.args().bool("module")).getMessage());
    }

    @Test
    void refusesAFileThatIsNotAFixture() throws IOException {
        Path noModule = dir.resolve("plain.safetensors");
        SafeTensors.write(noModule, Map.of("input", Tensor.of(new float[] {1f}, 1),
                "output", Tensor.of(new float[] {1f}, 1)));
        TensorFileException e = assertThrows(TensorFileException.class, () -> Fixture.read(noModule));
        assertEquals("not a parity fixture: its __metadata__ has no \"module\" key (found [])", e.problem());

        Path noOutput = dir.resolve("half.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("weight", Tensor.of(new float[] {1f, 2f}, 1, 2));
        tensors.put("input", Tensor.of(new float[] {1f, 2f}, 2));
        SafeTensors.write(noOutput, tensors, Map.of("module", "Linear"));
        e = assertThrows(TensorFileException.class, () -> Fixture.read(noOutput));
        assertEquals("not a parity fixture: it has no \"output\" tensor (found [weight, input])", e.problem());
    }
}
