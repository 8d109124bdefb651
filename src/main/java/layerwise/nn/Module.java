package layerwise.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import layerwise.tensor.TorchFormat;
import layerwise.io.SafeTensors;
import layerwise.tensor.Nulls;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import layerwise.tensor.TypeError;

/**
 * The base of every layer, like {@code torch.nn.Module}: it owns named parameters and child modules,
 * in registration order, and knows nothing about the forward pass (that lives in each layer: most
 * implement {@link TensorModule}, the recurrent layers return a record).
 *
 * <p>A subclass registers its parameters in its constructor, in PyTorch's order, and keeps them in
 * public final fields named as in PyTorch:
 * <pre>
 *   public final Tensor weight = registerParameter("weight", Tensor.empty(out, in));
 * </pre>
 * {@link #stateDict()} then lists {@code "weight"}, and a module registered as child {@code "0"} of a
 * {@link Sequential} shows up as {@code "0.weight"}. {@link #getParameter(String)} answers every key of
 * the state dict (see the package documentation for the rule).
 */
public abstract class Module {

    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    // ---------------------------------------------------------------- registration

    /**
     * Registers a parameter under {@code name} and returns it. A null value is PyTorch's
     * {@code bias=None}: the name is taken but nothing appears in {@link #stateDict()}.
     */
    protected Tensor registerParameter(String name, Tensor valueOrNull) {
        checkNewName(name);
        parameters.put(name, valueOrNull == null ? null : Autograd.parameter(valueOrNull));
        return valueOrNull;
    }

    /** Registers a child module under {@code name} (its parameters appear as {@code name.weight}, ...). */
    protected <T extends Module> T registerModule(String name, T child) {
        checkNewName(name);
        if (child == null) throw new IllegalArgumentException("module '" + name + "' is null");
        children.put(name, child);
        return child;
    }

