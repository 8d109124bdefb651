package layerwise.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import layerwise.tensor.Tensor;

/**
 * A parity fixture: a safetensors file holding one PyTorch module's state dict, an {@code input}, the
 * {@code output} PyTorch computed (plus {@code h_n}, {@code c_n} for RNN, LSTM and GRU; {@code c_n}, the new
 * cell state, for LSTMCell; {@code indices} for MaxPool2d with return_indices; and {@code h0}, {@code c0}
 * when an initial state was passed), and a {@code __metadata__} map with {@code module}, its constructor
 * arguments as strings, and bookkeeping keys. A Sequential's children are described under their dotted
 * names, like their parameters: {@code "0.module": "Linear"}, {@code "0.in_features": "6"}, ...
 *
 * <p>It may also hold gradients, each optional: upstream gradients {@code grad_output}, {@code grad_h_n},
 * {@code grad_c_n} (of the shapes of {@code output}, {@code h_n}, {@code c_n}), and the gradients PyTorch's
 * backward computed from them for L = Σ output·grad_output + Σ h_n·grad_h_n + Σ c_n·grad_c_n:
 * {@code grad.input}, {@code grad.h0}, {@code grad.c0} and {@code grad.<state dict key>} (e.g.
 * {@code grad.weight_ih_l0_reverse}, {@code grad.0.weight}).
 *
 * <p>Constructor arguments keep the form they were passed to PyTorch in: {@code "3"} or {@code "[3, 2]"}
 * for sizes, {@code "true"}/{@code "false"}, {@code "0.3"}, {@code "same"}. Bookkeeping keys:
 * {@code case, torch_version, mode, init_seed, data_seed, grad_seed, batched, has_h0, max_abs_diff_f32_vs_f64}.
 * The fixtures under {@code src/test/resources/fixtures/pytorch-1.13} are made by
 * {@code src/test/python/gen_fixtures.py}.
 */
public final class Fixture {

    /**
     * Tensors that are data, not parameters: these, and every tensor named {@link #GRAD_PREFIX}..., are
     * not the state dict.
     */
    public static final Set<String> DATA_TENSORS = Set.of("input", "output", "h0", "c0", "h_n", "c_n", "indices",
            "grad_output", "grad_h_n", "grad_c_n");
    /** The prefix of a gradient's name: {@code grad.input}, {@code grad.weight}, {@code grad.0.bias}. */
    public static final String GRAD_PREFIX = "grad.";
    /** Metadata keys that are not constructor arguments. */
    public static final Set<String> BOOKKEEPING = Set.of("module", "case", "torch_version", "mode", "init_seed",
            "data_seed", "grad_seed", "batched", "has_h0", "max_abs_diff_f32_vs_f64");
    private static final List<String> OUTPUTS = List.of("output", "h_n", "c_n", "indices");
    /** Each differentiable result and the name of its upstream gradient (indices have none). */
    private static final Map<String, String> UPSTREAM = upstreamNames();

    private final Path path;
    private final Map<String, String> metadata;
    private final Map<String, Tensor> tensors;
    private final ExportArgs args;

    private Fixture(Path path, Map<String, String> metadata, Map<String, Tensor> tensors) {
        this.path = path;
        this.metadata = metadata;
        this.tensors = tensors;
        this.args = new ExportArgs(metadata, path.toString());
    }

    /** Reads a fixture; a file that is not valid safetensors or lacks module/input/output is refused. */
    public static Fixture read(Path file) throws IOException {
        SafeTensorsFile f = SafeTensors.read(file);
        if (!f.metadata().containsKey("module")) {
            throw new TensorFileException(file, "not a parity fixture: its __metadata__ has no \"module\" key"
                    + " (found " + f.metadata().keySet() + ")");
        }
        for (String required : List.of("input", "output")) {
            if (!f.tensors().containsKey(required)) {
                throw new TensorFileException(file, "not a parity fixture: it has no \"" + required + "\" tensor"
                        + " (found " + f.tensors().keySet() + ")");
            }
        }
        return new Fixture(file, f.metadata(), f.tensors());
    }

