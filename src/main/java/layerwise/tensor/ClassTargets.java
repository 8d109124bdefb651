package layerwise.tensor;

import java.util.Arrays;

/**
 * nll_loss and cross_entropy's three forms: class indices (one op, {@link LossGrad#nll}), class indices
 * with label smoothing and class probabilities (both composed from recorded ops, as PyTorch 1.13 composes
 * them in aten/src/ATen/native/LossNLL.cpp). The class dim is 1, or 0 for a single (C) sample.
 */
final class ClassTargets {
    private ClassTargets() {
    }

    static void requireDims(Tensor input) {
        throw new ValueError("Expected 1 or more dimensions (got " + input.dim() + ")",
                "the input holds one score per class, so it needs a class dim: (C) for one sample, (N, C) for a batch.",
                "pass scores of shape (C) or (N, C), e.g. input.reshape(1, -1) for one sample");
    }

    /** nll_loss_nd: PyTorch's shape checks in its order, then the class indices checked one by one. */
    static Tensor nll(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction) {
        if (input.dim() < 1) requireDims(input);
        if (input.dim() != 1 && target.dim() > 0 && input.size(0) != target.size(0)) {
            throw new ValueError("Expected input batch_size (" + input.size(0) + ") to match target batch_size ("
                    + target.size(0) + ").",
                    "dim 0 of the input counts the samples and the target needs one class index per sample.",
                    "give " + input.size(0) + " targets, or check that input and target come from the same batch");
        }
        int c = input.dim() == 1 ? input.size(0) : input.size(1);
        int[] lossShape;
        if (input.dim() <= 2) {
            if (target.dim() > 1) {
                throw new ShapeError("0D or 1D target tensor expected, multi-target not supported",
                        "the target holds one class index per sample, shape (N), but it has shape "
                                + TorchFormat.shapeString(target.dims) + ".",
                        "flatten it, e.g. target.view(-1), or for class probabilities give a target of the input's shape "
                                + TorchFormat.shapeString(input.dims));
            }
            boolean single = input.dim() == 1 && target.dim() == 0;
            if (!single && input.size(0) != target.size(0)) {
                throw new ShapeError("size mismatch (got input: " + TorchFormat.shapeString(input.dims) + ", target: "
                        + TorchFormat.shapeString(target.dims) + ")",
                        "a single sample of shape (C) takes a single class index, a 0-d target.",
                        "pass Tensor.scalar(index) as the target, or a batch of shape (N, C) with N targets");
            }
            lossShape = single ? new int[0] : new int[] {input.size(0)};
        } else {
            lossShape = Views.remove(input.dims, 1);
            if (!Arrays.equals(lossShape, target.dims)) {
                throw new ShapeError("Expected target size " + TorchFormat.shapeString(lossShape) + ", got "
                        + TorchFormat.shapeString(target.dims),
                        "for an input (N, C, d1, ...) the target holds one class index per position: (N, d1, ...).",
                        "give a target of shape " + TorchFormat.shapeString(lossShape));
            }
        }
        float[] w = weight == null ? null : Strided.toArray(weight);
        if (w != null && w.length != c) throw weightError(weight, c, "");
        int n = input.dim() == 1 ? 1 : input.size(0);
        int s = c == 0 ? 0 : Math.max(input.numel(), 1) / Math.max(n * c, 1);
        int[] classes = indices(target, c, ignoreIndex);
        if ((input.dim() == 3 || input.dim() > 4) && reduction == Reduction.NONE) {
            // PyTorch runs these through its (N, C, H, W) kernel and views the losses back: a ViewBackward0 on top
            return LossGrad.nll(input, n, c, s, classes, w, ignoreIndex, reduction, new int[] {n, s}).view(lossShape);
        }
        return LossGrad.nll(input, n, c, s, classes, w, ignoreIndex, reduction, lossShape);
    }

    static ValueError weightError(Tensor weight, int c, String prefix) {
        return new ValueError(prefix + "weight tensor should be defined either for all " + c
                + " classes or no classes but got weight tensor of shape: " + TorchFormat.shapeString(weight.dims),
                "weight rescales each class's loss, so it holds one number per class.",
                "pass a weight of " + c + " values, or none");
    }

