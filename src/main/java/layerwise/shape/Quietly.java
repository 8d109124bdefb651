package layerwise.shape;

import java.util.function.Supplier;

import layerwise.tensor.Autograd;
import layerwise.tensor.RngState;
import layerwise.tensor.Tensor;

/**
 * Building a layer draws its default init from the one random generator. The solver builds layers only
 * to check them, so it puts the generator back afterwards: asking the solver never changes what the
 * learner's next {@code Tensor.randn} or {@code new Linear} gives. Its trial forward passes record no
 * autograd graph: only their shapes are wanted.
 */
final class Quietly {
    private Quietly() {
    }

    static <T> T build(Supplier<T> work) {
        RngState saved = Tensor.getRngState();
        try (var noGrad = Autograd.noGrad()) {             // shapes only: no graph to keep
            return work.get();
        } finally {
            Tensor.setRngState(saved);
        }
    }
}
