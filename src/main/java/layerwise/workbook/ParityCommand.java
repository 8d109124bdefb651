package layerwise.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import layerwise.interop.ExportGradients;
import layerwise.interop.ExportShapes;
import layerwise.interop.ModuleFactory;
import layerwise.io.Fixture;
import layerwise.io.TensorFileException;
import layerwise.nn.Module;
import layerwise.tensor.Tensor;

/**
 * {@code ./workbook parity [--init] FILE...}: checks layers against PyTorch exports (safetensors files
 * holding a state dict, {@code input}, {@code output} [, {@code h0}, {@code c0}, {@code h_n}, {@code c_n}],
 * optionally gradients, and a {@code __metadata__} naming the module and its constructor arguments; see
 * {@link Fixture}).
 *
 * <p>Default: build the module from the metadata, load the file's weights, run forward and compare every
 * output with {@code |got - expected| <= atol + rtol * |expected|} (atol 1e-5, rtol 1e-4), printing
 * {@code PASS <file> max_abs_err=<e>} or {@code FAIL <file> <what differs>}. When the file carries
 * gradients ({@code grad.input}, {@code grad.h0}, {@code grad.c0}, {@code grad.<state dict key>}, each
 * optional, and the upstream {@code grad_output}, {@code grad_h_n}, {@code grad_c_n} they come from), run
 * forward again with the input (and h0, c0) requiring grad, call backward from the upstream gradients
 * (see {@link ExportGradients}) and print one line per gradient, {@code PASS <file> grad.<name>
 * max_abs_err=<e>} or {@code FAIL <file> grad.<name>: <what differs>}, at atol 1e-4, rtol 1e-3: a
 * gradient sums many more float32 products than the forward pass (a weight's gradient one per output
 * position), and PyTorch's own float32 gradients differ from float64 by up to 8e-6 in the fixtures.
 * A file passes when all its lines do.
 * A recorded training run ({@code "kind": "training"} in the metadata) is replayed instead, one line per
 * quantity, or with {@code --init} its initial weights checked (see {@link TrainingParity}).
 * With {@code --init}: seed the generator with the file's {@code init_seed}, build the module, and
 * compare its default-initialised state dict with the file's bit for bit.
 * Exit status 1 when any file fails (an unreadable file is a FAIL with the reason), 2 for bad usage.
 *
 * <p>A file cannot stop the run: its state dict's keys and shapes are checked against the metadata
 * before anything is built (so the metadata cannot ask for more memory than the file holds), and
 * whatever a file throws, an {@code Error} included, is its FAIL line; the next file is checked and the
 * summary printed. Relative paths are resolved against the directory {@code ./workbook} was run from.
 */
public final class ParityCommand {
    static final Tolerance FORWARD = new Tolerance(1e-5, 1e-4);
    static final Tolerance GRADIENT = new Tolerance(1e-4, 1e-3);

    /** Elementwise closeness: |got - expected| <= atol + rtol * |expected|. */
    record Tolerance(double atol, double rtol) {
    }

    private ParityCommand() {
    }

