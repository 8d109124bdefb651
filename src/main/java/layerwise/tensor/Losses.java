package layerwise.tensor;

import java.util.Arrays;

/**
 * The loss functions of {@code torch.nn.functional}: {@code F.mse_loss}, {@code F.cross_entropy}, ...
 * Each checks its arguments with PyTorch's messages and then runs one recorded op ({@link LossGrad})
 * or, where PyTorch composes the loss from other ops (l1_loss, cross-entropy's label smoothing and
 * probability targets), the same composition, so {@code loss.gradFn()} names what PyTorch's does.
 *
 * <p>This workbook is float32 only, so class indices come as a float tensor of whole numbers
 * ({@code Tensor.of(new float[] {1, 0, 4}, 3)}) where PyTorch takes a long tensor.
 * {@code reduction} is "mean" (the default), "sum" or "none".
 */
public final class Losses {
    private Losses() {
    }

    /** PyTorch's default ignore_index: no real class has index -100. */
    public static final int IGNORE_INDEX = -100;

    /** Throws PyTorch's ValueError unless reduction is "none", "mean" or "sum". */
    public static void checkReduction(String reduction) {
        Reduction.of(reduction);
    }

    // ---------------------------------------------------------------- regression

    /** F.mse_loss: the mean of (input - target)². */
    public static Tensor mseLoss(Tensor input, Tensor target) {
        return mseLoss(input, target, "mean");
    }

    public static Tensor mseLoss(Tensor input, Tensor target, String reduction) {
        Nulls.tensor(input, "mse_loss", "input", 1);
        Nulls.tensor(target, "mse_loss", "target", 2);
        Reduction r = Reduction.of(reduction);
        int[] shape = broadcastWithWarning(input, target);
        return LossGrad.mse(input.expand(shape), target.expand(shape), r);
    }

    /** F.l1_loss: the mean of |input - target|, written as PyTorch 1.13 writes it, (input - target).abs().mean(). */
    public static Tensor l1Loss(Tensor input, Tensor target) {
        return l1Loss(input, target, "mean");
    }

    public static Tensor l1Loss(Tensor input, Tensor target, String reduction) {
        Nulls.tensor(input, "l1_loss", "input", 1);
        Nulls.tensor(target, "l1_loss", "target", 2);
        Reduction r = Reduction.of(reduction);
        broadcastWithWarning(input, target);
        Tensor loss = input.sub(target).abs();
        return r == Reduction.MEAN ? loss.mean() : r == Reduction.SUM ? loss.sum() : loss;
    }

    /** Different shapes broadcast, as in PyTorch, with its warning: (3, 1) against (3) gives (3, 3) losses. */
    private static int[] broadcastWithWarning(Tensor input, Tensor target) {
        if (Arrays.equals(input.dims, target.dims)) return input.shape();
        int[] shape = Shapes.broadcast(input.dims, target.dims);
        System.err.println("UserWarning: Using a target size (" + target.size() + ") that is different to the input size ("
                + input.size() + "). This will likely lead to incorrect results due to broadcasting. Please ensure they "
                + "have the same size.");
        return shape;
    }

    // ---------------------------------------------------------------- classification

    /** F.nll_loss: input holds log-probabilities (N, C), (C) or (N, C, d1, ...); target the class indices. */
    public static Tensor nllLoss(Tensor input, Tensor target) {
        return nllLoss(input, target, null, IGNORE_INDEX, "mean");
    }

    public static Tensor nllLoss(Tensor input, Tensor target, Tensor weight, int ignoreIndex, String reduction) {
        Nulls.tensor(input, "nll_loss", "input", 1);
        Nulls.tensor(target, "nll_loss", "target", 2);
        Reduction r = Reduction.of(reduction);
        return ClassTargets.nll(input, target, weight, ignoreIndex, r);
    }

    /**
     * F.cross_entropy: log_softmax over the class dim (dim 1, or 0 for a (C) input), then nll_loss. A
     * target of the input's shape holds class probabilities instead of indices.
     */
    public static Tensor crossEntropy(Tensor input, Tensor target) {
        return crossEntropy(input, target, null, IGNORE_INDEX, "mean", 0.0);
    }

