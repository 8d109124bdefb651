package layerwise.train;

import layerwise.plot.Curve;
import layerwise.plot.Figure;
import layerwise.plot.LivePanels;
import layerwise.plot.Panel;
import layerwise.plot.Plots;
import layerwise.table.Tables;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training run recorded: the loss (and accuracy) of every step, and per epoch the means over its steps
 * with the test loss and accuracy measured after it. {@link #table()} is the epochs as a table (Keras's
 * {@code history.history}, as rows), {@link #stepTable()} every step; {@link #plot} draws the loss and accuracy
 * curves into a PNG and, when there is a display, into a window that keeps updating as the run records more.
 * <pre>
 * var history = new History();
 * history.plot("run");                      // a window follows the run when there is a display
 * ... each step:   history.step(loss.item(), Metrics.accuracy(out, y));
 * ... each epoch:  history.epoch(testLoss, testAccuracy);
 * history.plot("run");                      // the PNG of the whole run
 * </pre>
 */
public final class History {
    /** The fastest the live window is redrawn. */
    private static final long REDRAW_NANOS = 200_000_000L;

    private final List<Double> losses = new ArrayList<>();
    private final List<Double> accuracies = new ArrayList<>();
    /** Per epoch: the step count at its end, train loss, train accuracy, test loss, test accuracy. */
    private final List<double[]> epochs = new ArrayList<>();
    private int epochStart;
    private LivePanels live;
    private long lastDraw;

    /** Records one step's loss. */
    public void step(double loss) {
        step(loss, Double.NaN);
    }

    /** Records one step's loss and accuracy (NaN: not measured). */
    public void step(double loss, double accuracy) {
        losses.add(loss);
        accuracies.add(accuracy);
        redraw(false);
    }

    /**
     * Closes an epoch: its train loss and accuracy are the means over the steps since the last epoch; the test
     * loss and accuracy are what you measured after it (NaN: not measured).
     */
    public void epoch(double testLoss, double testAccuracy) {
        if (losses.size() == epochStart) {
            throw new IllegalStateException("no step was recorded since the last epoch\n"
                    + "  An epoch's train loss is the mean of its steps' losses.\n"
                    + "  Fix: call history.step(loss) once per batch, then history.epoch(...) once per epoch.");
        }
        epochs.add(new double[] {losses.size(), mean(losses, epochStart), mean(accuracies, epochStart), testLoss, testAccuracy});
        epochStart = losses.size();
        redraw(true);
    }

    public int steps() {
        return losses.size();
    }

    public int epochs() {
        return epochs.size();
    }

    /** Every step's loss, in order. */
    public double[] losses() {
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Every step's accuracy (NaN where none was recorded). */
    public double[] accuracies() {
        return accuracies.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The test accuracy of the last epoch (NaN before the first). */
    public double testAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1)[4];
    }

    /** The test loss of the last epoch (NaN before the first). */
    public double testLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1)[3];
    }

    /**
     * The loss averaged over the last {@code window} steps at each step (fewer at the start): one batch's loss is
     * noisy, and the mean shows the trend.
     */
    public double[] smoothed(int window) {
        if (window < 1) throw new IllegalArgumentException("a window of at least one step is needed, got " + window);
        double[] out = new double[losses.size()];
        double sum = 0;
        for (int i = 0; i < out.length; i++) {
            sum += losses.get(i);
            if (i >= window) sum -= losses.get(i - window);
            out[i] = sum / Math.min(i + 1, window);
        }
        return out;
    }

    /**
     * How many steps it took until the loss, averaged over the last {@code window} steps, first reached
     * {@code target} or below; -1 when it never did. A loss that is NaN (a run that blew up) never reaches it.
     */
    public int stepsTo(double target, int window) {
        double[] s = smoothed(window);
        for (int i = 0; i < s.length; i++) if (s[i] <= target) return i + 1;
        return -1;
    }

    /** One row per epoch: epoch, steps so far, train loss and accuracy (means over its steps), test loss and accuracy. */
    public Table table() {
        int n = epochs.size();
        int[] epoch = new int[n];
        Map<String, double[]> columns = new LinkedHashMap<>();
        String[] names = {"steps", "train_loss", "train_accuracy", "test_loss", "test_accuracy"};
        for (String c : names) columns.put(c, new double[n]);
        for (int e = 0; e < n; e++) {
            epoch[e] = e + 1;
            for (int c = 0; c < names.length; c++) columns.get(names[c])[e] = epochs.get(e)[c];
        }
        return Tables.columns("training history: " + n + " epochs, " + losses.size() + " steps", "epoch", epoch, columns);
    }

    /** One row per step: step, loss, accuracy. */
    public Table stepTable() {
        int[] step = new int[losses.size()];
        for (int i = 0; i < step.length; i++) step[i] = i + 1;
        Map<String, double[]> columns = new LinkedHashMap<>();
        columns.put("loss", losses());
        columns.put("accuracy", accuracies());
        return Tables.columns("training history: " + step.length + " steps", "step", step, columns);
    }

    /**
     * The loss (log axis) and accuracy curves over the steps (step 0 is the loss before the first update, an
     * epoch's point sits at the number of steps done when it ended), saved as name.png. When there is a display a window
     * shows them too and, from then on, redraws as steps and epochs are recorded (closing it leaves JShell running).
     */
    public Figure<?> plot(String name) {
        if (live == null) live = Plots.livePanels(title(), "step", panels());
        else live.update(panels());
        Figure<?> figure = live.save(name);
        live.show();
        return figure;
    }

    private String title() {
        return "training history";
    }

    /** The two panels: loss per step with the epoch means and test loss over it; accuracy per epoch. */
    List<Panel> panels() {
        double[] stepX = new double[losses.size()];
        for (int i = 0; i < stepX.length; i++) stepX[i] = i;    // step 0: the loss before the first update
        double[] epochX = column(0);
        List<Curve> loss = List.of(new Curve("train loss, each step", stepX, losses()),
                new Curve("train loss, epoch mean", epochX, column(1)),
                new Curve("test loss, after each epoch", epochX, column(3)));
        List<Curve> accuracy = List.of(new Curve("train accuracy, epoch mean", epochX, column(2)),
                new Curve("test accuracy, after each epoch", epochX, column(4)));
        return List.of(Panel.log("loss (log scale)", "loss", loss), Panel.of("accuracy", "fraction right", accuracy));
    }

    private double[] column(int c) {
        return epochs.stream().mapToDouble(e -> e[c]).toArray();
    }

    private void redraw(boolean now) {
        if (live == null || !live.showing()) return;
        long t = System.nanoTime();
        if (!now && t - lastDraw < REDRAW_NANOS) return;
        lastDraw = t;
        live.update(panels());
    }

    private static double mean(List<Double> values, int from) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < values.size(); i++) {
            if (Double.isNaN(values.get(i))) continue;
            sum += values.get(i);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public String toString() {
        String s = String.format(Locale.ROOT, "History(%d steps, %d epochs", losses.size(), epochs.size());
        if (!losses.isEmpty()) s += String.format(Locale.ROOT, ", last loss %.4f", losses.get(losses.size() - 1));
        if (!Double.isNaN(testAccuracy())) s += String.format(Locale.ROOT, ", test accuracy %.1f%%", 100 * testAccuracy());
        return s + ")";
    }
}
