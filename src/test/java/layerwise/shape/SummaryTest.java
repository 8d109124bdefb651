package layerwise.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import layerwise.io.Fixture;
import layerwise.nn.Conv2d;
import layerwise.nn.Flatten;
import layerwise.nn.Linear;
import layerwise.nn.LSTM;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.interop.ModuleFactory;
import layerwise.nn.ReLU;
import layerwise.nn.Sequential;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Summary totals against PyTorch: the parameter count of each fixture's state dict (what PyTorch
 * exported) and torchinfo's multiply-add convention, counted here by formula from the constructor
 * arguments and PyTorch's output shape.
 */
class SummaryTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/pytorch-1.13");

    /** The Linear, Conv2d, RNN, LSTM and GRU fixtures: the layers torchinfoMultAdds has a formula for. */
    static Stream<Path> fixtures() throws IOException {
        return Files.list(DIR)
                .filter(p -> p.getFileName().toString().matches("(linear|conv2d|rnn|lstm|gru)_.*\\.safetensors"))
                .sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("parameters = numParameters() = PyTorch's state dict; mult-adds = torchinfo's formula")
    void fixtureTotals(Path file) throws IOException {
        Fixture f = Fixture.read(file);
        Module m = ModuleFactory.fromMetadata(f.metadata());
        Summary s = Summary.of(m, f.input().shape());
        long torchParams = 0;
        for (Tensor t : f.stateDict().values()) torchParams += t.numel();
        assertEquals(torchParams, s.totalParameters(), "PyTorch's parameter count");
        assertEquals(m.numParameters(), s.totalParameters());
        assertNull(s.failure());
        assertArrayEquals(f.output().shape(), s.rows().get(0).output(), "output shape as PyTorch's");
        assertEquals(torchinfoMultAdds(f.metadata(), f.output().shape(), torchParams), s.totalMultAdds());
    }

    /**
     * torchinfo counts each weight and bias element once per output position: Conv2d per N·H_out·W_out,
     * recurrent layers per T·N, Linear per output row (torchinfo takes output_size[0], which is the row
     * count for a 2-D input; for more leading dims this counts every row).
     */
    static long torchinfoMultAdds(Map<String, String> meta, int[] out, long params) {
        String module = meta.get("module");
        int r = out.length;
        if (module.equals("Conv2d")) {
            int in = Integer.parseInt(meta.get("in_channels"));
            int outC = Integer.parseInt(meta.get("out_channels"));
            int g = Integer.parseInt(meta.get("groups"));
            int[] k = pair(meta.get("kernel_size"));
            long perPosition = (long) outC * (in / g) * k[0] * k[1] + (meta.get("bias").equals("true") ? outC : 0);
            long positions = (long) out[r - 1] * out[r - 2] * (r == 4 ? out[0] : 1);
            return perPosition * positions;
        }
        if (module.equals("Linear")) {
            int in = Integer.parseInt(meta.get("in_features"));
            int o = Integer.parseInt(meta.get("out_features"));
            long rows = 1;
            for (int i = 0; i < r - 1; i++) rows *= out[i];
            return rows * ((long) in * o + (meta.get("bias").equals("true") ? o : 0));
        }
        long steps = r == 3 ? (long) out[0] * out[1] : out[0];        // RNN, LSTM, GRU: T·N (T unbatched)
        return steps * params;
    }

    private static int[] pair(String v) {
        String s = v.replace("[", "").replace("]", "").replace("(", "").replace(")", "").trim();
        String[] p = s.split(",\\s*");
        int a = Integer.parseInt(p[0]);
        return new int[] {a, p.length > 1 ? Integer.parseInt(p[1]) : a};
    }

    private static Sequential cnn() {
        return new Sequential(
                new Conv2d(3, 8, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
                new Sequential(new Conv2d(8, 16, 3, Conv2d.options().padding(1).groups(2)), new ReLU()),
                new Flatten(), new Linear(16 * 8 * 8, 10));
    }

    @Test
    @DisplayName("a nested CNN: rows, paths, counts, fans and init bounds by hand")
    void nestedCnn() {
        Summary s = Summary.of(cnn(), 2, 3, 16, 16);
        List<String> paths = s.rows().stream().map(Summary.Row::path).toList();
        assertEquals(List.of("", "0", "1", "2", "3", "3.0", "3.1", "4", "5"), paths);
        long conv1 = 8 * 3 * 9 + 8;
        long conv2 = 16 * 4 * 9 + 16;                                   // groups 2: in/groups = 4
        long lin = 1024 * 10 + 10;
        assertEquals(conv1 + conv2 + lin, s.totalParameters());
        assertEquals(conv1 * 2 * 16 * 16 + conv2 * 2 * 8 * 8 + lin * 2, s.totalMultAdds());
        Summary.Row inner = s.rows().get(5);
        assertEquals("3.0.weight", inner.params().get(0).key());
        assertArrayEquals(new int[] {16, 4, 3, 3}, inner.params().get(0).shape());
        assertEquals(4 * 9, inner.params().get(0).fanIn());
        assertEquals(16 * 9, inner.params().get(0).fanOut());
        assertEquals(1 / Math.sqrt(36), inner.params().get(1).bound(), 1e-12);
        assertArrayEquals(new int[] {2, 16, 8, 8}, inner.output());
        long outputs = 2L * (8 * 16 * 16 * 2 + 8 * 8 * 8 + 16 * 8 * 8 * 2 + 1024 + 10);
        assertEquals(outputs * 4, s.activationBytes());
        String text = s.toString();
        assertTrue(text.contains("(3.0) Conv2d(8, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), groups=2)"), text);
        assertTrue(text.contains("Total parameters: " + String.format("%,d", conv1 + conv2 + lin)), text);
    }

    @Test
    @DisplayName("an LSTM: gate split of every weight, U(±1/√H), batch_first output and never-batch-first states")
    void lstmRows() {
        LSTM lstm = new LSTM(10, 20, LSTM.options().batchFirst(true).bidirectional(true));
        Summary s = Summary.of(lstm, 3, 7, 10);
        Summary.Row row = s.rows().get(0);
        assertArrayEquals(new int[] {3, 7, 40}, row.output());
        assertArrayEquals(new int[] {2, 3, 20}, row.hN());
        assertArrayEquals(new int[] {2, 3, 20}, row.cN());
        for (ParamInfo p : row.params()) {
            assertEquals("i|f|g|o", p.gates(), p.key());
            assertEquals(1 / Math.sqrt(20), p.bound(), 1e-12);
            assertEquals(80, p.shape()[0]);
        }
        long params = 2 * (80 * 10 + 80 * 20 + 80 + 80);
        assertEquals(params, s.totalParameters());
        assertEquals(params * 3 * 7, s.totalMultAdds());
        assertTrue(s.toString().contains("rows i|f|g|o = 4×20"), s.toString());
    }

    @Test
    @DisplayName("without an input shape: the parameters only, no FAILED row, and how to ask for shapes")
    void withoutInputShape() {
        Summary s = Summary.of(cnn());
        assertNull(s.inputShape());
        assertEquals(List.of("", "0", "1", "2", "3", "3.0", "3.1", "4", "5"), s.rows().stream().map(Summary.Row::path).toList());
        long conv1 = 8 * 3 * 9 + 8;
        long conv2 = 16 * 4 * 9 + 16;
        long lin = 1024 * 10 + 10;
        assertEquals(conv1 + conv2 + lin, s.totalParameters());
        assertEquals(List.of(conv1, 0L, 0L, conv2, 0L, 0L, lin),
                s.rows().stream().filter(r -> !r.container()).map(Summary.Row::parameters).toList());
        String text = s.toString();
        assertTrue(text.startsWith("Summary of Sequential: parameters only, no input shape given"), text);
        assertFalse(text.contains("FAILED"), text);
        assertFalse(text.contains("on input []"), text);
        assertTrue(text.contains("3.0.weight"), text);
        assertTrue(text.contains("Give the input shape, e.g. Summary.of(model, 1, 3, 32, 32), for shapes and multiply-adds."), text);
        assertTrue(text.endsWith("As a Tablesaw table: Tables.summary(summary)"), text);
        assertTrue(Summary.of(new Linear(784, 10)).toString().contains("e.g. Summary.of(model, 1, 784)"));
        assertTrue(Summary.of(cnn(), 1, 3, 16, 16).toString().endsWith("As a Tablesaw table: Tables.summary(summary)"));
    }

    @Test
    @DisplayName("a model that fails part-way keeps the rows that ran, marks the layer, then gives the error")
    void failingModel() {
        Sequential bad = new Sequential(new Conv2d(3, 16, 3), new Flatten(), new Linear(16 * 32 * 32, 10));
        Summary s = Summary.of(bad, 1, 3, 32, 32);
        assertNotNull(s.failure());
        assertTrue(s.failure().startsWith("mat1 and mat2 shapes cannot be multiplied (1x14400 and 16384x10)"), s.failure());
        assertEquals(4, s.rows().size());
        assertArrayEquals(new int[] {1, 14400}, s.rows().get(2).output());
        assertNull(s.rows().get(3).output());
        assertTrue(s.toString().contains("FAILED"), s.toString());
        assertEquals(bad.numParameters(), s.totalParameters());
    }

    @Test
    @DisplayName("the summary runs in eval mode and leaves the model's mode and the random stream as they were")
    void noSideEffects() {
        Sequential net = new Sequential(new Linear(4, 4), new layerwise.nn.Dropout(0.5), new Linear(4, 2));
        Tensor.manualSeed(7);
        float expected = Tensor.rand(1).item();
        Tensor.manualSeed(7);
        Summary.of(net, 3, 4);
        assertEquals(expected, Tensor.rand(1).item(), "Dropout in a summary draws no random numbers");
        assertTrue(net.isTraining() && net.children().get(1).isTraining());
        net.children().get(2).eval();
        Summary.of(net, 3, 4);
        assertTrue(net.isTraining() && !net.children().get(2).isTraining(), "each module's own mode is put back");
    }
}
