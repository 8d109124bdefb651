package layerwise.nn;

import java.util.List;

import layerwise.tensor.ValueError;

/**
 * A layer with more than one output put into a Sequential. PyTorch builds
 * {@code nn.Sequential(nn.LSTM(4, 6), nn.Linear(6, 2))} and fails only in forward, when the next layer gets a
 * tuple; here the recurrent layers return a record, so the mistake is caught when the Sequential is built,
 * with the line of code that does what was meant.
 */
final class NotOneTensor {
    private NotOneTensor() {
    }

    static ValueError inSequential(List<Module> layers, int i) {
        Module layer = layers.get(i);
        String name = name(layer);
        String returns = returns(layer);
        String var = varName(layer);
        String take = layer instanceof LSTMCell ? ".h()" : ".output()";
        int n = layers.size();
        String before = i == 0 ? null : i == 1 ? varName(layers.get(0)) : "before";
        String after = i + 1 == n ? null : i + 2 == n ? varName(layers.get(i + 1)) : "after";
        String call = var + ".forward(" + (before == null ? "x" : before + ".forward(x)") + ")" + take;
        StringBuilder fix = new StringBuilder("call the ").append(name).append(" on its own and take ").append(take)
                .append(after == null ? ": " + call : ", then apply the " + (i + 2 == n ? name(layers.get(i + 1))
                        : "layers after it") + ": " + after + ".forward(" + call + ")")
                .append(", with ").append(var).append(" = (").append(i).append(") ").append(layer);
        if (before != null) fix.append(", ").append(before).append(" = ").append(range(layers, 0, i));
        if (after != null) fix.append(", ").append(after).append(" = ").append(range(layers, i + 1, n));
        if (layer instanceof RNNBase && after != null) {
            fix.append(". output has every time step; for the last one only, take .output().select(0, -1)"
                    + " (.select(1, -1) with batchFirst)");
        }
        return new ValueError("(" + i + ") " + layer + " is not a one-tensor module: it returns " + returns,
                "Sequential passes one tensor from each layer to the next, so every layer needs forward(Tensor) -> Tensor."
                        + " In PyTorch this fails only in forward (\"must be Tensor, not tuple\").",
                fix.toString());
    }

    private static String returns(Module layer) {
        if (layer instanceof LSTM) return "(output, (h_n, c_n)), as RNNOutput(output, hN, cN)";
        if (layer instanceof RNNBase) return "(output, h_n), as RNNOutput(output, hN)";
        if (layer instanceof LSTMCell) return "(h_1, c_1), as State(h, c)";
        return "something other than one tensor";
    }

    /** "(1) Linear(...)", or "a Sequential of (1) Linear(...) .. (3) ReLU()". */
    private static String range(List<Module> layers, int from, int to) {
        String first = "(" + from + ") " + layers.get(from);
        return to - from == 1 ? first : "a Sequential of " + first + " .. (" + (to - 1) + ") " + layers.get(to - 1);
    }

    private static String name(Module layer) {
        return layer.getClass().getSimpleName();
    }

    /** The variable a learner would write: linear for a Linear, lstm for an LSTM, gruCell for a GRUCell. */
    private static String varName(Module layer) {
        String s = name(layer);
        int caps = 0;
        while (caps < s.length() && Character.isUpperCase(s.charAt(caps))) caps++;
        int lower = caps == s.length() || caps == 1 ? caps : caps - 1;
        return s.substring(0, lower).toLowerCase() + s.substring(lower);
    }
}
