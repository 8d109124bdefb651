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
 * {@code output} PyTorch computed (plus {@code h_n}, {@code c_n} for recurrent modules, and {@code h0},
 * {@code c0} when an initial state was passed), and a {@code __metadata__} map with {@code module}, its
 * constructor arguments as strings, and bookkeeping keys.
 *
 * <p>Constructor arguments keep the form they were passed to PyTorch in: {@code "3"} or {@code "[3, 2]"}
 * for sizes, {@code "true"}/{@code "false"}, {@code "0.3"}, {@code "same"}. Bookkeeping keys:
 * {@code case, torch_version, mode, init_seed, data_seed, batched, has_h0, max_abs_diff_f32_vs_f64}.
 * The fixtures under {@code src/test/resources/fixtures/pytorch-1.13} are made by
 * {@code src/test/python/gen_fixtures.py}.
 */
public final class Fixture {

    /** Tensors that are data, not parameters: everything else in the file is the state dict. */
    public static final Set<String> DATA_TENSORS = Set.of("input", "output", "h0", "c0", "h_n", "c_n");
    /** Metadata keys that are not constructor arguments. */
    public static final Set<String> BOOKKEEPING = Set.of("module", "case", "torch_version", "mode", "init_seed",
            "data_seed", "batched", "has_h0", "max_abs_diff_f32_vs_f64");
    private static final List<String> OUTPUTS = List.of("output", "h_n", "c_n");

    private final Path path;
    private final Map<String, String> metadata;
    private final Map<String, Tensor> tensors;

    private Fixture(Path path, Map<String, String> metadata, Map<String, Tensor> tensors) {
        this.path = path;
        this.metadata = metadata;
        this.tensors = tensors;
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

    /** The PyTorch class name: "Linear", "Conv2d", "RNN", "LSTM", "GRU". */
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

    /** One metadata value; the error names the fixture and the keys it has. */
    public String arg(String key) {
        String value = metadata.get(key);
        if (value == null) {
            throw new IllegalArgumentException(path + ": no \"" + key + "\" in the fixture's metadata (it has "
                    + metadata.keySet() + ")");
        }
        return value;
    }

    public int intArg(String key) {
        String v = arg(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw notA(key, "an integer");
        }
    }

    public double doubleArg(String key) {
        String v = arg(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw notA(key, "a number");
        }
    }

    public boolean boolArg(String key) {
        String v = arg(key);
        if (!v.equals("true") && !v.equals("false")) {
            throw notA(key, "\"true\" or \"false\"");
        }
        return v.equals("true");
    }

    /** True when the argument was passed as a tuple, like kernel_size {@code "[3, 2]"}. */
    public boolean isTupleArg(String key) {
        return arg(key).startsWith("[");
    }

    /** An int or tuple argument as ints: {@code "3"} gives {3}, {@code "[3, 2]"} gives {3, 2}. */
    public int[] intsArg(String key) {
        String v = arg(key);
        if (!v.startsWith("[")) {
            return new int[] {intArg(key)};
        }
        Object parsed;
        try {
            parsed = Json.parse(v);
        } catch (IllegalArgumentException e) {
            throw notA(key, "a list of integers");
        }
        if (!(parsed instanceof List<?> items)) {
            throw notA(key, "a list of integers");
        }
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof Long l) || l != l.intValue()) {
                throw notA(key, "a list of integers");
            }
            out[i] = l.intValue();
        }
        return out;
    }

    /** The {@code torch.manual_seed} value set before PyTorch constructed the module. */
    public long initSeed() {
        String v = arg("init_seed");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw notA("init_seed", "an integer");
        }
    }

    /** Every tensor that is not data (input, output, h0, c0, h_n, c_n), in file order, PyTorch key names. */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> sd = new LinkedHashMap<>(tensors);
        sd.keySet().removeAll(DATA_TENSORS);
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

    /** What a parity check compares: "output", then "h_n" and "c_n" when present. */
    public Map<String, Tensor> expectedOutputs() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : OUTPUTS) {
            if (tensors.containsKey(name)) {
                out.put(name, tensors.get(name));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Every tensor in the file, in file order. */
    public Map<String, Tensor> tensors() {
        return tensors;
    }

    @Override
    public String toString() {
        return "Fixture(" + name() + ", " + module() + constructorArgs() + ")";
    }

    private IllegalArgumentException notA(String key, String what) {
        return new IllegalArgumentException(path + ": metadata \"" + key + "\" must be " + what + ", found \""
                + metadata.get(key) + "\"");
    }
}