    private void checkNewName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a parameter or module name can't be empty");
        }
        if (name.contains(".")) {
            throw new IllegalArgumentException("a parameter or module name can't contain \".\", got \"" + name + "\"");
        }
        if (parameters.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("attribute '" + name + "' already exists in " + getClass().getSimpleName());
        }
    }

    // ---------------------------------------------------------------- parameters and children

    /**
     * Every parameter with its dotted name, in registration order (own parameters first, then each
     * child's). A tensor shared by two modules is listed once, under its first name, as in PyTorch.
     */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Tensor> e : allParameters("").entrySet()) {
            if (seen.add(e.getValue())) out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The tensors of {@link #namedParameters()}, in the same order. */
    public List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /**
     * PyTorch's state dict: parameter names (dotted for children) to the tensors themselves (not
     * copies), registration order. Unlike {@link #namedParameters()}, a shared tensor appears under
     * every name.
     */
    public Map<String, Tensor> stateDict() {
        return allParameters("");
    }

    private Map<String, Tensor> allParameters(String prefix) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        parameters.forEach((name, t) -> {
            if (t != null) out.put(prefix + name, t);
        });
        children.forEach((name, child) -> out.putAll(child.allParameters(prefix + name + ".")));
        return out;
    }

    /**
     * The parameter under a key of {@link #stateDict()}, like PyTorch's {@code get_parameter}:
     * {@code "weight"}, {@code "0.bias"} in a Sequential, {@code "weight_ih_l0_reverse"} in a
     * bidirectional LSTM. The tensor itself, not a copy.
     */
    public Tensor getParameter(String key) {
        Tensor p = stateDict().get(key);
        if (p == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no parameter \"" + key
                    + "\"; its parameters are " + stateDict().keySet());
        }
        return p;
    }

    /** The direct children with their names, in registration order. */
    public Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** The direct children, in registration order. */
    public List<Module> children() {
        return new ArrayList<>(children.values());
    }

    /** Total number of parameter elements, like {@code sum(p.numel() for p in m.parameters())}. */
    public long numParameters() {
        long n = 0;
        for (Tensor p : parameters()) n += p.numel();
        return n;
    }

    // ---------------------------------------------------------------- loading

    /**
     * Copies every tensor of {@code stateDict} into this module's parameters, strictly, like PyTorch's
     * {@code load_state_dict(sd, strict=True)}. Nothing is copied unless everything matches: missing
     * keys, unexpected keys and size mismatches are all reported together in one {@link ShapeError}.
     */
    public void loadStateDict(Map<String, Tensor> stateDict) {
        if (stateDict == null) {
            // torch/nn/modules/module.py, load_state_dict: the Mapping check
            throw new TypeError("Expected state_dict to be dict-like, got <class 'NoneType'>.",
                    "the state dict is null: a variable declared but never assigned, or a method that returned null.",
                    "pass a map of tensors, e.g. other.stateDict() or SafeTensors.load(Path.of(\"model.safetensors\")).");
        }
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : own.entrySet()) {
            Tensor given = stateDict.get(e.getKey());
            if (given == null) {
                missing.add(e.getKey());
            } else if (!Arrays.equals(given.shape(), e.getValue().shape())) {
                mismatches.add("size mismatch for " + e.getKey() + ": copying a param with shape "
                        + TorchFormat.shapeString(given.shape()) + " from checkpoint, the shape in current model is "
                        + TorchFormat.shapeString(e.getValue().shape()) + ".");
            }
        }
        for (String key : stateDict.keySet()) {
            if (!own.containsKey(key)) unexpected.add(key);
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatches.isEmpty()) {
            throw loadError(own, missing, unexpected, mismatches);
        }
        try (var noGrad = Autograd.noGrad()) {      // as torch: loading writes parameters with gradients off
            own.forEach((key, param) -> param.copy_(stateDict.get(key)));
        }
    }

    private ShapeError loadError(Map<String, Tensor> own, List<String> missing, List<String> unexpected,
                                 List<String> mismatches) {
        // PyTorch's order: missing keys, then unexpected keys, then one line per size mismatch.
        List<String> lines = new ArrayList<>();
        if (!missing.isEmpty()) lines.add("Missing key(s) in state_dict: " + quoted(missing) + ". ");
        if (!unexpected.isEmpty()) lines.add("Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
        lines.addAll(mismatches);
        String name = getClass().getSimpleName();
        String explanation = String.join("\n  ", lines) + "\n  This " + name + " has the keys "
                + describeKeys(own) + ".";
        String fix = "build the " + name + " with the constructor arguments the checkpoint was saved from "
                + "(the checkpoint's shapes above tell them), or load a checkpoint saved from this model.";
        return new ShapeError("Error(s) in loading state_dict for " + name + ":", explanation, fix);
    }

    private static String quoted(List<String> keys) {
        List<String> q = new ArrayList<>();
        for (String k : keys) q.add('"' + k + '"');
        return String.join(", ", q);
    }

    private static String describeKeys(Map<String, Tensor> sd) {
        List<String> parts = new ArrayList<>();
        sd.forEach((k, t) -> parts.add(k + " " + TorchFormat.shapeString(t.shape())));
        return parts.isEmpty() ? "(none)" : String.join(", ", parts);
    }

    /**
     * Writes {@link #stateDict()} to a safetensors file (F32, PyTorch's key names), which
     * {@code safetensors.torch.load_file} reads and {@code model.load_state_dict} accepts.
     */
    public void save(Path path) {
        Nulls.require(path, "save", "f", 1, Nulls.PATH);
        try {
            SafeTensors.write(path, stateDict());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e); // the message without the class name in front
        }
    }

    /** {@link #save(Path)} with a path as text, as PyTorch's {@code torch.save(model.state_dict(), "x.pt")} takes one. */
    public void save(String path) {
        Nulls.require(path, "save", "f", 1, Nulls.PATH);
        save(Path.of(path));
    }

    /** {@link #load(Path)} with a path as text. */
    public void load(String path) {
        Nulls.require(path, "load", "f", 1, Nulls.PATH);
        load(Path.of(path));
    }

    /** Reads a safetensors state dict and loads it strictly (see {@link #loadStateDict(Map)}). */
    public void load(Path path) {
        Nulls.require(path, "load", "f", 1, Nulls.PATH);
        Map<String, Tensor> sd;
        try {
            sd = SafeTensors.load(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loadStateDict(sd);
    }

    // ---------------------------------------------------------------- train / eval

    /** Training mode for this module and every child (Dropout drops). Returns this. */
    public Module train() {
        return train(true);
    }

    /** Sets training mode on this module and every child. Returns this. */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children.values()) child.train(mode);
        return this;
    }

    /** Evaluation mode for this module and every child (Dropout is the identity). Returns this. */
    public Module eval() {
        return train(false);
    }

    public boolean isTraining() {
        return training;
    }

    // ---------------------------------------------------------------- printing

    /** The part inside the parentheses of the repr, e.g. {@code in_features=10, out_features=5, bias=True}; none by default. */
    public String extraRepr() {
        return "";
    }

    /** PyTorch's repr: {@code Linear(in_features=10, out_features=5, bias=True)}; containers print a tree. */
    @Override
    public String toString() {
        // The same algorithm as torch.nn.Module.__repr__.
        String extra = extraRepr();
        List<String> extraLines = extra == null || extra.isEmpty() ? List.of() : List.of(extra.split("\n", -1));
        List<String> childLines = new ArrayList<>();
        children.forEach((name, child) ->
                childLines.add("(" + name + "): " + child.toString().replace("\n", "\n  ")));
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append('(');
        if (extraLines.size() == 1 && childLines.isEmpty()) {
            sb.append(extraLines.get(0));
        } else if (!extraLines.isEmpty() || !childLines.isEmpty()) {
            List<String> lines = new ArrayList<>(extraLines);
            lines.addAll(childLines);
            sb.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return sb.append(')').toString();
    }

    /** Python's spelling of a boolean, for reprs. */
    static String py(boolean b) {
        return b ? "True" : "False";
    }
}
