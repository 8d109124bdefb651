package layerwise.shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.nn.Conv2d;
import layerwise.nn.Linear;
import layerwise.nn.Module;
import layerwise.tensor.Tensor;

/**
 * One answer of {@link Solve}: the Java that builds the layer, how its output size comes out, its
 * weight and bias shapes, and the output shape it gave when it was built and run on zeros of the input
 * shape (every proposal is checked this way before it is shown).
 *
 * @param code       the constructor call, e.g. {@code new Conv2d(3, 16, 3, Conv2d.options().padding(1))}
 * @param module     the layer that was built and run
 * @param derivation the formulas with the numbers filled in
 * @param parameters every parameter's PyTorch key and shape
 * @param input      the shape it was run on (after any reshape the code names)
 * @param output     the shape it returned
 * @param note       why this one is listed, when it is a nearest setting for an impossible target; else ""
 * @param checked    how it was checked, e.g. "ran on zeros [1, 3, 32, 32] → [1, 16, 32, 32]"
 */
public record Proposal(String code, Module module, List<String> derivation, Map<String, int[]> parameters,
                       int[] input, int[] output, String note, String checked) {

    /** Builds the record from a module that has already run: its parameters are read off the module. */
    static Proposal of(String code, Module module, List<String> derivation, int[] input, int[] output) {
        Map<String, int[]> params = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : module.stateDict().entrySet()) params.put(e.getKey(), e.getValue().shape());
        return new Proposal(code, module, List.copyOf(derivation), params, input.clone(), output.clone(), "",
                "ran on zeros " + Names.shape(input) + " → " + Names.shape(output));
    }

    /** As {@link #of}, for a layer checked on a smaller input than {@code input}: {@code checked} says how. */
    static Proposal checkedOn(String code, Module module, List<String> derivation, int[] input, int[] output, String checked) {
        Proposal p = of(code, module, derivation, input, output);
        return new Proposal(p.code, module, p.derivation, p.parameters, p.input, p.output, "", checked);
    }

    Proposal withNote(String why) {
        return new Proposal(code, module, derivation, parameters, input, output, why, checked);
    }

    /** " (out_features, in_features)" after a Linear's or Conv2d's weight, found by walking its key's path. */
    private static String layout(Module m, String key) {
        String[] parts = key.split("\\.");
        for (int i = 0; i < parts.length - 1 && m != null; i++) m = m.namedChildren().get(parts[i]);
        if (!parts[parts.length - 1].equals("weight")) return "";
        if (m instanceof Linear) return " = (out_features, in_features)";
        if (m instanceof Conv2d) return " = (out_channels, in_channels/groups, kH, kW)";
        return "";
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(note.isEmpty() ? "" : note + ": ").append(code).append('\n');
        for (String line : derivation) sb.append("     ").append(line).append('\n');
        if (!parameters.isEmpty()) {
            List<String> shapes = new ArrayList<>();
            parameters.forEach((k, v) -> shapes.add(k + " " + Names.shape(v) + layout(module, k)));
            sb.append("     parameters: ").append(String.join(", ", shapes)).append('\n');
        }
        sb.append("     checked: ").append(checked);
        return sb.toString();
    }
}