    /** The target's values as class indices: whole numbers in [0, C), or ignoreIndex. */
    private static int[] indices(Tensor target, int c, int ignoreIndex) {
        float[] v = Strided.toArray(target);
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i])) {
                throw new ValueError("Target " + TorchFormat.number(v[i]) + " is not a class index",
                        "a target of another shape than the input holds class indices (PyTorch takes them as a long "
                                + "tensor; this float32 workbook as whole numbers in a float tensor).",
                        "round the targets, or for class probabilities give a target of the input's shape "
                                + TorchFormat.shapeString(target.dims));
            }
            out[i] = (int) v[i];
            if (out[i] != ignoreIndex && (out[i] < 0 || out[i] >= c)) {
                throw new IndexError("Target " + out[i] + " is out of bounds.",
                        "with " + c + " classes the class indices run from 0 to " + (c - 1) + ".",
                        "check the labels, or build the last layer with as many outputs as there are classes");
            }
        }
        return out;
    }

    /**
     * Label smoothing ε with class indices: the target puts 1 - ε on the true class and ε/C on every class,
     * so the loss mixes the plain loss with the mean of -log p over all classes:
     * <pre>
     *   loss = (1 - ε) · nll + (ε / C) · smooth,   smooth_n = -Σ_c w_c · logp[n, c]   (0 where ignored)
     * </pre>
     * "mean" divides Σ smooth by the summed weight of the counted targets (their number without weight).
     */
    static Tensor crossEntropySmoothed(Tensor input, Tensor target, Tensor weight, int ignoreIndex, Reduction reduction,
                                       double labelSmoothing) {
        checkSmoothing(labelSmoothing);
        Tensor logp = Losses.logSoftmaxOfClasses(input);
        Tensor nll = nll(logp, target, weight, ignoreIndex, reduction);
        int classDim = input.dim() == 1 ? 0 : 1;
        int c = input.size(classDim);
        Tensor smooth = (weight == null ? logp : logp.mul(classView(weight, input.dim(), classDim))).sum(classDim).neg();
        float[] t = Strided.toArray(target);
        float[] w = weight == null ? null : Strided.toArray(weight);
        float[] keep = new float[t.length];
        float counted = 0;
        for (int i = 0; i < t.length; i++) {
            boolean ignored = (int) t[i] == ignoreIndex;
            keep[i] = ignored ? 0f : 1f;
            if (!ignored) counted += w == null ? 1f : w[(int) t[i]];
        }
        smooth = smooth.mul(new Tensor(keep, target.shape(), Shapes.contiguousStrides(target.dims), 0));
        Tensor ret = reduction == Reduction.MEAN ? smooth.sum().div(counted)
                : reduction == Reduction.SUM ? smooth.sum() : smooth;
        return nll.mul((float) (1 - labelSmoothing)).add(ret.mul((float) (labelSmoothing / c)));
    }

    /**
     * Class probabilities as the target (same shape as the input), smoothed towards uniform by ε:
     * <pre>
     *   t' = t · (1 - ε) + ε / C
     *   loss_n = -Σ_c logp[n, c] · t'[n, c] · w_c,   "mean" = Σ_n loss_n / N   (N = numel / C)
     * </pre>
     */
    static Tensor crossEntropyProbabilities(Tensor input, Tensor target, Tensor weight, Reduction reduction,
                                            double labelSmoothing) {
        int classDim = input.dim() == 1 ? 0 : 1;
        int c = input.size(classDim);
        if (weight != null && (weight.dim() != 1 || weight.numel() != c)) throw weightError(weight, c, "cross_entropy: ");
        if (labelSmoothing > 0) checkSmoothing(labelSmoothing);
        Tensor logp = SoftmaxGrad.logSoftmax(input, classDim);
        Tensor t = labelSmoothing > 0 ? target.mul((float) (1 - labelSmoothing)).add((float) (labelSmoothing / c)) : target;
        Tensor product = logp.mul(t);
        if (weight != null) product = product.mul(classView(weight, input.dim(), classDim));
        switch (reduction) {
            case MEAN: return product.sum().neg().div((float) (input.numel() / c));
            case SUM: return product.sum().neg();
            default: return product.sum(classDim).neg();
        }
    }

    /** The weight viewed as (C, 1, 1, ...) so it broadcasts along the class dim. */
    private static Tensor classView(Tensor weight, int rank, int classDim) {
        int[] shape = new int[rank];
        Arrays.fill(shape, 1);
        shape[classDim] = weight.numel();
        return weight.reshape(shape);
    }

    private static void checkSmoothing(double labelSmoothing) {
        if (labelSmoothing > 1.0) {
            throw new ValueError("label_smoothing must be between 0.0 and 1.0. Got: " + TorchFormat.number(labelSmoothing),
                    "label smoothing moves that share of the target's weight from the true class to all classes evenly.",
                    "use a value between 0 and 1; 0.1 is common");
        }
    }
}
