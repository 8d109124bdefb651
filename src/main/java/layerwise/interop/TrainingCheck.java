package layerwise.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import layerwise.tensor.Tensor;

/**
 * A replayed training run compared with PyTorch's record, one verdict per quantity: the losses of all
 * steps, each tensor of the final state dict ({@code final.<key>}) and each tensor of the optimizer state
 * ({@code optim.<i>.<name>}).
 *
 * <p>Tolerance, relative to the size of what is compared: a step's loss within {@value #LOSS_RTOL}·|loss|;
 * a tensor's values within {@value #STATE_RTOL}·max|tensor| (its largest magnitude, so an element near 0
 * is not held to a relative bound that rounding of its neighbours' sums cannot meet). Why these numbers:
 * this replay and PyTorch add the same float32 terms in other orders (our matrix products and convolutions
 * against OpenBLAS and PyTorch's own kernels), about one rounding, 6e-8 relative, apart per op; twenty steps
 * feed each difference into the next forward pass. Measured on the four committed runs, under the SIMD,
 * scalar and plain kernels: losses at most 2.8e-7·|loss| apart (2 ulp), final weights at most 3.7e-7 of
 * their tensor's largest value, optimizer state at most 7.6e-7 (a momentum buffer; Adam's step counts are
 * equal). PyTorch's own float32 run differs from its float64 run by as much (1e-7 to 2e-7 absolute,
 * {@code f32_vs_f64.*} in each file's metadata): the replay is at float32's rounding floor, and the bounds
 * are 3.5 and 5 times the largest measured error. A real mistake is far outside them: two minibatches of the
 * last epoch swapped, or SGD's weight decay left out (lr·wd = 5e-5 of each weight per step), move the final
 * weights by 0.3% to 3% of their tensor's largest value (TrainingReplayTest).
 */
public final class TrainingCheck {
    /** A step's loss may differ by this much of its magnitude. */
    public static final double LOSS_RTOL = 1e-6;
    /** A final weight or optimizer-state value may differ by this much of its tensor's largest magnitude. */
    public static final double STATE_RTOL = 4e-6;

    /**
     * One quantity's verdict: its name ("loss", "final.0.weight", "optim.2.exp_avg"), the largest absolute
     * error, and null or what differs.
     */
    public record Verdict(String quantity, double maxAbsErr, String problem) {
        public boolean passed() {
            return problem == null;
        }

        /** The largest error as the parity lines print it. */
        public String error() {
            return String.format(Locale.ROOT, "max_abs_err=%.3e", maxAbsErr);
        }
    }

    private TrainingCheck() {
    }

    /** The verdicts of a replay against the run's record: the losses, then final.*, then optim.*. */
    public static List<Verdict> check(TrainingRun run, TrainingRun.Result replay) {
        List<Verdict> verdicts = new ArrayList<>();
        verdicts.add(losses(run.losses(), replay.losses()));
        verdicts.addAll(tensors("final.", run.finalState(), replay.finalState()));
        verdicts.addAll(tensors("optim.", run.optimizerState(), replay.optimizerState()));
        return verdicts;
    }

    /** Every step's loss within LOSS_RTOL of its own magnitude; the problem names the first step that is not. */
    static Verdict losses(float[] expected, float[] got) {
        if (got.length != expected.length) {
            return new Verdict("loss", Double.NaN, "loss: " + got.length + " steps replayed, the record has " + expected.length);
        }
        double max = 0;
        String problem = null;
        for (int step = 0; step < expected.length; step++) {
            double err = Math.abs((double) got[step] - expected[step]);
            max = Double.isNaN(err) || Double.isNaN(max) ? Double.NaN : Math.max(max, err);
            if (problem == null && !(err <= LOSS_RTOL * Math.abs(expected[step]))) {
                problem = String.format(Locale.ROOT, "loss at step %d is %s, PyTorch's %s (beyond rtol %.0e)", step,
                        got[step], expected[step], LOSS_RTOL);
            }
        }
        return new Verdict("loss", max, problem);
    }

    /** One verdict per tensor of the record, in its order; a tensor the replay lacks, or extra, is a problem. */
    static List<Verdict> tensors(String prefix, Map<String, Tensor> expected, Map<String, Tensor> got) {
        List<Verdict> verdicts = new ArrayList<>();
        expected.forEach((key, want) -> verdicts.add(tensor(prefix + key, want, got.get(key))));
        got.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> verdicts.add(
                new Verdict(prefix + k, Double.NaN, prefix + k + ": the replay has it, the record does not")));
        return verdicts;
    }

    /** Every value within STATE_RTOL of the tensor's largest magnitude. */
    static Verdict tensor(String name, Tensor expected, Tensor got) {
        if (got == null) return new Verdict(name, Double.NaN, name + ": the replay has none");
        if (!Arrays.equals(got.shape(), expected.shape())) {
            return new Verdict(name, Double.NaN, name + ": shape " + Arrays.toString(got.shape()) + ", PyTorch's "
                    + Arrays.toString(expected.shape()));
        }
        float[] a = got.toFloatArray();
        float[] b = expected.toFloatArray();
        double scale = 0;
        for (float v : b) scale = Math.max(scale, Math.abs(v));
        double allowed = STATE_RTOL * scale;
        double max = 0;
        int worst = -1;
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs((double) a[i] - b[i]);
            if (Double.isNaN(err)) {
                return new Verdict(name, Double.NaN, name + ": element " + i + " is " + a[i] + ", PyTorch's " + b[i]);
            }
            if (err > max) {
                max = err;
                worst = i;
            }
        }
        if (max <= allowed) return new Verdict(name, max, null);
        return new Verdict(name, max, String.format(Locale.ROOT, "%s: element %d is %s, PyTorch's %s; max_abs_err=%.3e "
                + "beyond %.0e of the largest value %.3e", name, worst, a[worst], b[worst], max, STATE_RTOL, scale));
    }
}
