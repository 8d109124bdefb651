package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import layerwise.tensor.Tensor;

/** The PyTorch 1.13 recurrent fixtures, and the comparisons the recurrent tests share. */
final class RecurrentFixtures {

    static final Path DIR = Path.of("src/test/resources/fixtures/pytorch-1.13");
    /** The parity tolerance against PyTorch: |a - e| <= ATOL + RTOL * |e|. */
    static final double ATOL = 1e-5;
    static final double RTOL = 1e-4;

    private RecurrentFixtures() {
    }

    /** The case names of every rnn_*, lstm_* and gru_* fixture file, sorted. */
    static List<String> cases() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".safetensors"))
                    .filter(n -> n.startsWith("rnn_") || n.startsWith("lstm_") || n.startsWith("gru_"))
                    .map(n -> n.substring(0, n.length() - ".safetensors".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the module the fixture's metadata describes, from its constructor arguments alone. */
    static RNNBase build(Map<String, String> meta) {
        RNNOptions o = RNNBase.options()
                .numLayers(Integer.parseInt(meta.get("num_layers")))
                .bias(Boolean.parseBoolean(meta.get("bias")))
                .batchFirst(Boolean.parseBoolean(meta.get("batch_first")))
                .dropout(Double.parseDouble(meta.get("dropout")))
                .bidirectional(Boolean.parseBoolean(meta.get("bidirectional")));
        int in = Integer.parseInt(meta.get("input_size"));
        int hidden = Integer.parseInt(meta.get("hidden_size"));
        return switch (meta.get("module")) {
            case "RNN" -> new RNN(in, hidden, o.nonlinearity(meta.get("nonlinearity")));
            case "LSTM" -> new LSTM(in, hidden, o.projSize(Integer.parseInt(meta.get("proj_size"))));
            case "GRU" -> new GRU(in, hidden, o);
            default -> throw new IllegalArgumentException("not a recurrent fixture: " + meta.get("module"));
        };
    }

    /** Same shape, and every element within the parity tolerance; the message names the worst element. */
    static void assertClose(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.toFloatArray();
        float[] a = actual.toFloatArray();
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < e.length; i++) {
            double excess = Math.abs(a[i] - e[i]) - (ATOL + RTOL * Math.abs(e[i]));
            if (!(excess <= worstExcess)) {
                worst = i;
                worstExcess = Double.isNaN(excess) ? Double.POSITIVE_INFINITY : excess;
            }
        }
        int w = worst;
        assertTrue(w < 0, () -> what + ": element " + w + " is " + a[w] + ", expected " + e[w]);
    }

    /** Same shape and the very same float bits. */
    static void assertBitExact(Tensor expected, Tensor actual, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
        float[] e = expected.toFloatArray();
        float[] a = actual.toFloatArray();
        for (int i = 0; i < e.length; i++) {
            int k = i;
            assertTrue(Float.floatToIntBits(e[i]) == Float.floatToIntBits(a[i]),
                    () -> what + ": element " + k + " is " + a[k] + ", expected " + e[k]);
        }
    }
}
