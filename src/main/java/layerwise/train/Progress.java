package layerwise.train;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A line that follows a training run: epoch, step, the epoch's mean loss and accuracy so far, and the time
 * left. In a terminal (and in the workbook's JShell) the line is rewritten in place ({@code \r}) as steps go by
 * and stays, complete, at the end of each epoch; when the output goes to a file or a pipe, only the completed
 * epoch lines are printed, one per epoch, so a log stays short.
 * <pre>
 * var progress = new Progress(epochs, loader.size());
 * for (...) { ...; loss.backward(); optimizer.step(); progress.step(loss.item(), Metrics.accuracy(out, y)); }
 * </pre>
 * The time left is the time per step so far times the steps still to run.
 */
public final class Progress {
    /** The fastest the in-place line is redrawn: more often would only cost time. */
    static final long REDRAW_NANOS = 100_000_000L;

    private final int epochs;
    private final int stepsPerEpoch;
    private final PrintStream out;
    private final boolean inPlace;
    private final LongSupplier clock;
    private final long start;
    private long lastDraw;
    private int lastWidth;
    private int done;
    private double lossSum, accuracySum;
    private int accuracyCount;

    /** Prints to System.out, in place when the output is a terminal ({@link #terminal()}). */
    public Progress(int epochs, int stepsPerEpoch) {
        this(epochs, stepsPerEpoch, System.out, terminal(), System::nanoTime);
    }

    Progress(int epochs, int stepsPerEpoch, PrintStream out, boolean inPlace, LongSupplier clock) {
        if (epochs < 1 || stepsPerEpoch < 1) {
            throw new IllegalArgumentException("Progress needs at least one epoch of at least one step, got " + epochs
                    + " epochs of " + stepsPerEpoch + " steps\n  It counts steps to know where the run is.\n"
                    + "  Fix: pass the number of epochs and the batches per epoch (a DataLoader's size()).");
        }
        this.epochs = epochs;
        this.stepsPerEpoch = stepsPerEpoch;
        this.out = out;
        this.inPlace = inPlace;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.lastDraw = start - REDRAW_NANOS;
    }

    /**
     * Whether the output is a terminal that can rewrite a line: a console, or the workbook's JShell (whose code
     * runs in a second JVM without one; the launcher says so with {@code -Dlayerwise.terminal=true}).
     */
    public static boolean terminal() {
        return System.console() != null || Boolean.getBoolean("layerwise.terminal");
    }

    /** Records one step's loss; the line shows the epoch's mean. */
    public void step(double loss) {
        step(loss, Double.NaN);
    }

    /** Records one step's loss and accuracy (NaN: none); the line shows the epoch's means. */
    public void step(double loss, double accuracy) {
        if (done == epochs * stepsPerEpoch) {
            throw new IllegalStateException("Progress was set up for " + epochs + " epochs of " + stepsPerEpoch
                    + " steps, and all " + done + " are done\n  A Progress follows one run.\n"
                    + "  Fix: make a new Progress for the next run, or give this one the right counts.");
        }
        done++;
        lossSum += loss;
        if (!Double.isNaN(accuracy)) {
            accuracySum += accuracy;
            accuracyCount++;
        }
        boolean epochEnd = done % stepsPerEpoch == 0;
        long now = clock.getAsLong();
        if (epochEnd) {
            String line = line(now, true);
            if (inPlace) out.print("\r" + pad(line) + "\n");
            else out.println(line);
            out.flush();
            lossSum = accuracySum = 0;
            accuracyCount = 0;
            lastWidth = 0;
            lastDraw = now;
        } else if (inPlace && now - lastDraw >= REDRAW_NANOS) {
            out.print("\r" + pad(line(now, false)));
            out.flush();
            lastDraw = now;
        }
    }

    /** Steps recorded so far. */
    public int steps() {
        return done;
    }

    /** Whether the line is rewritten in place. */
    public boolean inPlace() {
        return inPlace;
    }

    private String line(long now, boolean epochEnd) {
        int epoch = (done - 1) / stepsPerEpoch + 1;
        int inEpoch = (done - 1) % stepsPerEpoch + 1;
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d/%d  ", epoch, epochs));
        sb.append(epochEnd ? String.format(Locale.ROOT, "%d steps", stepsPerEpoch)
                : String.format(Locale.ROOT, "step %d/%d", inEpoch, stepsPerEpoch));
        sb.append(String.format(Locale.ROOT, "  loss %.4f", lossSum / inEpoch));
        if (accuracyCount > 0) sb.append(String.format(Locale.ROOT, "  accuracy %.1f%%", 100 * accuracySum / accuracyCount));
        double elapsed = (now - start) / 1e9;
        double left = elapsed / done * (epochs * stepsPerEpoch - done);
        sb.append(epochEnd ? String.format(Locale.ROOT, "  %s, %s left", seconds(elapsed), seconds(left))
                : String.format(Locale.ROOT, "  %s left", seconds(left)));
        return sb.toString();
    }

    /** The line padded with spaces over what the previous, longer one left on screen. */
    private String pad(String line) {
        String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
        lastWidth = line.length();
        return padded;
    }

    /** "0.4 s", "12 s", "2 min 05 s". */
    static String seconds(double s) {
        if (s < 10) return String.format(Locale.ROOT, "%.1f s", s);
        if (s < 60) return String.format(Locale.ROOT, "%.0f s", s);
        long whole = Math.round(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }

    @Override
    public String toString() {
        return "Progress(" + done + " of " + epochs * stepsPerEpoch + " steps, " + (inPlace ? "in place" : "a line per epoch") + ")";
    }
}
