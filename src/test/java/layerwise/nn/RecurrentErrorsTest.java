package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.Json;
import layerwise.tensor.ShapeError;
import layerwise.tensor.TorchError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every recurrent mistake of errors.json, written in Java, throws a ShapeError whose first line is
 * PyTorch 1.13's text, followed by an explanation and a fix; plus the order of the checks and the
 * cells' errors (texts taken from torch 1.13 on the same calls).
 */
class RecurrentErrorsTest {

    private static Tensor r(int... shape) {
        return Tensor.randn(shape);
    }

    /** The Java spelling of each errors.json case's code. */
    private static final Map<String, Executable> CASES = new LinkedHashMap<>();

    static {
        CASES.put("rnn_wrong_input_size", () -> new RNN(10, 20).forward(r(5, 3, 8)));
        CASES.put("rnn_wrong_input_size_unbatched", () -> new RNN(10, 20).forward(r(5, 8)));
        CASES.put("rnn_wrong_h0_batch", () -> new RNN(10, 20).forward(r(5, 3, 10), r(1, 4, 20)));
        CASES.put("rnn_wrong_h0_layers", () -> new RNN(10, 20, 2).forward(r(5, 3, 10), r(1, 3, 20)));
        CASES.put("rnn_wrong_h0_hidden", () -> new RNN(10, 20).forward(r(5, 3, 10), r(1, 3, 21)));
        CASES.put("rnn_batch_first_h0_also_batch_first",
                () -> new RNN(10, 20, RNN.options().batchFirst(true)).forward(r(3, 5, 10), r(3, 1, 20)));
        CASES.put("rnn_h0_2d_for_batched", () -> new RNN(10, 20).forward(r(5, 3, 10), r(3, 20)));
        CASES.put("rnn_h0_3d_for_unbatched", () -> new RNN(10, 20).forward(r(5, 10), r(1, 1, 20)));
        CASES.put("rnn_unbatched_wrong_h0", () -> new RNN(10, 20).forward(r(5, 10), r(1, 21)));
        CASES.put("rnn_4d_input", () -> new RNN(10, 20).forward(r(5, 3, 10, 1)));
        CASES.put("rnn_1d_input", () -> new RNN(10, 20).forward(r(10)));
        CASES.put("rnn_bad_nonlinearity", () -> new RNN(10, 20, RNN.options().nonlinearity("sigmoid")));
        CASES.put("rnn_dropout_out_of_range", () -> new RNN(10, 20, RNN.options().dropout(1.5)));
        CASES.put("rnn_proj_size", () -> new GRU(10, 20, GRU.options().projSize(5)));
        CASES.put("lstm_wrong_input_size", () -> new LSTM(10, 20).forward(r(5, 3, 8)));
        CASES.put("lstm_wrong_h0", () -> new LSTM(10, 20).forward(r(5, 3, 10), r(1, 4, 20), r(1, 3, 20)));
        CASES.put("lstm_wrong_c0", () -> new LSTM(10, 20).forward(r(5, 3, 10), r(1, 3, 20), r(1, 4, 20)));
        CASES.put("lstm_proj_h0_uses_hidden_size", () -> new LSTM(10, 20, LSTM.options().projSize(5))
                .forward(r(5, 3, 10), r(1, 3, 20), r(1, 3, 20)));
        CASES.put("lstm_proj_c0_uses_proj_size", () -> new LSTM(10, 20, LSTM.options().projSize(5))
                .forward(r(5, 3, 10), r(1, 3, 5), r(1, 3, 5)));
        CASES.put("lstm_hx_2d_for_batched", () -> new LSTM(10, 20).forward(r(5, 3, 10), r(3, 20), r(3, 20)));
        CASES.put("lstm_hx_3d_for_unbatched", () -> new LSTM(10, 20).forward(r(5, 10), r(1, 1, 20), r(1, 1, 20)));
        CASES.put("lstm_proj_not_smaller", () -> new LSTM(10, 20, LSTM.options().projSize(20)));
        CASES.put("lstm_proj_negative", () -> new LSTM(10, 20, LSTM.options().projSize(-1)));
        CASES.put("gru_wrong_input_size", () -> new GRU(10, 20).forward(r(5, 3, 8)));
        CASES.put("gru_wrong_h0", () -> new GRU(10, 20).forward(r(5, 3, 10), r(2, 3, 20)));
    }

    @BeforeEach
    void seed() {
        Tensor.manualSeed(0);
    }