    public Path path() {
        return path;
    }

    /** The case name ({@code case} in the metadata), or the file name without its extension. */
    public String name() {
        String fileName = path.getFileName().toString();
        return metadata.getOrDefault("case", fileName.replaceFirst("\\.safetensors$", ""));
    }

    /** The PyTorch class name: "Linear", "Conv2d", "LSTM", "MaxPool2d", "Sequential", ... */
    public String module() {
        return metadata.get("module");
    }

    /** The whole {@code __metadata__} map, in file order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** The constructor arguments (metadata without the bookkeeping keys), in PyTorch's positional order. */
    public Map<String, String> constructorArgs() {
        Map<String, String> args = new LinkedHashMap<>(metadata);
        args.keySet().removeAll(BOOKKEEPING);
        return Collections.unmodifiableMap(args);
    }

    /** The metadata parsed as PyTorch arguments ({@code args().ints("kernel_size")}); errors name this file. */
    public ExportArgs args() {
        return args;
    }

    /** The {@code torch.manual_seed} value set before PyTorch constructed the module. */
    public long initSeed() {
        return args.longInteger("init_seed");
    }

    /**
     * Every tensor that is not data (input, output, h0, c0, h_n, c_n, indices, the upstream gradients) nor
     * a gradient (grad.*), in file order, PyTorch key names.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> sd = new LinkedHashMap<>(tensors);
        sd.keySet().removeAll(DATA_TENSORS);
        sd.keySet().removeIf(name -> name.startsWith(GRAD_PREFIX));
        return Collections.unmodifiableMap(sd);
    }

    public Tensor input() {
        return tensors.get("input");
    }

    /** The module's (first) output as PyTorch computed it. */
    public Tensor output() {
        return tensors.get("output");
    }

    public Optional<Tensor> h0() {
        return Optional.ofNullable(tensors.get("h0"));
    }

    public Optional<Tensor> c0() {
        return Optional.ofNullable(tensors.get("c0"));
    }

    public Optional<Tensor> hN() {
        return Optional.ofNullable(tensors.get("h_n"));
    }

    public Optional<Tensor> cN() {
        return Optional.ofNullable(tensors.get("c_n"));
    }

    /** What a parity check compares: "output", then "h_n", "c_n" and "indices" when present. */
    public Map<String, Tensor> expectedOutputs() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : OUTPUTS) {
            if (tensors.containsKey(name)) {
                out.put(name, tensors.get(name));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The upstream gradient of each result the file has one for, keyed by the result's name:
     * {@code "output"} → grad_output, {@code "h_n"} → grad_h_n, {@code "c_n"} → grad_c_n. Empty for a file
     * without gradients.
     */
    public Map<String, Tensor> upstreamGradients() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        UPSTREAM.forEach((result, name) -> {
            if (tensors.containsKey(name)) out.put(result, tensors.get(name));
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * The gradients PyTorch computed, keyed by what they are the gradient of ({@code "input"}, {@code "h0"},
     * {@code "c0"}, or a state dict key such as {@code "weight_ih_l0_reverse"}), in file order; the file
     * names them {@code grad.<key>}. Empty for a file without gradients.
     */
    public Map<String, Tensor> expectedGradients() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            if (name.startsWith(GRAD_PREFIX)) out.put(name.substring(GRAD_PREFIX.length()), t);
        });
        return Collections.unmodifiableMap(out);
    }

    /** Every tensor in the file, in file order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    private static Map<String, String> upstreamNames() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("output", "grad_output");
        m.put("h_n", "grad_h_n");
        m.put("c_n", "grad_c_n");
        return Collections.unmodifiableMap(m);
    }

    @Override
    public String toString() {
        return "Fixture(" + name() + ", " + module() + constructorArgs() + ")";
    }

}
