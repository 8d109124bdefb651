package layerwise.nn;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;

/**
 * The base of the loss modules, like PyTorch's {@code _Loss}: a loss compares an input (the model's
 * output) with a target and returns one number ({@code reduction} "mean" or "sum") or one loss per
 * element ("none"). A loss has no parameters; its repr is its name, {@code CrossEntropyLoss()}.
 * <pre>
 *   Tensor loss = new CrossEntropyLoss().forward(model.forward(x), labels);
 *   loss.backward();
 * </pre>
 */
public abstract class Loss extends Module {
    final String reduction;

    Loss(String reduction) {
        Losses.checkReduction(reduction);
        this.reduction = reduction;
    }

    public abstract Tensor forward(Tensor input, Tensor target);

    /** "mean", "sum" or "none". */
    public String reduction() {
        return reduction;
    }
}
