package layerwise.shape;

import layerwise.init.Fans;
import layerwise.init.Init;
import layerwise.nn.Conv2d;
import layerwise.nn.GRU;
import layerwise.nn.GRUCell;
import layerwise.nn.LSTM;
import layerwise.nn.LSTMCell;
import layerwise.nn.Linear;
import layerwise.nn.Module;
import layerwise.nn.RNNBase;
import layerwise.nn.RecurrentCellBase;
import layerwise.tensor.Tensor;

/**
 * One parameter as a summary lists it: its PyTorch key and shape, element count, fans, the bound of
 * PyTorch's default init {@code U(-bound, bound)} and, for a recurrent weight, how its rows split into
 * gates.
 *
 * @param fanIn  {@code weight.size(1) * receptive field}; -1 for a 1-D tensor (PyTorch defines no fans)
 * @param bound  NaN when the module has no PyTorch default init (not a Linear, Conv2d or recurrent layer)
 * @param gates  "i|f|g|o" (LSTM), "r|z|n" (GRU), "projection" (weight_hr), or "" when not recurrent
 */
public record ParamInfo(String key, int[] shape, long count, int fanIn, int fanOut, double bound, String gates) {

    static ParamInfo of(Module owner, String prefix, String name, Tensor p) {
        int fanIn = -1;
        int fanOut = -1;
        if (p.dim() >= 2) {
            Fans f = Init.calculateFanInAndFanOut(p);
            fanIn = f.fanIn();
            fanOut = f.fanOut();
        }
        return new ParamInfo(prefix + name, p.shape(), p.numel(), fanIn, fanOut, bound(owner), gates(owner, name));
    }

    /**
     * PyTorch's default init: Linear and Conv2d draw the weight with kaiming_uniform_(a=√5), whose bound is
     * 1/√fan_in, and the bias from the same range; the recurrent layers draw everything from
     * U(±1/√hidden_size).
     */
    private static double bound(Module m) {
        if (m instanceof Linear || m instanceof Conv2d) {
            Tensor w = m.namedParameters().get("weight");
            int fanIn = Init.calculateFanInAndFanOut(w).fanIn();
            return fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
        }
        int hidden = m instanceof RNNBase r ? r.hiddenSize() : m instanceof RecurrentCellBase c ? c.hiddenSize() : -1;
        if (hidden < 0) return Double.NaN;
        return hidden > 0 ? 1 / Math.sqrt(hidden) : 0;
    }

    private static String gates(Module m, String name) {
        boolean recurrent = m instanceof RNNBase || m instanceof RecurrentCellBase;
        if (!recurrent) return "";
        if (name.startsWith("weight_hr")) return "projection";
        if (m instanceof LSTM || m instanceof LSTMCell) return "i|f|g|o";
        if (m instanceof GRU || m instanceof GRUCell) return "r|z|n";
        return "";
    }

    /** "fan_in=27 fan_out=144  U(±0.1925)  rows i|f|g|o = 4×20". */
    String details() {
        StringBuilder sb = new StringBuilder();
        if (fanIn >= 0) sb.append("fan_in=").append(fanIn).append(" fan_out=").append(fanOut);
        if (!Double.isNaN(bound)) {
            String b = String.format(java.util.Locale.ROOT, "%.4f", bound);
            sb.append(sb.length() > 0 ? "  " : "").append("init U(±").append(b).append(')');
        }
        if (gates.equals("projection")) {
            sb.append("  projection h = W_hr·h");
        } else if (!gates.isEmpty()) {
            int parts = gates.split("\\|").length;
            sb.append("  rows ").append(gates).append(" = ").append(parts).append('×').append(shape[0] / parts);
        }
        return sb.toString();
    }
}
