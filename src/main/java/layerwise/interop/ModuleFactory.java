package layerwise.interop;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.ExportArgs;
import layerwise.nn.AvgPool2d;
import layerwise.nn.Conv2d;
import layerwise.nn.Conv2dOptions;
import layerwise.nn.Dropout;
import layerwise.nn.Flatten;
import layerwise.nn.LeakyReLU;
import layerwise.nn.Linear;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.nn.RNNBase;
import layerwise.nn.RecurrentCellBase;
import layerwise.nn.ReLU;
import layerwise.nn.Sequential;
import layerwise.nn.Sigmoid;
import layerwise.nn.Tanh;
import layerwise.nn.TensorModule;
import layerwise.tensor.Tensor;

/**
 * Builds a module from the string arguments of a PyTorch export (a fixture's {@code __metadata__}:
 * {@code module} plus each constructor argument as it was passed, e.g. {@code "3"}, {@code "[3, 2]"},
 * {@code "same"}, {@code "true"}), and runs it with named tensors, so that one parity check covers every
 * kind of layer.
 *
 * <p>Its catalogue is the one list of the modules that have a {@code torch.nn} class of the same name and
 * arguments: {@code ./workbook parity} builds them, {@link ExportShapes} plans their state dicts and
 * {@link PyTorchCode} prints them. A new module is one entry here (and its parameters' shapes in
 * ExportShapes, if it has any).
 */
public final class ModuleFactory {

    /** How one module is built from its export arguments (metadata: the whole map, for a Sequential's children). */
    private interface Builder {
        Module build(ExportArgs a, Map<String, String> metadata);
    }

    /** A catalogue entry: whether the module has parameters, and how it is built. */
    private record Entry(boolean parameters, Builder builder) {
    }

    private static final Map<String, Entry> CATALOGUE = catalogue();

    private ModuleFactory() {
    }

    private static Map<String, Entry> catalogue() {
        Map<String, Entry> c = new LinkedHashMap<>();
        c.put("Linear", new Entry(true, (a, m) -> new Linear(a.integer("in_features"), a.integer("out_features"),
                !a.has("bias") || a.bool("bias"))));
        c.put("Conv2d", new Entry(true, (a, m) -> conv2d(a)));
        for (String name : List.of("RNN", "LSTM", "GRU")) {
            c.put(name, new Entry(true, (a, m) -> RecurrentFactory.build(name, a)));
        }
        for (String name : List.of("RNNCell", "LSTMCell", "GRUCell")) {
            c.put(name, new Entry(true, (a, m) -> RecurrentFactory.cell(name, a)));
        }
        c.put("MaxPool2d", new Entry(false, (a, m) -> new MaxPool2d(a.ints("kernel_size"), stride(a), ints(a, "padding", 0),
                ints(a, "dilation", 1), flag(a, "return_indices", false), flag(a, "ceil_mode", false))));
        c.put("AvgPool2d", new Entry(false, (a, m) -> new AvgPool2d(a.ints("kernel_size"), stride(a), ints(a, "padding", 0),
                flag(a, "ceil_mode", false), flag(a, "count_include_pad", true), divisorOverride(a))));
        c.put("Flatten", new Entry(false, (a, m) -> new Flatten(a.has("start_dim") ? a.integer("start_dim") : 1,
                a.has("end_dim") ? a.integer("end_dim") : -1)));
        c.put("ReLU", new Entry(false, (a, m) -> notInPlace(a, new ReLU())));
        c.put("LeakyReLU", new Entry(false, (a, m) -> notInPlace(a,
                new LeakyReLU(a.has("negative_slope") ? a.decimal("negative_slope") : 0.01))));
        c.put("Tanh", new Entry(false, (a, m) -> new Tanh()));
        c.put("Sigmoid", new Entry(false, (a, m) -> new Sigmoid()));
        c.put("Dropout", new Entry(false, (a, m) -> notInPlace(a, new Dropout(a.has("p") ? a.decimal("p") : 0.5))));
        c.put("Sequential", new Entry(true, (a, m) -> sequential(m)));
        return Collections.unmodifiableMap(c);
    }

    /** The torch.nn names of the modules this factory builds, in the catalogue's order. */
    public static List<String> known() {
        return List.copyOf(CATALOGUE.keySet());
    }

    /** Whether {@code module} is in the catalogue. */
    static boolean knows(String module) {
        return CATALOGUE.containsKey(module);
    }

    /** Whether a module of the catalogue has parameters (a Sequential may: its children's). */
    static boolean hasParameters(String module) {
        return CATALOGUE.get(module).parameters();
    }

