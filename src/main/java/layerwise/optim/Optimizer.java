package layerwise.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.TypeError;
import layerwise.tensor.ValueError;

/**
 * The base of the optimizers, like {@code torch.optim.Optimizer}: it holds the parameters (one group),
 * the hyperparameters ({@link #group()}, PyTorch's {@code param_groups[0]}) and each parameter's state
 * (momentum buffers, running averages), and updates the parameters in place from their {@code grad}.
 *
 * <p>{@link #zeroGrad()} keeps PyTorch 1.13's default, {@code set_to_none=False}: each gradient is filled
 * with zeros (PyTorch 2.0 changed the default to None). {@link #zeroGrad(boolean)} chooses.
 * A parameter whose grad is null is skipped by {@link #step()}, as in PyTorch.
 */
public abstract class Optimizer {
    private final List<Tensor> params;
    private final Map<String, Object> group = new LinkedHashMap<>();
    /** Per-parameter state by the parameter's index, as in PyTorch's state dict. */
    final Map<Integer, Map<String, Object>> state = new LinkedHashMap<>();

    /** defaults: the hyperparameters as name, value, name, value, ... in PyTorch's order. */
    Optimizer(List<Tensor> params, Object... defaults) {
        if (params == null) {
            throw new TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, but got NoneType",
                    "the optimizer needs the tensors it will update.", "pass model.parameters()");
        }
        if (params.isEmpty()) {
            throw new ValueError("optimizer got an empty parameter list",
                    "there is nothing to optimize: the list of parameters is empty (a model without layers?).",
                    "pass model.parameters() of a model that has parameters, or a list of tensors that require grad");
        }
        for (Tensor p : params) {
            if (p == null) {
                throw new TypeError("optimizer can only optimize Tensors, but one of the params is NoneType",
                        "the parameter list contains null.", "pass only tensors, e.g. model.parameters()");
            }
            if (!p.isLeaf()) {
                throw new ValueError("can't optimize a non-leaf Tensor",
                        "this tensor was computed by " + p.gradFn().name() + "; an optimizer updates leaves, the tensors "
                                + "a model holds, and the next forward pass recomputes the rest.",
                        "pass the leaf itself (model.parameters(), or the tensor made with requiresGrad(true)), not a result computed from it");
            }
        }
        this.params = List.copyOf(params);
        for (int i = 0; i < defaults.length; i += 2) group.put((String) defaults[i], defaults[i + 1]);
    }

    /**
     * As PyTorch prints an optimizer: its class, then its one parameter group's hyperparameters sorted by
     * name, e.g. {@code SGD (\nParameter Group 0\n    dampening: 0\n    lr: 0.05\n ...)}.
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(getClass().getSimpleName()).append(" (\nParameter Group 0\n");
        new java.util.TreeMap<>(group).forEach((k, v) -> sb.append("    ").append(k).append(": ").append(py(v)).append('\n'));
        return sb.append(')').toString();
    }

    /** A hyperparameter as Python prints it: 0 for a whole 0.0, True/False, a tuple for a list. */
    private static String py(Object v) {
        if (v instanceof Boolean b) return b ? "True" : "False";
        if (v instanceof Double d) return number(d);
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object o : l) parts.add(py(o));
            return "(" + String.join(", ", parts) + ")";
        }
        return String.valueOf(v);
    }

    /** The parameters, in the order given. */
    public List<Tensor> params() {
        return params;
    }

    /** The hyperparameters by PyTorch's names (lr, momentum, betas, ...), PyTorch's {@code param_groups[0]}. */
    public Map<String, Object> group() {
        return group;
    }

    double hyper(String name) {
        return ((Number) group.get(name)).doubleValue();
    }

    boolean flag(String name) {
        return (Boolean) group.get(name);
    }

    /** The learning rate now (a scheduler changes it). */
    public double lr() {
        return hyper("lr");
    }

    /** Sets the learning rate, as {@code param_groups[0]['lr'] = lr}. */
    public void setLr(double lr) {
        group.put("lr", lr);
    }

    /** Sets every gradient to zeros (PyTorch 1.13's default, set_to_none=False). */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** Sets every gradient to null (setToNone) or fills it with zeros. */
    public void zeroGrad(boolean setToNone) {
        for (Tensor p : params) {
            if (p.grad == null) continue;
            if (setToNone) {
                p.grad = null;
            } else {
                p.grad = p.grad.detach().requiresGrad(false);
                try (var off = Autograd.noGrad()) {
                    p.grad.zero_();
                }
            }
        }
    }

    /** One update of every parameter that has a gradient, in place, with grad mode off. */
    public void step() {
        try (var off = Autograd.noGrad()) {
            for (int i = 0; i < params.size(); i++) {
                Tensor p = params.get(i);
                if (p.grad == null) continue;
                update(p, state.computeIfAbsent(i, k -> new LinkedHashMap<>()));
            }
        }
    }

    /**
     * Updates one parameter from its gradient, reading and writing its state (grad mode is off). By
     * default on copies of the values, element by element ({@link #update(float[], float[], Map, int[])}),
     * then written back; an optimizer whose step is a few whole-tensor ops overrides this instead.
     */
    void update(Tensor p, Map<String, Object> s) {
        float[] values = p.toFloatArray();
        update(values, p.grad.toFloatArray(), s, p.shape());
        p.copy_(shaped(values, p.shape()));
    }

    /** Updates one parameter's values (in place) from its gradient, reading and writing its state. */
    abstract void update(float[] param, float[] grad, Map<String, Object> state, int[] shape);

    // ---------------------------------------------------------------- state

    /** A state tensor's values, created as zeros on first use. */
    static float[] buffer(Map<String, Object> state, String name, int[] shape) {
        Tensor t = (Tensor) state.computeIfAbsent(name, k -> Tensor.zeros(shape));
        return t.toFloatArray();
    }

    static void store(Map<String, Object> state, String name, float[] values, int[] shape) {
        state.put(name, shaped(values, shape));
    }

    static Tensor shaped(float[] v, int[] shape) {
        return Tensor.of(v, v.length).reshape(shape).contiguous();
    }

    /**
     * PyTorch's {@code optimizer.state_dict()}: {@code "state"} maps each parameter's index to its state
     * (copies of the buffers), {@code "param_groups"} is a list of one map of the hyperparameters with
     * {@code "params"}, the parameter indices.
     */
    public Map<String, Object> stateDict() {
        Map<Integer, Map<String, Object>> packed = new LinkedHashMap<>();
        state.forEach((i, s) -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            s.forEach((k, v) -> copy.put(k, v instanceof Tensor ? ((Tensor) v).detach().clone() : v));
            packed.put(i, copy);
        });
        Map<String, Object> g = new LinkedHashMap<>(group);
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) indices.add(i);
        g.put("params", indices);
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("state", packed);
        sd.put("param_groups", List.of(g));
        return sd;
    }

    /** PyTorch's {@code optimizer.load_state_dict(sd)}: the hyperparameters and a copy of every state buffer. */
    @SuppressWarnings("unchecked")
    public void loadStateDict(Map<String, Object> stateDict) {
        List<Map<String, Object>> groups = (List<Map<String, Object>>) stateDict.get("param_groups");
        Map<Integer, Map<String, Object>> saved = (Map<Integer, Map<String, Object>>) stateDict.get("state");
        if (groups == null || saved == null) {
            throw new ValueError("loaded state dict has a different number of parameter groups",
                    "an optimizer state dict has \"state\" and \"param_groups\"; this one lacks one of them.",
                    "pass what optimizer.stateDict() returned");
        }
        if (groups.size() != 1) {
            throw new ValueError("loaded state dict has a different number of parameter groups",
                    "this optimizer has one parameter group; the state dict has " + groups.size() + ".",
                    "load a state dict saved from an optimizer built the same way");
        }
        List<?> ids = (List<?>) groups.get(0).get("params");
        if (ids == null || ids.size() != params.size()) {
            throw new ValueError("loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
                    "this optimizer has " + params.size() + " parameters; the saved group has " + (ids == null ? 0 : ids.size()) + ".",
                    "load a state dict saved from an optimizer over the same model");
        }
        state.clear();
        saved.forEach((i, s) -> {
            Map<String, Object> copy = new LinkedHashMap<>();
            s.forEach((k, v) -> copy.put(k, v instanceof Tensor ? ((Tensor) v).detach().clone() : v));
            state.put(i, copy);
        });
        groups.get(0).forEach((k, v) -> {
            if (!k.equals("params")) group.put(k, v);
        });
    }

    // ---------------------------------------------------------------- checks

    static void check(boolean ok, String torchMessage, String meaning, String fix) {
        if (!ok) throw new ValueError(torchMessage, meaning, fix);
    }

    static void checkLr(double lr) {
        check(lr >= 0, "Invalid learning rate: " + number(lr), "the learning rate scales each step; a negative one climbs the loss.",
                "use a positive learning rate, e.g. 0.01 (maximize=true climbs on purpose)");
    }

    static void checkNonNegative(double v, String name, String what) {
        check(v >= 0, "Invalid " + name + " value: " + number(v), what + " can't be negative.", "use 0 or more");
    }

    /**
     * A number as Python prints the one the learner would pass: whole numbers as ints ({@code lr=-1}
     * prints "-1"), others as Python's repr ("0.001", "1e-08").
     */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return pyFloat(v);
    }

    /** Python's repr of a float: "1.0", "0.9", "1e-08". */
    static String pyFloat(double v) {
        return TorchFormat.pythonRepr(v);
    }
}
