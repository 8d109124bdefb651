package layerwise.train;

import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.TorchFormat;

/**
 * How often a classifier is right: {@link #accuracy}, {@link #predictions} and {@link #confusionMatrix}. Scores
 * are a model's raw outputs (logits) of shape (N, C); labels are the class indices of shape (N), as whole numbers
 * in a float tensor (what {@code CrossEntropyLoss} takes). The predicted class is the highest score, the first
 * one on a tie, as {@code logits.argmax(1)} picks it.
 */
public final class Metrics {
    private Metrics() {
    }

    /** The predicted class of each row: the index of its largest score. */
    public static int[] predictions(Tensor logits) {
        requireScores(logits);
        int n = logits.size(0), c = logits.size(1);
        float[] s = logits.detach().contiguous().toFloatArray();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 1; k < c; k++) if (s[i * c + k] > s[i * c + best]) best = k;
            out[i] = best;
        }
        return out;
    }

    /** The labels as ints, checked to be class indices 0 .. classes-1. */
    public static int[] labels(Tensor labels, int classes) {
        if (labels.dim() != 1) {
            throw new ShapeError("labels should be 1-D, got shape " + TorchFormat.shapeString(labels.shape()),
                    "Labels hold one class index per sample: shape (N).", "pass labels of shape (N), e.g. y.view(-1).");
        }
        float[] v = labels.detach().toFloatArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            if (v[i] != Math.rint(v[i]) || v[i] < 0 || v[i] >= classes) {
                throw new IllegalArgumentException("label " + v[i] + " at index " + i + " is not a class index in [0, "
                        + classes + ")\n  Labels are whole numbers 0 .. C-1 for scores with C columns.\n"
                        + "  Fix: pass the class indices (as CrossEntropyLoss takes them), not one-hot rows or scores.");
            }
            out[i] = (int) v[i];
        }
        return out;
    }

    /** The fraction of rows whose largest score is the label's: between 0 and 1. */
    public static double accuracy(Tensor logits, Tensor labels) {
        int[] predicted = predictions(logits);
        int[] truth = labels(labels, logits.size(1));
        requireSameCount(predicted.length, truth.length);
        return accuracy(predicted, truth);
    }

    /** The fraction of equal entries. */
    public static double accuracy(int[] predicted, int[] labels) {
        requireSameCount(predicted.length, labels.length);
        if (labels.length == 0) return Double.NaN;
        int right = 0;
        for (int i = 0; i < labels.length; i++) if (predicted[i] == labels[i]) right++;
        return (double) right / labels.length;
    }

    /** Counts of (true class, predicted class) for scores (N, C) and labels (N); C classes. */
    public static ConfusionMatrix confusionMatrix(Tensor logits, Tensor labels) {
        int[] predicted = predictions(logits);
        int[] truth = labels(labels, logits.size(1));
        requireSameCount(predicted.length, truth.length);
        return new ConfusionMatrix(predicted, truth, logits.size(1));
    }

    /** Counts of (true class, predicted class) for predicted and true class indices in [0, classes). */
    public static ConfusionMatrix confusionMatrix(int[] predicted, int[] labels, int classes) {
        requireSameCount(predicted.length, labels.length);
        return new ConfusionMatrix(predicted, labels, classes);
    }

    private static void requireScores(Tensor logits) {
        if (logits.dim() != 2 || logits.size(1) == 0) {
            throw new ShapeError("expected scores of shape (N, C), got shape " + TorchFormat.shapeString(logits.shape()),
                    "A classifier's output has one row per sample and one score per class.",
                    "pass model.forward(x) for a batch x, or logits.unsqueeze(0) for a single sample.");
        }
    }

    private static void requireSameCount(int predicted, int labels) {
        if (predicted != labels) {
            throw new ShapeError("got " + predicted + " predictions for " + labels + " labels",
                    "Each sample needs its prediction and its label.",
                    "pass the scores and the labels of the same batch.");
        }
    }
}