    public static Tensor crossEntropy(Tensor input, Tensor target, Tensor weight, int ignoreIndex, String reduction,
                                      double labelSmoothing) {
        Nulls.tensor(input, "cross_entropy", "input", 1);
        Nulls.tensor(target, "cross_entropy", "target", 2);
        Reduction r = Reduction.of(reduction);
        if (input.dim() > 0 && Arrays.equals(input.dims, target.dims)) {
            return ClassTargets.crossEntropyProbabilities(input, target, weight, r, labelSmoothing);
        }
        if (labelSmoothing > 0) return ClassTargets.crossEntropySmoothed(input, target, weight, ignoreIndex, r, labelSmoothing);
        return ClassTargets.nll(logSoftmaxOfClasses(input), target, weight, ignoreIndex, r);
    }

    static Tensor logSoftmaxOfClasses(Tensor input) {
        if (input.dim() == 0) ClassTargets.requireDims(input);
        return SoftmaxGrad.logSoftmax(input, input.dim() == 1 ? 0 : 1);
    }

    // ---------------------------------------------------------------- binary

    /** F.binary_cross_entropy: input holds probabilities in [0, 1] (a sigmoid's output), target the labels. */
    public static Tensor binaryCrossEntropy(Tensor input, Tensor target) {
        return binaryCrossEntropy(input, target, null, "mean");
    }

    public static Tensor binaryCrossEntropy(Tensor input, Tensor target, Tensor weight, String reduction) {
        Nulls.tensor(input, "binary_cross_entropy", "input", 1);
        Nulls.tensor(target, "binary_cross_entropy", "target", 2);
        Reduction r = Reduction.of(reduction);
        if (!Arrays.equals(input.dims, target.dims)) {
            throw new ValueError("Using a target size (" + target.size() + ") that is different to the input size ("
                    + input.size() + ") is deprecated. Please ensure they have the same size.",
                    "binary cross-entropy compares each probability with its own label, so input and target need one shape.",
                    "reshape the target to " + input.size() + " (e.g. target.view(" + joined(input.dims) + ")), or the input to the target's");
        }
        for (float v : Strided.toArray(input)) {
            if (!(v >= 0 && v <= 1)) {
                throw new ValueError("all elements of input should be between 0 and 1",
                        "binary_cross_entropy takes probabilities; this input holds " + TorchFormat.number(v) + ".",
                        "pass sigmoid(logits), or better give the logits to binaryCrossEntropyWithLogits (BCEWithLogitsLoss), "
                                + "which is also more accurate");
            }
        }
        return LossGrad.bce(input, target, spread(weight, input), r);
    }

    /** F.binary_cross_entropy_with_logits: sigmoid and binary cross-entropy in one stable step. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target) {
        return binaryCrossEntropyWithLogits(input, target, null, null, "mean");
    }

    /** posWeight multiplies the loss of the positive label (y = 1), one value per class, broadcast over the last dim. */
    public static Tensor binaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor weight, Tensor posWeight,
                                                      String reduction) {
        Nulls.tensor(input, "binary_cross_entropy_with_logits", "input", 1);
        Nulls.tensor(target, "binary_cross_entropy_with_logits", "target", 2);
        Reduction r = Reduction.of(reduction);
        if (!Arrays.equals(input.dims, target.dims)) {
            throw new ValueError("Target size (" + target.size() + ") must be the same as input size (" + input.size() + ")",
                    "each logit is compared with its own label, so input and target need one shape.",
                    "reshape the target to " + input.size() + ", e.g. target.view(" + joined(input.dims) + ")");
        }
        return LossGrad.bceWithLogits(input, target, spread(weight, input), spread(posWeight, input), r);
    }

    /** weight broadcast to the input's shape, as a flat array (null stays null). */
    private static float[] spread(Tensor weight, Tensor input) {
        if (weight == null) return null;
        int[] shape = Shapes.broadcast(input.dims, weight.dims);
        if (!Arrays.equals(shape, input.dims)) {
            throw new ShapeError("output with shape " + TorchFormat.shapeString(input.dims) + " doesn't match the broadcast shape "
                    + TorchFormat.shapeString(shape),
                    "a weight of shape " + TorchFormat.shapeString(weight.dims) + " would make more losses than the input has elements.",
                    "give a weight that broadcasts to " + TorchFormat.shapeString(input.dims));
        }
        return Strided.toArray(Views.expand(weight, input.dims));
    }

    private static String joined(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) sb.append(i > 0 ? ", " : "").append(dims[i]);
        return sb.toString();
    }
}
