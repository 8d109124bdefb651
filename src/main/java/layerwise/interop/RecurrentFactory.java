package layerwise.interop;

import java.util.LinkedHashMap;
import java.util.Map;

import layerwise.io.ExportArgs;
import layerwise.nn.GRU;
import layerwise.nn.GRUCell;
import layerwise.nn.LSTM;
import layerwise.nn.LSTMCell;
import layerwise.nn.RNN;
import layerwise.nn.RNNBase;
import layerwise.nn.RNNCell;
import layerwise.nn.RNNOptions;
import layerwise.nn.RNNOutput;
import layerwise.nn.RecurrentCellBase;
import layerwise.nn.TensorModule;
import layerwise.tensor.Tensor;

/**
 * {@link ModuleFactory}'s recurrent half: builds RNN, LSTM, GRU and their cells from a PyTorch export's
 * arguments and runs them with the export's tensor names ({@code input}, {@code h0}, {@code c0} in;
 * {@code output}, {@code h_n}, {@code c_n} out).
 */
final class RecurrentFactory {

    private RecurrentFactory() {
    }

    /** {@code module} is "RNN", "LSTM" or "GRU"; arguments missing from the metadata take PyTorch's defaults. */
    static RNNBase build(String module, ExportArgs a) {
        RNNOptions o = RNNBase.options();
        if (a.has("num_layers")) o.numLayers(a.integer("num_layers"));
        if (a.has("bias")) o.bias(a.bool("bias"));
        if (a.has("batch_first")) o.batchFirst(a.bool("batch_first"));
        if (a.has("dropout")) o.dropout(a.decimal("dropout"));
        if (a.has("bidirectional")) o.bidirectional(a.bool("bidirectional"));
        if (a.has("nonlinearity")) o.nonlinearity(a.string("nonlinearity"));
        if (a.has("proj_size")) o.projSize(a.integer("proj_size"));
        int in = a.integer("input_size");
        int hidden = a.integer("hidden_size");
        return switch (module) {
            case "RNN" -> new RNN(in, hidden, o);
            case "LSTM" -> new LSTM(in, hidden, o);
            case "GRU" -> new GRU(in, hidden, o);
            default -> throw new IllegalArgumentException("not a recurrent module: " + module);
        };
    }

    /** "RNNCell", "LSTMCell" or "GRUCell"; bias and nonlinearity take PyTorch's defaults when missing. */
    static RecurrentCellBase cell(String module, ExportArgs a) {
        int in = a.integer("input_size");
        int hidden = a.integer("hidden_size");
        boolean bias = !a.has("bias") || a.bool("bias");
        return switch (module) {
            case "RNNCell" -> new RNNCell(in, hidden, bias, a.has("nonlinearity") ? a.string("nonlinearity") : "tanh");
            case "LSTMCell" -> new LSTMCell(in, hidden, bias);
            case "GRUCell" -> new GRUCell(in, hidden, bias);
            default -> throw new IllegalArgumentException("not a recurrent cell: " + module);
        };
    }

    /** One step of a cell on {@code input} (and {@code h0}, {@code c0}): output = h' (and c_n = c'). */
    static Map<String, Tensor> forward(RecurrentCellBase cell, Map<String, Tensor> data) {
        Tensor input = data.get("input");
        Tensor h0 = data.get("h0");
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (cell instanceof LSTMCell lstm) {
            LSTMCell.State s = h0 == null ? lstm.forward(input) : lstm.forward(input, h0, data.get("c0"));
            out.put("output", s.h());
            out.put("c_n", s.c());
        } else {
            TensorModule step = (TensorModule) cell;
            out.put("output", h0 == null ? step.forward(input)
                    : cell instanceof RNNCell rnn ? rnn.forward(input, h0) : ((GRUCell) cell).forward(input, h0));
        }
        return out;
    }

    /** Runs on {@code input} (and {@code h0}, {@code c0} when present); returns output, h_n (and c_n). */
    static Map<String, Tensor> forward(RNNBase module, Map<String, Tensor> data) {
        Tensor input = data.get("input");
        Tensor h0 = data.get("h0");
        Tensor c0 = data.get("c0");
        RNNOutput r = module instanceof LSTM lstm ? lstm.forward(input, h0, c0)
                : module instanceof GRU gru ? gru.forward(input, h0) : ((RNN) module).forward(input, h0);
        Map<String, Tensor> out = new LinkedHashMap<>();
        out.put("output", r.output());
        out.put("h_n", r.hN());
        if (r.cN() != null) out.put("c_n", r.cN());
        return out;
    }
}