    public static int main(String[] args) {
        boolean init = false;
        List<String> files = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--init")) {
                init = true;
            } else if (a.startsWith("--")) {
                throw new Command.UsageError("unknown option " + a + " (the one option is --init)");
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            throw new Command.UsageError("give at least one fixture file, e.g. "
                    + "src/test/resources/fixtures/pytorch-1.13/linear_2d.safetensors");
        }
        return checkAll(files, init ? ParityCommand::checkInit : ParityCommand::check);
    }

    /**
     * Checks the files one by one, whatever one of them does, and prints the lines of each and a summary.
     * {@code check} gets the resolved path and the path as typed, and returns one line or several (joined
     * by newlines); a file fails when one of its lines is a FAIL.
     */
    static int checkAll(List<String> files, BiFunction<Path, String, String> check) {
        int failures = 0;
        for (String typed : files) {
            Path file = CallerPaths.resolve(typed);
            String lines;
            try {
                lines = check.apply(file, typed);
            } catch (Throwable t) { // an OutOfMemoryError or a StackOverflowError fails this file, not the run
                lines = "FAIL " + typed + " " + reason(t);
            }
            System.out.println(lines);
            System.out.flush();
            if (lines.startsWith("FAIL") || lines.contains("\nFAIL")) failures++;
        }
        if (files.size() > 1) {
            System.out.println((files.size() - failures) + " passed, " + failures + " failed");
        }
        return failures == 0 ? 0 : 1;
    }

    static String check(Path file) {
        return check(file, file.toString());
    }

    /**
     * The forward line, PASS with the largest absolute error of the outputs or FAIL with what differs or
     * why the file failed, then one line per gradient the file carries (see {@link #gradientLines}), joined
     * by newlines. {@code shown} is the file as the user typed it.
     */
    static String check(Path file, String shown) {
        if (TrainingParity.isTrainingRun(file)) return TrainingParity.check(file, shown);
        Fixture f;
        Module module;
        try {
            f = Fixture.read(file);
            String mismatch = stateDictMismatch(f);
            if (mismatch != null) return "FAIL " + shown + " " + mismatch;
            module = ModuleFactory.fromMetadata(f.metadata());
            module.eval();
            module.loadStateDict(f.stateDict());
        } catch (Exception e) {
            return "FAIL " + shown + " " + reason(e);
        }
        List<String> lines = new ArrayList<>();
        lines.add(forwardLine(f, module, shown));
        lines.addAll(gradientLines(f, module, shown));
        return String.join("\n", lines);
    }

    /** PASS with the largest absolute error of the outputs, or FAIL with the first that differs. */
    private static String forwardLine(Fixture f, Module module, String shown) {
        try {
            Map<String, Tensor> got = ModuleFactory.forward(module, f.tensors());
            double maxErr = 0;
            for (Map.Entry<String, Tensor> e : f.expectedOutputs().entrySet()) {
                Tensor actual = got.get(e.getKey());
                String problem = compare(e.getKey(), actual, e.getValue(), FORWARD);
                if (problem != null) return "FAIL " + shown + " " + problem;
                maxErr = Math.max(maxErr, maxAbsErr(actual, e.getValue()));
            }
            return "PASS " + shown + " max_abs_err=" + String.format(Locale.ROOT, "%.3e", maxErr);
        } catch (Exception e) {
            return "FAIL " + shown + " " + reason(e);
        }
    }

    /**
     * One line per gradient the file carries ({@code grad.<name>}, in file order): PASS with its largest
     * absolute error, or FAIL with what differs. None for a file without gradients. When backward itself
     * cannot run, one FAIL line names every gradient it could not check, and why.
     */
    static List<String> gradientLines(Fixture f, Module module, String shown) {
        Map<String, Tensor> expected = f.expectedGradients();
        if (expected.isEmpty()) return List.of();
        Map<String, Tensor> got;
        try {
            got = ExportGradients.backward(module, f.tensors(), f.upstreamGradients());
        } catch (Exception e) {
            List<String> names = expected.keySet().stream().map(k -> Fixture.GRAD_PREFIX + k).toList();
            return List.of("FAIL " + shown + " " + String.join(", ", names) + ": backward failed: " + reason(e));
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Tensor> e : expected.entrySet()) {
            String name = Fixture.GRAD_PREFIX + e.getKey();
            String problem;
            if (!got.containsKey(e.getKey())) {
                problem = List.of("h0", "c0").contains(e.getKey())
                        ? name + ": the file has no " + e.getKey() + " tensor, so nothing took this gradient"
                        : name + ": the module has no parameter " + e.getKey() + " (its parameters are "
                        + module.stateDict().keySet() + ")";
            } else if (got.get(e.getKey()) == null) {
                problem = name + ": no gradient reached " + e.getKey() + " (an op on its path records no backward)";
            } else {
                problem = compare(name, got.get(e.getKey()), e.getValue(), GRADIENT);
            }
            lines.add(problem != null ? "FAIL " + shown + " " + problem
                    : "PASS " + shown + " " + name + " max_abs_err="
                    + String.format(Locale.ROOT, "%.3e", maxAbsErr(got.get(e.getKey()), e.getValue())));
        }
        return lines;
    }

    static String checkInit(Path file) {
        return checkInit(file, file.toString());
    }

    /** One line: PASS when the default-initialised state dict equals the file's bit for bit. */
    static String checkInit(Path file, String shown) {
        if (TrainingParity.isTrainingRun(file)) return TrainingParity.checkInit(file, shown);
        try {
            Fixture f = Fixture.read(file);
            String mismatch = stateDictMismatch(f);
            if (mismatch != null) return "FAIL " + shown + " " + mismatch;
            Tensor.manualSeed(f.initSeed());
            Module module = ModuleFactory.fromMetadata(f.metadata());
            Map<String, Tensor> mine = module.stateDict();
            Map<String, Tensor> theirs = f.stateDict();
            if (!mine.keySet().equals(theirs.keySet())) {
                return "FAIL " + shown + " state dict keys differ: built " + mine.keySet() + ", file has " + theirs.keySet();
            }
            long values = 0;
            for (Map.Entry<String, Tensor> e : theirs.entrySet()) {
                Tensor m = mine.get(e.getKey());
                if (!Arrays.equals(m.shape(), e.getValue().shape())) {
                    return "FAIL " + shown + " " + e.getKey() + ": shape " + Arrays.toString(m.shape()) + ", expected "
                            + Arrays.toString(e.getValue().shape());
                }
                float[] a = m.toFloatArray();
                float[] b = e.getValue().toFloatArray();
                for (int i = 0; i < a.length; i++) {
                    if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                        return "FAIL " + shown + " " + e.getKey() + ": element " + i + " is " + a[i] + ", expected "
                                + b[i] + " (init_seed " + f.initSeed() + "); "
                                + countDifferentBits(a, b) + " of " + a.length + " values differ";
                    }
                }
                values += a.length;
            }
            return "PASS " + shown + " max_abs_err=0 (init_seed " + f.initSeed() + ": " + theirs.size()
                    + " tensors, " + values + " values bit-identical)";
        } catch (Exception e) {
            return "FAIL " + shown + " " + reason(e);
        }
    }

    /**
     * Null when the file's state dict has exactly the keys and shapes the metadata's module would have;
     * else what differs. Checked on the header's shapes before the module is built, so metadata cannot
     * make the check allocate more than the file holds.
     */
    static String stateDictMismatch(Fixture f) {
        Map<String, int[]> planned = ExportShapes.stateDict(f.metadata());
        Map<String, Tensor> inFile = f.stateDict();
        List<String> problems = new ArrayList<>();
        List<String> missing = new ArrayList<>(planned.keySet());
        missing.removeAll(inFile.keySet());
        List<String> unexpected = new ArrayList<>(inFile.keySet());
        unexpected.removeAll(planned.keySet());
        if (!missing.isEmpty()) problems.add("missing " + missing);
        if (!unexpected.isEmpty()) problems.add("unexpected " + unexpected);
        planned.forEach((key, shape) -> {
            Tensor t = inFile.get(key);
            if (t != null && !Arrays.equals(shape, t.shape())) {
                problems.add(key + " " + Arrays.toString(shape) + " in the metadata, " + Arrays.toString(t.shape())
                        + " in the file");
            }
        });
        if (problems.isEmpty()) return null;
        return "the state dict does not match the module the metadata describes (" + String.join("; ", problems)
                + "); nothing was built";
    }

    /** Null when actual matches expected within the tolerance, else what differs. */
    static String compare(String name, Tensor actual, Tensor expected, Tolerance tolerance) {
        if (actual == null) return name + ": the module returned no " + name;
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            return name + ": shape " + Arrays.toString(actual.shape()) + ", expected " + Arrays.toString(expected.shape());
        }
        float[] a = actual.toFloatArray();
        float[] b = expected.toFloatArray();
        int bad = 0;
        int worst = -1;
        double worstExcess = 0;
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs((double) a[i] - b[i]);
            double allowed = tolerance.atol() + tolerance.rtol() * Math.abs(b[i]);
            if (!(err <= allowed)) {      // also catches NaN
                bad++;
                double excess = Double.isNaN(err) ? Double.POSITIVE_INFINITY : err - allowed;
                if (worst < 0 || excess > worstExcess) {
                    worst = i;
                    worstExcess = excess;
                }
            }
        }
        if (bad == 0) return null;
        return String.format(Locale.ROOT, "%s: %d of %d elements differ beyond atol %.0e + rtol %.0e; worst at "
                + "flat index %d: got %s, expected %s (max_abs_err=%.3e)", name, bad, a.length, tolerance.atol(),
                tolerance.rtol(), worst,
                a[worst], b[worst], maxAbsErr(actual, expected));
    }

    static double maxAbsErr(Tensor actual, Tensor expected) {
        float[] a = actual.toFloatArray();
        float[] b = expected.toFloatArray();
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            double err = Math.abs((double) a[i] - b[i]);
            if (Double.isNaN(err)) return Double.NaN;
            max = Math.max(max, err);
        }
        return max;
    }

    private static int countDifferentBits(float[] a, float[] b) {
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) n++;
        }
        return n;
    }

    /**
     * The message of a failure on one line (errors from the layers span several). A file error already
     * names the file, which the FAIL line shows first, so only its problem is kept.
     */
    static String reason(Throwable e) {
        String message = e instanceof TensorFileException fileError ? fileError.problem()
                : e instanceof Error ? e.toString()
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace("\n", " |");
    }
}
