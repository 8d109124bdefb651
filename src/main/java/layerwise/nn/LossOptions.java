package layerwise.nn;

import java.util.LinkedHashSet;
import java.util.Set;

import layerwise.tensor.Losses;
import layerwise.tensor.Tensor;
import layerwise.tensor.TypeError;

/**
 * The keyword arguments of the loss modules, set fluently:
 * {@code new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.1).reduction("sum"))}.
 * Defaults are PyTorch's: weight none, ignore_index -100, reduction "mean", label_smoothing 0, pos_weight none.
 * Each loss takes only its own keywords (as its Python constructor does): setting another is an error.
 */
public final class LossOptions {
    Tensor weight;
    int ignoreIndex = Losses.IGNORE_INDEX;
    String reduction = "mean";
    double labelSmoothing;
    Tensor posWeight;
    private final Set<String> given = new LinkedHashSet<>();

    LossOptions() {
    }

    /** A manual rescaling weight given to each class (CrossEntropyLoss, NLLLoss) or element (BCELoss, BCEWithLogitsLoss). */
    public LossOptions weight(Tensor weight) {
        this.weight = weight;
        given.add("weight");
        return this;
    }

    /** A target value that is skipped: it adds nothing to the loss and gets no gradient. */
    public LossOptions ignoreIndex(int ignoreIndex) {
        this.ignoreIndex = ignoreIndex;
        given.add("ignore_index");
        return this;
    }

    /** "mean" (the default), "sum" or "none". */
    public LossOptions reduction(String reduction) {
        Losses.checkReduction(reduction);
        this.reduction = reduction;
        given.add("reduction");
        return this;
    }

    /** How much of the target's weight moves from the true class to all classes evenly, in [0, 1]. */
    public LossOptions labelSmoothing(double labelSmoothing) {
        this.labelSmoothing = labelSmoothing;
        given.add("label_smoothing");
        return this;
    }

    /** A weight for the positive label (y = 1) of each class, broadcast over the last dim (BCEWithLogitsLoss). */
    public LossOptions posWeight(Tensor posWeight) {
        this.posWeight = posWeight;
        given.add("pos_weight");
        return this;
    }

    /** Refuses a keyword the loss does not take, as Python's constructor would. */
    LossOptions allow(String loss, String... keywords) {
        Set<String> extra = new LinkedHashSet<>(given);
        extra.removeAll(Set.of(keywords));
        if (!extra.isEmpty()) {
            String keyword = extra.iterator().next();
            throw new TypeError("__init__() got an unexpected keyword argument '" + keyword + "'",
                    loss + " takes " + String.join(", ", keywords) + ".",
                    "leave out " + keyword + ", or use the loss that takes it");
        }
        return this;
    }
}
