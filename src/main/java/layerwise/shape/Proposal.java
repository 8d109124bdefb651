package layerwise.shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public record Proposal(String code, Module module, List<String> derivation, Map<String, int[]> parameters,
                       int[] input, int[] output) {

    /** Builds the record from a module that has already run: its parameters are read off the module. */
    static Proposal of(String code, Module module, List<String> derivation, int[] input, int[] output) {
        Map<String, int[]> params = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : module.stateDict().entrySet()) params.put(e.getKey(), e.getValue().shape());
        return new Proposal(code, module, List.copyOf(derivation), params, input.clone(), output.clone());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(code).append('\n');
        for (String line : derivation) sb.append("     ").append(line).append('\n');
        if (!parameters.isEmpty()) {
            List<String> shapes = new ArrayList<>();
            parameters.forEach((k, v) -> shapes.add(k + " " + Names.shape(v)));
            sb.append("     parameters: ").append(String.join(", ", shapes)).append('\n');
        }
        sb.append("     checked: ran on zeros ").append(Names.shape(input)).append(" → ").append(Names.shape(output));
        return sb.toString();
    }
}
