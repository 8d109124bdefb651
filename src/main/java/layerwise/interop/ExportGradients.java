package layerwise.interop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import layerwise.nn.Module;
import layerwise.tensor.Tensor;

/**
 * The gradients a PyTorch export records, computed here: a module run on the export's {@code input} (and
 * {@code h0}, {@code c0}), then backward from the export's upstream gradients.
 *
 * <p>Backward from upstream gradients g_output, g_h_n, g_c_n is the backward of the scalar
 * <pre>
 *   L = Σ output·g_output + Σ h_n·g_h_n + Σ c_n·g_c_n
 * </pre>
 * since ∂L/∂output = g_output (and so on): the terms whose upstream gradient is given, each summed over
 * every element. Its gradients with respect to the input, the initial state and every parameter are
 * what a training step's {@code loss.backward()} hands the optimiser, so comparing them with PyTorch's
 * checks every backward formula on the module's path.
 */
public final class ExportGradients {

    private ExportGradients() {
    }

    /**
     * Runs {@code module} (already loaded, in the mode the export was made in) on fresh copies of
     * {@code data}'s {@code input}, {@code h0} and {@code c0} that require grad, builds L from
     * {@code upstream} (result name, as {@link ModuleFactory#forward} names results, to its upstream
     * gradient, of the result's shape) and calls {@code L.backward()}.
     *
     * @return dL/d(each leaf) under the names an export stores them under after {@code "grad."}:
     *         {@code "input"}, {@code "h0"}, {@code "c0"} (when given), then every state dict key; the value
     *         is null where no gradient reached the leaf (an op on its path recorded no backward)
     * @throws IllegalArgumentException when an upstream gradient names a result the module does not
     *         return, or has another shape than its result, or when there is none
     */
    public static Map<String, Tensor> backward(Module module, Map<String, Tensor> data, Map<String, Tensor> upstream) {
        if (upstream.isEmpty()) {
            throw new IllegalArgumentException("no upstream gradient (grad_output, grad_h_n or grad_c_n) to start"
                    + " backward from");
        }
        Map<String, Tensor> leaves = new LinkedHashMap<>();
        for (String name : new String[] {"input", "h0", "c0"}) {
            Tensor t = data.get(name);
            if (t != null) leaves.put(name, t.detach().clone().requiresGrad(true));
        }
        Map<String, Tensor> parameters = module.stateDict();
        parameters.values().forEach(p -> p.grad = null);   // a fresh backward, not added to an earlier one

        Map<String, Tensor> results = ModuleFactory.forward(module, leaves);
        Tensor loss = null;
        for (Map.Entry<String, Tensor> e : upstream.entrySet()) {
            Tensor result = results.get(e.getKey());
            if (result == null) {
                throw new IllegalArgumentException("an upstream gradient for " + e.getKey() + ", but "
                        + module.getClass().getSimpleName() + " returns " + results.keySet());
            }
            if (!Arrays.equals(result.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("the upstream gradient of " + e.getKey() + " has shape "
                        + Arrays.toString(e.getValue().shape()) + ", " + e.getKey() + " has shape "
                        + Arrays.toString(result.shape()));
            }
            Tensor term = result.mul(e.getValue()).sum();
            loss = loss == null ? term : loss.add(term);
        }
        if (loss.requiresGrad()) {          // else no op on any path recorded a backward: every gradient stays null
            loss.backward();
        }

        Map<String, Tensor> grads = new LinkedHashMap<>();
        leaves.forEach((name, leaf) -> grads.put(name, leaf.grad));
        parameters.forEach((key, p) -> grads.put(key, p.grad));
        return grads;
    }
}