    /**
     * The module named by {@code metadata.get("module")}, built with PyTorch's arguments from the metadata.
     * Arguments missing from the metadata take PyTorch's defaults; a Sequential's children are read from
     * the entries under "0.", "1.", ... (see {@link ExportShapes}), in order, so their default
     * initialisation draws in the order PyTorch's does.
     */
    public static Module fromMetadata(Map<String, String> metadata) {
        ExportArgs a = new ExportArgs(metadata, "metadata");
        String module = a.string("module");
        if (!knows(module)) throw unknown(module);
        return CATALOGUE.get(module).builder().build(a, metadata);
    }

    /** The error for a module name outside the catalogue. */
    static IllegalArgumentException unknown(String module) {
        return new IllegalArgumentException("no module \"" + module + "\" to build from metadata (known: "
                + String.join(", ", known()) + ")");
    }

    private static Sequential sequential(Map<String, String> metadata) {
        Sequential seq = new Sequential();
        ExportShapes.children(metadata).forEach((index, child) -> {
            Module m = fromMetadata(child);
            if (!(m instanceof TensorModule)) {
                throw new IllegalArgumentException("metadata: Sequential child " + index + " ("
                        + m.getClass().getSimpleName() + ") has no one-tensor forward, so it cannot be chained");
            }
            seq.append(m);
        });
        return seq;
    }

    /** A pool's stride: PyTorch's None (or no entry) is the kernel size. */
    private static int[] stride(ExportArgs a) {
        return !a.has("stride") || a.string("stride").equals("None") ? null : a.ints("stride");
    }

    private static int[] ints(ExportArgs a, String key, int absent) {
        return a.has(key) ? a.ints(key) : new int[] {absent};
    }

    private static boolean flag(ExportArgs a, String key, boolean absent) {
        return a.has(key) ? a.bool(key) : absent;
    }

    private static Integer divisorOverride(ExportArgs a) {
        return !a.has("divisor_override") || a.string("divisor_override").equals("None") ? null
                : a.integer("divisor_override");
    }

    /** Modules here never overwrite their input, so inplace=True cannot be honoured. */
    private static Module notInPlace(ExportArgs a, Module module) {
        if (a.has("inplace") && a.bool("inplace")) {
            throw new IllegalArgumentException("metadata: " + module.getClass().getSimpleName() + "(inplace=True) is not"
                    + " supported: layerwise's modules always return a new tensor (export the module with inplace=False;"
                    + " the output is the same)");
        }
        return module;
    }

    private static Module conv2d(ExportArgs a) {
        Conv2dOptions o = Conv2d.options().
                stride(a.ints("stride")).
                dilation(a.ints("dilation")).
                groups(a.integer("groups")).
                bias(a.bool("bias")).
                paddingMode(a.string("padding_mode"));
        String padding = a.string("padding");
        if (padding.equals("same") || padding.equals("valid")) {
            o.padding(padding);
        } else {
            o.padding(a.ints("padding"));
        }
        return new Conv2d(a.integer("in_channels"), a.integer("out_channels"), a.ints("kernel_size"), o);
    }

    /**
     * Runs the module's forward pass on named data tensors ({@code "input"}, and {@code "h0"},
     * {@code "c0"} when given) and returns its named results, the names a PyTorch export stores them
     * under: {@code "output"}, and {@code "h_n"}, {@code "c_n"} for RNN, LSTM and GRU; {@code "c_n"} (the
     * new cell state) for LSTMCell; {@code "indices"} for MaxPool2d with return_indices.
     */
    public static Map<String, Tensor> forward(Module module, Map<String, Tensor> data) {
        Tensor input = data.get("input");
        if (input == null) {
            throw new IllegalArgumentException("no \"input\" tensor to run " + module.getClass().getSimpleName() + " on");
        }
        if (module instanceof RNNBase recurrent) return RecurrentFactory.forward(recurrent, data);
        if (module instanceof RecurrentCellBase cell) return RecurrentFactory.forward(cell, data);
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (module instanceof MaxPool2d pool && pool.returnIndices()) {
            MaxPool2d.WithIndices r = pool.forwardWithIndices(input);
            out.put("output", r.output());
            out.put("indices", r.indices());
            return out;
        }
        if (module instanceof TensorModule) {
            out.put("output", ((TensorModule) module).forward(input));
            return out;
        }
        throw new IllegalArgumentException(module.getClass().getSimpleName() + " has no forward pass that "
                + "ModuleFactory knows how to run");
    }
}