    /**
     * Runs code, expects a TorchError (a ShapeError, or a ValueError for a bad value) with torch's first
     * line, an explanation and a fix; returns it.
     */
    private static RuntimeException assertTorchError(String torchText, Executable code) {
        RuntimeException e = assertThrows(RuntimeException.class, code);
        assertTrue(e instanceof TorchError, () -> "expected a TorchError, got " + e);
        assertEquals(torchText, ((TorchError) e).torchMessage());
        String[] lines = e.getMessage().split("\n");
        assertEquals(torchText, lines[0], "the first line is PyTorch's text");
        assertTrue(lines.length == 3 && !lines[1].isBlank() && lines[2].startsWith("  Fix: "),
                () -> "expected an explanation and a fix line:\n" + e.getMessage());
        return e;
    }

    @Test
    @DisplayName("every rnn_/lstm_/gru_ case of errors.json throws PyTorch's first line")
    @SuppressWarnings("unchecked")
    void everyRecurrentCaseOfErrorsJson() throws IOException {
        Map<String, Object> json = Json.parseObject(RecurrentFixtures.DIR.resolve("errors.json"));
        List<String> seen = new ArrayList<>();
        for (Object o : (List<Object>) json.get("errors")) {
            Map<String, Object> c = (Map<String, Object>) o;
            String name = (String) c.get("case");
            if (!name.startsWith("rnn_") && !name.startsWith("lstm_") && !name.startsWith("gru_")) continue;
            assertTrue(CASES.containsKey(name), "no Java version of " + name + ": " + c.get("code"));
            assertTrue((Boolean) c.get("raises"));
            seen.add(name);
            assertTorchError((String) c.get("message"), CASES.get(name));
        }
        assertEquals(List.copyOf(CASES.keySet()), seen, "every Java case comes from errors.json");
    }

    @Test
    @DisplayName("the explanation names the wrong axis of (D*num_layers, N, H) and the shape that works")
    void hiddenSizeExplanations() {
        String batch = assertTorchError("Expected hidden size (1, 3, 20), got [1, 4, 20]",
                CASES.get("rnn_wrong_h0_batch")).getMessage();
        assertTrue(batch.contains("dim 1 should be the batch N = 3"), batch);
        assertTrue(batch.contains("Fix: pass h0 of shape [1, 3, 20]"), batch);
        String layers = assertTorchError("Expected hidden size (2, 3, 20), got [1, 3, 20]",
                CASES.get("rnn_wrong_h0_layers")).getMessage();
        assertTrue(layers.contains("dim 0 should be D*num_layers = 1*2 = 2"), layers);
        String batchFirst = assertTorchError("Expected hidden size (1, 3, 20), got [3, 1, 20]",
                CASES.get("rnn_batch_first_h0_also_batch_first")).getMessage();
        assertTrue(batchFirst.contains("h0.transpose(0, 1)"), batchFirst);
        String unbatched = assertTorchError("Expected hidden size (1, 1, 20), got [1, 1, 21]",
                CASES.get("rnn_unbatched_wrong_h0")).getMessage();
        assertTrue(unbatched.contains("[1, 20]") && unbatched.contains("dim 1 should be hidden_size = 20"), unbatched);
        String proj = assertTorchError("Expected hidden[1] size (1, 3, 20), got [1, 3, 5]",
                CASES.get("lstm_proj_c0_uses_proj_size")).getMessage();
        assertTrue(proj.contains("c0 full cell states (hidden_size=20)"), proj);
        String size = assertTorchError("input.size(-1) must be equal to input_size. Expected 10, got 8",
                CASES.get("rnn_wrong_input_size")).getMessage();
        assertTrue(size.contains("input_size=8"), size);
    }

    @Test
    @DisplayName("checks run in PyTorch's order: state rank, input rank, input size, h0, then c0")
    void checkOrder() {
        assertTorchError("input.size(-1) must be equal to input_size. Expected 10, got 8",
                () -> new RNN(10, 20).forward(r(5, 3, 8), r(1, 4, 20)));
        assertTorchError("For unbatched 2-D input, hx should also be 2-D but got 3-D tensor",
                () -> new RNN(10, 20).forward(r(5, 3, 10, 1), r(1, 3, 20)));
        assertTorchError("Expected hidden[0] size (1, 3, 20), got [1, 4, 20]",
                () -> new LSTM(10, 20).forward(r(5, 3, 10), r(1, 4, 20), r(1, 4, 20)));
        assertTorchError("For batched 3-D input, hx and cx should also be 3-D but got (3-D, 2-D) tensors",
                () -> new LSTM(10, 20).forward(r(5, 3, 10), r(1, 3, 20), r(3, 20)));
        assertTorchError("Expected hidden size (4, 3, 20), got [2, 3, 20]",
                () -> new GRU(10, 20, GRU.options().numLayers(2).bidirectional(true))
                        .forward(r(5, 3, 10), r(2, 3, 20)));
        assertTorchError("Expected hidden[0] size (1, 3, 20), got [3, 1, 20]",
                () -> new LSTM(10, 20, LSTM.options().batchFirst(true)).forward(r(3, 5, 10), r(3, 1, 20), r(1, 3, 20)));
        assertTorchError("input must have 3 dimensions, got 2", () -> new RNN(10, 20).forward(r(10), r(1, 20)));
        assertTorchError("For unbatched 2-D input, hx should also be 2-D but got 3-D tensor",
                () -> new GRU(10, 20).forward(r(5, 10), r(1, 1, 20)));
        IndexOutOfBoundsException scalar = assertThrows(IndexOutOfBoundsException.class,
                () -> new RNN(10, 20).forward(Tensor.scalar(1f), r(1, 3, 20)));
        String outOfRange = "Dimension out of range (expected to be in range of [-1, 0], but got 1)\n";
        assertTrue(scalar.getMessage().startsWith(outOfRange), scalar.getMessage());
        assertTorchError("input must have 3 dimensions, got 1",
                () -> new RNN(10, 20, RNN.options().batchFirst(true)).forward(Tensor.scalar(1f)));
        assertTorchError("Expected hidden[1] size (1, 1, 20), got [1, 1, 5]",
                () -> new LSTM(10, 20, LSTM.options().projSize(5)).forward(r(5, 10), r(1, 5), r(1, 5)));
    }

