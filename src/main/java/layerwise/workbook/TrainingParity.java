package layerwise.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import layerwise.interop.TrainingCheck;
import layerwise.interop.TrainingRun;
import layerwise.io.SafeTensors;
import layerwise.tensor.Tensor;

/**
 * {@code ./workbook parity} on a recorded training run (a file whose metadata has {@code "kind": "training"},
 * see {@link TrainingRun}): replays it on the recorded minibatches and prints one line per quantity,
 * {@code PASS <file> loss max_abs_err=<e>}, then {@code final.<key>} for each final weight and
 * {@code optim.<i>.<name>} for each optimizer-state tensor, or {@code FAIL <file> <what differs>}, within
 * {@link TrainingCheck}'s tolerance. With {@code --init}: one line, PASS when the model built after
 * {@code manualSeed(init_seed)} holds {@code init.*} bit for bit.
 */
final class TrainingParity {
    private TrainingParity() {
    }

    /** Whether the file reads as safetensors with {@code "kind": "training"}; any other file is not one. */
    static boolean isTrainingRun(Path file) {
        try {
            return TrainingRun.isTraining(SafeTensors.read(file).metadata());
        } catch (Exception e) {
            return false;
        }
    }

    /** The lines of one training file, joined by newlines; a replay that cannot run is one FAIL with why. */
    static String check(Path file, String shown) {
        List<TrainingCheck.Verdict> verdicts;
        try {
            TrainingRun run = TrainingRun.read(file);
            verdicts = TrainingCheck.check(run, run.replay());
        } catch (Exception e) {
            return "FAIL " + shown + " replay failed: " + ParityCommand.reason(e);
        }
        List<String> lines = new ArrayList<>();
        for (TrainingCheck.Verdict v : verdicts) {
            lines.add(v.passed() ? "PASS " + shown + " " + v.quantity() + " " + v.error() : "FAIL " + shown + " " + v.problem());
        }
        return String.join("\n", lines);
    }

    /** One line: PASS when the default initialisation after manualSeed(init_seed) is init.*, bit for bit. */
    static String checkInit(Path file, String shown) {
        try {
            TrainingRun run = TrainingRun.read(file);
            long seed = run.args().longInteger("init_seed");
            Tensor.manualSeed(seed);
            Map<String, Tensor> mine = run.build().stateDict();
            long values = 0;
            for (Map.Entry<String, Tensor> e : run.initialState().entrySet()) {
                float[] a = mine.get(e.getKey()).toFloatArray();
                float[] b = e.getValue().toFloatArray();
                for (int i = 0; i < a.length; i++) {
                    if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                        return "FAIL " + shown + " init." + e.getKey() + ": element " + i + " is " + a[i] + ", expected "
                                + b[i] + " (init_seed " + seed + ")";
                    }
                }
                values += a.length;
            }
            return "PASS " + shown + " max_abs_err=0 (init_seed " + seed + ": " + mine.size() + " tensors, " + values
                    + " values bit-identical)";
        } catch (Exception e) {
            return "FAIL " + shown + " " + ParityCommand.reason(e);
        }
    }
}
