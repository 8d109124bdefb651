package layerwise.tensor;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Steps that must run one after another, each cut into ranges that may run side by side: a recurrent
 * layer's time steps, forward ({@link RecurrentDirection}) and backward ({@link RecurrentBackward}), each
 * split over the threads by hidden units. All steps run in one parallel call instead of one per step
 * (waking a pool thread for every step costs tens of µs, a good part of a step): step s's ranges are
 * claimed one by one, each thread its own range first (whose weights its cache holds), then any range
 * left, and no thread starts step s+1 before every range of step s is done. A thread that starts late or
 * not at all holds nothing up, the others claim its ranges; waiting spins briefly, then yields. A thread
 * that fails lets the others stop.
 */
final class Lockstep {
    private Lockstep() {
    }

    /** One range of one step. */
    @FunctionalInterface
    interface RangeStep {
        void run(int step, int range);
    }

    /** Spins (about 50 µs) a waiting thread makes before it yields the core between checks. */
    private static final int SPINS = 1 << 10;

    /** Runs ranges 0..ranges-1 of steps 0..steps-1 in that order of steps, on up to {@code ranges} threads. */
    static void run(int steps, int ranges, RangeStep work) {
        if (ranges == 1) {
            for (int s = 0; s < steps; s++) work.run(s, 0);
            return;
        }
        AtomicIntegerArray claimed = new AtomicIntegerArray(steps * ranges);
        AtomicIntegerArray done = new AtomicIntegerArray(steps);
        AtomicBoolean failed = new AtomicBoolean();
        Parallel.forEach(ranges, k -> {
            for (int s = 0; s < steps; s++) {
                for (int j = 0; j < ranges; j++) {
                    int part = (k + j) % ranges;
                    if (!claimed.compareAndSet(s * ranges + part, 0, 1)) continue;
                    try {
                        work.run(s, part);
                    } catch (RuntimeException | Error e) {
                        failed.set(true);
                        throw e;
                    }
                    done.incrementAndGet(s);
                }
                for (int spins = 0; done.get(s) < ranges; spins++) {
                    if (failed.get()) return;
                    if (spins < SPINS) {
                        Thread.onSpinWait();
                    } else {
                        Thread.yield();
                    }
                }
            }
        });
    }

    /**
     * Hidden units 0..hidden-1 cut into {@code tasks} ranges of whole panels of a packed weight (a range of
     * {@link Gemm#range} must start at a panel): range k is bounds[k]..bounds[k+1]-1.
     */
    static int[] unitBounds(int hidden, int tasks) {
        int panel = Gemm.panelWidth();
        int panels = (hidden + panel - 1) / panel;
        int[] bounds = new int[tasks + 1];
        for (int k = 0; k <= tasks; k++) bounds[k] = Math.min(hidden, panels * k / tasks * panel);
        return bounds;
    }

    /** How many ranges a step of {@code work} multiply-adds over {@code hidden} units is worth: 1 when small. */
    static int tasks(long work, int hidden, int threads) {
        int panel = Gemm.panelWidth();
        int panels = (hidden + panel - 1) / panel;
        return work < Gemm.PARALLEL_WORK ? 1 : Math.max(1, Math.min(threads, panels));
    }
}