    @Test
    @DisplayName("cells throw PyTorch's texts for a wrong rank, input size, batch or hidden size")
    void cellErrors() {
        String inputSize = "input has inconsistent input_size: got 8 expected 10";
        assertTorchError(inputSize, () -> new RNNCell(10, 20).forward(r(3, 8)));
        assertTorchError("Input batch size 3 doesn't match hidden0 batch size 4",
                () -> new RNNCell(10, 20).forward(r(3, 10), r(4, 20)));
        assertTorchError("hidden0 has inconsistent hidden_size: got 21, expected 20",
                () -> new RNNCell(10, 20).forward(r(3, 10), r(3, 21)));
        assertTorchError("RNNCell: Expected input to be 1-D or 2-D but received 3-D tensor",
                () -> new RNNCell(10, 20).forward(r(2, 3, 10)));
        assertTorchError("hidden0 has inconsistent hidden_size: got 3, expected 20",
                () -> new RNNCell(10, 20).forward(r(10), r(3, 20)));
        assertTorchError("Input batch size 3 doesn't match hidden0 batch size 20",
                () -> new RNNCell(10, 20).forward(r(3, 10), r(20)));
        assertTorchError("mat1 and mat2 shapes cannot be multiplied (60x1 and 20x20)",
                () -> new RNNCell(10, 20).forward(r(3, 10), r(3, 20, 1)));
        assertTorchError("Input batch size 3 doesn't match hidden0 batch size 4",
                () -> new LSTMCell(10, 20).forward(r(3, 10), r(4, 20), r(3, 20)));
        assertTorchError("hidden1 has inconsistent hidden_size: got 21, expected 20",
                () -> new LSTMCell(10, 20).forward(r(3, 10), r(3, 20), r(3, 21)));
        assertTorchError("LSTMCell: Expected input to be 1-D or 2-D but received 3-D tensor",
                () -> new LSTMCell(10, 20).forward(r(2, 3, 10)));
        assertTorchError("mat1 and mat2 shapes cannot be multiplied (60x1 and 20x60)",
                () -> new GRUCell(10, 20).forward(r(3, 10), r(3, 20, 1)));
        assertTorchError(inputSize, () -> new GRUCell(10, 20).forward(r(8)));
    }

    @Test
    @DisplayName("constructor mistakes PyTorch reports oddly or late still get a clear error")
    void constructorErrors() {
        String zero = assertTorchError("proj_size has to be smaller than hidden_size", () -> new RNN(10, 0))
                .getMessage();
        assertTrue(zero.contains("hidden_size >= 1"), zero);
        assertTorchError("num_layers must be greater than 0", () -> new LSTM(10, 20, 0));
        assertTorchError("Trying to create tensor with negative dimension -1: [20, -1]", () -> new GRU(-1, 20));
        assertTorchError("Unknown nonlinearity 'sigmoid'", () -> new RNNCell(10, 20, true, "sigmoid"));
        assertTorchError("proj_size argument is only supported for LSTM, not RNN or GRU",
                () -> new RNN(10, 20, RNN.options().projSize(0)));
        assertTorchError("RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'",
                () -> new LSTM(10, 20, LSTM.options().nonlinearity("relu")));
        assertTorchError("RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'",
                () -> new GRU(10, 20, GRU.options().nonlinearity("tanh")));
        ShapeError half = assertThrows(ShapeError.class,
                () -> new LSTM(10, 20).forward(r(5, 3, 10), r(1, 3, 20), null));
        assertFalse(half.getMessage().isBlank());
    }
}
