package layerwise.shape;

import layerwise.nn.Module;
import layerwise.nn.TensorModule;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;

/** The error a failing model shows in a summary or trace: the one the model itself throws, with its context. */
final class Failures {
    private Failures() {
    }

    /**
     * The walk runs layer by layer, so its exception has no network context; running the model whole
     * once more gives the error a learner gets from {@code model.forward(x)}, which names the layer's
     * path and where its input came from.
     */
    static String message(Module model, int[] inputShape, RuntimeException walkError) {
        if (model instanceof TensorModule t) {
            boolean training = model.isTraining();
            model.eval();
            try (var noGrad = Autograd.noGrad()) {
                t.forward(Tensor.zeros(inputShape));
            } catch (RuntimeException e) {
                return e.getMessage();
            } finally {
                model.train(training);
            }
        }
        return walkError.getMessage();
    }
}
