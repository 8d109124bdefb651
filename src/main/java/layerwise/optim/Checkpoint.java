package layerwise.optim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.SafeTensors;
import layerwise.io.SafeTensorsFile;
import layerwise.nn.Module;
import layerwise.tensor.Nulls;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;

/**
 * A model and its optimizer saved together, so training can stop and go on where it left off, as
 * PyTorch's
 * <pre>
 *   torch.save({"model": model.state_dict(), "optimizer": opt.state_dict()}, "ckpt.pt")
 * </pre>
 * One safetensors file: the model's state dict under {@code model.<key>}, each optimizer state tensor
 * (momentum buffers, Adam's averages and step) under {@code optimizer.state.<index>.<name>}, and in the
 * metadata the optimizer's class, its hyperparameters ({@code optimizer.param_groups.0.<name>}) and any
 * state that is a number or None. Loading needs a model and an optimizer built the same way; values are
 * read back as the types the fresh optimizer holds, so the next {@code step()} is the one the saved
 * run would have taken, bit for bit.
 */
public final class Checkpoint {
    private Checkpoint() {
    }

    private static final String MODEL = "model.", STATE = "optimizer.state.", GROUP = "optimizer.param_groups.0.";

    /** Writes model and optimizer into one safetensors file (replaced atomically). */
    public static void save(Path path, Module model, Optimizer optimizer) {
        Nulls.require(path, "save", "f", 1, Nulls.PATH);
        Nulls.require(model, "save", "model", 2, "Module");
        Nulls.require(optimizer, "save", "optimizer", 3, "Optimizer");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        model.stateDict().forEach((k, t) -> tensors.put(MODEL + k, t));
        metadata.put("optimizer", optimizer.getClass().getSimpleName());
        Map<String, Object> sd = optimizer.stateDict();
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) sd.get("state");
        state.forEach((i, s) -> s.forEach((name, v) -> {
            if (v instanceof Tensor t) tensors.put(STATE + i + "." + name, t);
            else metadata.put(STATE + i + "." + name, v == null ? "None" : v.toString());
        }));
        optimizer.group().forEach((k, v) -> metadata.put(GROUP + k, String.valueOf(v)));
        try {
            SafeTensors.write(path, tensors, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** {@link #save(Path, Module, Optimizer)} with a path as text. */
    public static void save(String path, Module model, Optimizer optimizer) {
        save(Path.of(Nulls.require(path, "save", "f", 1, Nulls.PATH)), model, optimizer);
    }

    /** Loads a checkpoint into a model and an optimizer built as the saved ones were. */
    public static void load(Path path, Module model, Optimizer optimizer) {
        Nulls.require(path, "load", "f", 1, Nulls.PATH);
        Nulls.require(model, "load", "model", 2, "Module");
        Nulls.require(optimizer, "load", "optimizer", 3, "Optimizer");
        SafeTensorsFile file;
        try {
            file = SafeTensors.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
        String kind = file.metadata().get("optimizer");
        if (kind == null) {
            throw new ValueError("not a checkpoint: " + path + " has no \"optimizer\" entry in its metadata",
                    "Checkpoint.load reads files written by Checkpoint.save (a model and its optimizer).",
                    "load a model alone with model.load(path)");
        }
        if (!kind.equals(optimizer.getClass().getSimpleName())) {
            throw new ValueError("the checkpoint holds the state of " + kind + ", not of " + optimizer.getClass().getSimpleName(),
                    "An optimizer's state only means something to the same kind of optimizer.",
                    "build a " + kind + " over the model and load into that");
        }
        Map<String, Tensor> weights = new LinkedHashMap<>();
        Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();
        file.tensors().forEach((k, t) -> {
            if (k.startsWith(MODEL)) weights.put(k.substring(MODEL.length()), t);
            else if (k.startsWith(STATE)) entry(state, k).put(name(k), t);
        });
        file.metadata().forEach((k, v) -> {
            if (k.startsWith(STATE)) entry(state, k).put(name(k), v.equals("None") ? null : number(v));
        });
        Map<String, Object> group = new LinkedHashMap<>();
        optimizer.group().forEach((k, now) -> {
            String text = file.metadata().get(GROUP + k);
            group.put(k, text == null ? now : parse(text, now));
        });
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < optimizer.params().size(); i++) ids.add(i);
        group.put("params", ids);
        model.loadStateDict(weights);
        optimizer.loadStateDict(Map.of("state", state, "param_groups", List.of(group)));
    }

    /** {@link #load(Path, Module, Optimizer)} with a path as text. */
    public static void load(String path, Module model, Optimizer optimizer) {
        load(Path.of(Nulls.require(path, "load", "f", 1, Nulls.PATH)), model, optimizer);
    }

    private static Map<String, Object> entry(Map<Integer, Map<String, Object>> state, String key) {
        String rest = key.substring(STATE.length());
        int index = Integer.parseInt(rest.substring(0, rest.indexOf('.')));
        return state.computeIfAbsent(index, i -> new LinkedHashMap<>());
    }

    private static String name(String key) {
        String rest = key.substring(STATE.length());
        return rest.substring(rest.indexOf('.') + 1);
    }

    private static Object number(String text) {
        return text.matches("-?\\d+") ? (Object) Integer.valueOf(text) : (Object) Double.valueOf(text);
    }

    /** A hyperparameter's text read back as the type the fresh optimizer holds for it. */
    private static Object parse(String text, Object like) {
        if (like instanceof Boolean) return Boolean.valueOf(text);
        if (like instanceof Integer) return Integer.valueOf(text);
        if (like instanceof List<?>) {
            List<Double> values = new ArrayList<>();
            for (String part : text.replace("[", "").replace("]", "").split(",")) values.add(Double.valueOf(part.strip()));
            return values;
        }
        if (like instanceof Double) return Double.valueOf(text);
        return text;
    }
}
