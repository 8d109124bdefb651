package layerwise.train;

import layerwise.plot.Figure;
import layerwise.plot.Plots;
import layerwise.table.Tables;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.TorchFormat;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class): row t, column p holds how many samples of class t the model called p,
 * so the diagonal holds the right answers and every other cell a kind of mistake ("a 9 read as a 4"). Made by
 * {@link Metrics#confusionMatrix}. {@link #table()} prints it, {@link #mistakes} draws the samples it got wrong.
 */
public final class ConfusionMatrix {
    /** How many wrong samples {@link #mistakes} draws at most. */
    public static final int MAX_PICTURES = 16;

    private final int[] predicted;
    private final int[] labels;
    private final int classes;
    private final int[][] counts;

    ConfusionMatrix(int[] predicted, int[] labels, int classes) {
        if (classes < 1) throw new IllegalArgumentException("a confusion matrix needs at least one class, got " + classes);
        this.predicted = predicted.clone();
        this.labels = labels.clone();
        this.classes = classes;
        counts = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            for (int v : new int[] {labels[i], predicted[i]}) {
                if (v < 0 || v >= classes) {
                    throw new IllegalArgumentException("class " + v + " at index " + i + " is outside [0, " + classes
                            + ")\n  Predictions and labels are class indices 0 .. C-1.\n  Fix: pass " + classes
                            + " as the number of classes only if every index is below it.");
                }
            }
            counts[labels[i]][predicted[i]]++;
        }
    }

    public int classes() {
        return classes;
    }

    /** Samples of class {@code truth} predicted as {@code predictedClass}. */
    public int count(int truth, int predictedClass) {
        return counts[truth][predictedClass];
    }

    /** The counts, row = true class, column = predicted class (a copy). */
    public int[][] counts() {
        int[][] copy = new int[classes][];
        for (int t = 0; t < classes; t++) copy[t] = counts[t].clone();
        return copy;
    }

    /** All samples counted. */
    public int total() {
        return labels.length;
    }

    /** The diagonal over the total: the accuracy. */
    public double accuracy() {
        int right = 0;
        for (int t = 0; t < classes; t++) right += counts[t][t];
        return labels.length == 0 ? Double.NaN : (double) right / labels.length;
    }

    /** The indices of the samples predicted wrong, in order. */
    public int[] wrong() {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> predicted[i] != labels[i]).toArray();
    }

    /** The most frequent mistake as {true, predicted, count}, or null when there is none. */
    public int[] commonestMistake() {
        int[] best = null;
        for (int t = 0; t < classes; t++) {
            for (int p = 0; p < classes; p++) {
                if (t != p && counts[t][p] > 0 && (best == null || counts[t][p] > best[2])) best = new int[] {t, p, counts[t][p]};
            }
        }
        return best;
    }

    /** A table, a row per true class, a column per predicted class, and the row's accuracy (recall). */
    public Table table() {
        String[] rows = new String[classes], cols = new String[classes];
        double[] recall = new double[classes];
        for (int t = 0; t < classes; t++) {
            rows[t] = String.valueOf(t);
            cols[t] = "→" + t;
            int sum = 0;
            for (int p = 0; p < classes; p++) sum += counts[t][p];
            recall[t] = sum == 0 ? Double.NaN : (double) counts[t][t] / sum;
        }
        return Tables.counts("confusion matrix: rows true class, columns predicted (" + labels.length + " samples)",
                "true", rows, cols, counts, "right", recall);
    }

    /**
     * The samples it got wrong, as images (at most {@link #MAX_PICTURES}), each titled with its true and predicted
     * class. {@code images} holds the same samples, in order: (N, H, W), (N, 1, H, W) or flat (N, H·W) with square
     * images (an 8×8 digit as 64 numbers).
     */
    public Figure<?> mistakes(Tensor images, String name) {
        if (images.dim() < 2 || images.size(0) != labels.length) {
            throw new ShapeError("expected " + labels.length + " images (one per sample), got shape "
                    + TorchFormat.shapeString(images.shape()),
                    "The pictures are of the samples this matrix counted, in the same order.",
                    "pass the inputs the scores came from, e.g. xTest.");
        }
        Tensor square = asImages(images.detach());
        int[] wrong = wrong();
        if (wrong.length == 0) {
            System.out.println("no mistakes to draw: all " + labels.length + " samples are right");
            return null;
        }
        int shown = Math.min(wrong.length, MAX_PICTURES);
        List<Tensor> picked = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            int i = wrong[k];
            picked.add(square.select(0, i));
            names.add("#" + i + ": " + labels[i] + " read as " + predicted[i]);
        }
        String title = wrong.length + " of " + labels.length + " wrong" + (shown < wrong.length ? " (the first " + shown + ")" : "")
                + ": true class read as predicted";
        return Plots.imageGrid(Tensor.stack(picked, 0), title, names, name);
    }

    private static Tensor asImages(Tensor images) {
        if (images.dim() == 3) return images;
        if (images.dim() == 4 && images.size(1) == 1) return images.select(1, 0);
        if (images.dim() == 2) {
            int side = (int) Math.round(Math.sqrt(images.size(1)));
            if (side * side == images.size(1)) return images.reshape(images.size(0), side, side);
        }
        throw new ShapeError("cannot draw samples of shape " + TorchFormat.shapeString(images.shape()) + " as images",
                "Images are (N, H, W), (N, 1, H, W), or (N, H·W) with H = W.",
                "reshape them to (N, H, W) first.");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(java.util.Locale.ROOT,
                "confusion matrix (%d classes, %d samples, accuracy %.1f%%); rows true, columns predicted%n",
                classes, labels.length, 100 * accuracy()));
        int width = Math.max(3, String.valueOf(labels.length).length() + 1);
        sb.append(" ".repeat(6));
        for (int p = 0; p < classes; p++) sb.append(String.format("%" + width + "d", p));
        for (int t = 0; t < classes; t++) {
            sb.append(String.format("%n%5d ", t));
            for (int p = 0; p < classes; p++) sb.append(String.format("%" + width + "d", counts[t][p]));
        }
        return sb.toString();
    }
}
