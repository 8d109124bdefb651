package layerwise.interop;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.ExportArgs;

/**
 * The state dict a module would have — keys and shapes, in PyTorch's order — worked out from an export's
 * metadata without building the module or allocating a parameter. A parity check compares it with the
 * shapes a file's header lists before it builds anything, so metadata claiming {@code Linear(40000, 40000)}
 * in a 250-byte file is refused instead of allocating six gigabytes.
 *
 * <p>Sizes are computed in {@code long}; a dimension beyond {@code Integer.MAX_VALUE} is an error naming
 * the parameter. Arguments the module itself would reject (a negative size, groups that do not divide
 * the channels) are left for its constructor to report.
 */
public final class ExportShapes {
    private ExportShapes() {
    }

    /**
     * Most parameter tensors a module read from metadata may have: a safetensors header holds at most a
     * million JSON values (several per tensor), so a module with more could never match a readable file.
     */
    static final long MAX_TENSORS = 1_000_000L;

    /** Deepest nesting of Sequentials read from metadata; real models nest a few levels. */
    static final int MAX_NESTING = 32;

    /** Keys and shapes of the state dict of the module {@code metadata} describes. */
    public static Map<String, int[]> stateDict(Map<String, String> metadata) {
        checkNesting(metadata);
        Map<String, int[]> shapes = new LinkedHashMap<>();
        add(shapes, "", metadata);
        return shapes;
    }

    /** Refuses nesting deeper than {@link #MAX_NESTING} in one pass, before any level is taken apart. */
    private static void checkNesting(Map<String, String> metadata) {
        for (String key : metadata.keySet()) {
            int levels = 0;
            int at = 0;
            for (int dot = key.indexOf('.'); dot > at; dot = key.indexOf('.', at)) {
                at = dot + 1;
                if (++levels > MAX_NESTING) {
                    throw new IllegalArgumentException("metadata nests Sequentials deeper than " + MAX_NESTING
                            + " levels (at " + key.substring(0, at) + ")");
                }
            }
        }
    }

    private static void add(Map<String, int[]> shapes, String prefix, Map<String, String> metadata) {
        ExportArgs a = new ExportArgs(metadata, "metadata");
        String module = a.string("module");
        switch (module) {
            case "Linear" -> {
                long in = a.integer("in_features");
                long out = a.integer("out_features");
                put(shapes, prefix, "weight", out, in);
                if (!a.has("bias") || a.bool("bias")) put(shapes, prefix, "bias", out);
            }
            case "Conv2d" -> {
                int[] k = a.ints("kernel_size");
                long kh = k[0];
                long kw = k.length > 1 ? k[1] : k[0];
                long groups = a.has("groups") ? a.integer("groups") : 1;
                long in = a.integer("in_channels");
                long out = a.integer("out_channels");
                put(shapes, prefix, "weight", out, groups > 0 ? in / groups : in, kh, kw);
                if (!a.has("bias") || a.bool("bias")) put(shapes, prefix, "bias", out);
            }
            case "RNN", "LSTM", "GRU" -> recurrent(shapes, prefix, module, a);
            case "RNNCell", "LSTMCell", "GRUCell" -> {
                long gates = module.equals("LSTMCell") ? 4 : module.equals("GRUCell") ? 3 : 1;
                long hidden = a.integer("hidden_size");
                put(shapes, prefix, "weight_ih", gates * hidden, a.integer("input_size"));
                put(shapes, prefix, "weight_hh", gates * hidden, hidden);
                if (!a.has("bias") || a.bool("bias")) {
                    put(shapes, prefix, "bias_ih", gates * hidden);
                    put(shapes, prefix, "bias_hh", gates * hidden);
                }
            }
            case "Sequential" -> children(metadata).forEach((name, child) -> add(shapes, prefix + name + ".", child));
            default -> {
                if (!ModuleFactory.knows(module)) throw ModuleFactory.unknown(module);
                if (ModuleFactory.hasParameters(module)) {
                    throw new IllegalStateException("ExportShapes does not know the parameters of " + module);
                }
            }
        }
    }

    /**
     * A Sequential's children from its metadata: the entries under "0.", "1.", ... with that prefix removed,
     * by index, for the indices 0, 1, 2, ... that have a "module" (one pass over the entries).
     */
    static Map<String, Map<String, String>> children(Map<String, String> metadata) {
        Map<String, Map<String, String>> byIndex = new LinkedHashMap<>();
        metadata.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot > 0 && k.substring(0, dot).matches("0|[1-9]\\d{0,8}")) {
                byIndex.computeIfAbsent(String.valueOf(Integer.parseInt(k.substring(0, dot))),
                        i -> new LinkedHashMap<>()).put(k.substring(dot + 1), v);
            }
        });
        Map<String, Map<String, String>> children = new LinkedHashMap<>();
        for (int i = 0; byIndex.containsKey(String.valueOf(i)) && byIndex.get(String.valueOf(i)).containsKey("module"); i++) {
            children.put(String.valueOf(i), byIndex.get(String.valueOf(i)));
        }
        return children;
    }

    /** RNN, LSTM, GRU: see {@link layerwise.nn.RNNBase} for the names and shapes. */
    private static void recurrent(Map<String, int[]> shapes, String prefix, String module, ExportArgs a) {
        long gates = module.equals("LSTM") ? 4 : module.equals("GRU") ? 3 : 1;
        long in = a.integer("input_size");
        long hidden = a.integer("hidden_size");
        long layers = a.has("num_layers") ? a.integer("num_layers") : 1;
        boolean bias = !a.has("bias") || a.bool("bias");
        boolean bidirectional = a.has("bidirectional") && a.bool("bidirectional");
        long proj = a.has("proj_size") ? a.integer("proj_size") : 0;
        long out = proj > 0 ? proj : hidden;
        long perLayer = (bidirectional ? 2 : 1) * (2 + (bias ? 2 : 0) + (proj > 0 ? 1 : 0));
        if (layers > MAX_TENSORS / perLayer) {
            // counted before any key is built: num_layers=2000000000 would otherwise build billions of names
            throw new IllegalArgumentException(prefix + module + " with num_layers=" + layers + " would have "
                    + layers * perLayer + " parameter tensors, more than"
                    + " the " + MAX_TENSORS + " any safetensors header can list");
        }
        for (long layer = 0; layer < layers; layer++) {
            for (String sfx : bidirectional ? List.of("", "_reverse") : List.of("")) {
                String s = "_l" + layer + sfx;
                long layerIn = layer == 0 ? in : (bidirectional ? 2 : 1) * out;
                put(shapes, prefix, "weight_ih" + s, gates * hidden, layerIn);
                put(shapes, prefix, "weight_hh" + s, gates * hidden, out);
                if (bias) {
                    put(shapes, prefix, "bias_ih" + s, gates * hidden);
                    put(shapes, prefix, "bias_hh" + s, gates * hidden);
                }
                if (proj > 0) put(shapes, prefix, "weight_hr" + s, proj, hidden);
            }
        }
    }

    private static void put(Map<String, int[]> shapes, String prefix, String name, long... dims) {
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(prefix + name + " would need a dimension of " + dims[i]
                        + ", more than the largest tensor dimension, " + Integer.MAX_VALUE);
            }
            shape[i] = (int) dims[i];
        }
        shapes.put(prefix + name, shape);
    }
}
