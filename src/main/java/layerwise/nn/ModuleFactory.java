package layerwise.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.ExportArgs;
import layerwise.tensor.Tensor;

/**
 * Builds a module from the string arguments of a PyTorch export (a fixture's {@code __metadata__}:
 * {@code module} plus each constructor argument as it was passed, e.g. {@code "3"}, {@code "[3, 2]"},
 * {@code "same"}, {@code "true"}), and runs it with named tensors, so that one parity check covers every
 * kind of layer.
 */
public final class ModuleFactory {
    /** The modules this factory builds, for error messages. */
    static final List<String> KNOWN = List.of("Linear", "Conv2d", "RNN", "LSTM", "GRU");
    /** Modules without parameters (their state dict is empty). */
    static final List<String> PARAMETERLESS = List.of("MaxPool2d", "AvgPool2d", "Flatten", "ReLU", "LeakyReLU",
            "Tanh", "Sigmoid", "Dropout");

    private ModuleFactory() {
    }

    /** The module named by {@code metadata.get("module")}, built with PyTorch's arguments from the metadata. */
    public static Module fromMetadata(Map<String, String> metadata) {
        ExportArgs a = new ExportArgs(metadata, "metadata");
        String module = a.string("module");
        switch (module) {
            case "Linear":
                return new Linear(a.integer("in_features"), a.integer("out_features"), a.bool("bias"));
            case "Conv2d":
                return conv2d(a);
            case "RNN":
            case "LSTM":
            case "GRU":
                return RecurrentFactory.build(module, a);
            default:
                throw new IllegalArgumentException("no module \"" + module + "\" to build from metadata (known: "
                        + String.join(", ", KNOWN) + ")");
        }
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
     * {@code "c0"} when given) and returns its named results: {@code "output"} (and {@code "h_n"},
     * {@code "c_n"} for recurrent modules), the names a PyTorch export stores them under.
     */
    public static Map<String, Tensor> forward(Module module, Map<String, Tensor> data) {
        Tensor input = data.get("input");
        if (input == null) {
            throw new IllegalArgumentException("no \"input\" tensor to run " + module.getClass().getSimpleName() + " on");
        }
        if (module instanceof RNNBase) return RecurrentFactory.forward((RNNBase) module, data);
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (module instanceof TensorModule) {
            out.put("output", ((TensorModule) module).forward(input));
            return out;
        }
        throw new IllegalArgumentException(module.getClass().getSimpleName() + " has no forward pass that "
                + "ModuleFactory knows how to run");
    }
}
