package layerwise.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import layerwise.data.DataLoader;
import layerwise.data.TensorDataset;
import layerwise.io.SafeTensors;
import layerwise.io.SafeTensorsFile;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training runs recorded in PyTorch 1.13 (src/test/python/gen_training_fixtures.py: an MLP and a conv net,
 * 20 steps of CrossEntropyLoss on shuffled minibatches of 8 out of 36 samples, with SGD(momentum=0.9,
 * weight_decay=1e-3) and with Adam) replayed here from the same initial weights on the same minibatches:
 * every step's loss, the final weights and the optimizer's state must be PyTorch's. The minibatches are
 * recorded, so the replay does not rest on the DataLoader; the DataLoader's own shuffle is checked against
 * them separately.
 *
 * <p>The tolerance ({@link TrainingCheck}): a loss within 1e-6 of its size, a final weight or a state value
 * within 4e-6 of its tensor's largest value. The replay cannot be bit-exact: its matrix products and
 * convolutions add the same float32 terms as PyTorch's kernels but in another order, about one rounding
 * (6e-8 relative) apart per op, and each step's difference reaches the next step's forward pass. Measured
 * (the largest over the four runs; the same under the SIMD, scalar and plain kernels to within a rounding):
 * losses 2.4e-7 absolute, 2.8e-7 of the loss; final weights 1.2e-7 absolute, 3.7e-7 of their tensor's largest
 * value; optimizer state 1.6e-7 absolute, 7.6e-7 of its tensor's largest value (a momentum buffer; Adam's
 * exp_avg 1.9e-8, exp_avg_sq 1.2e-10, and its step counts are equal). That is float32's rounding floor:
 * PyTorch's own float32 run differs from the same run in float64 by 0.6e-7 to 2e-7 (the files'
 * f32_vs_f64.* metadata), and over these 20 steps the errors do not grow beyond a few ulp. The bounds sit
 * 3.5 and 5 times above the measured maxima, and real mistakes land far outside them: two minibatches
 * swapped ({@link #theToleranceCatchesSwappedBatches}) or SGD's weight decay left out
 * ({@link #theToleranceCatchesAMissingWeightDecay}) move the final weights by 1e-3 to 1.4e-2, 0.3% to 3% of
 * their tensor's largest value, a thousand times the bound.
 */
class TrainingReplayTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/pytorch-1.13/training");
    static final int SAMPLES = 36;
    static final int BATCH = 8;

    static List<Path> runs() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        }
    }

    @Test
    @DisplayName("the four recorded runs are there: MLP and conv net, each with SGD and with Adam")
    void fourRunsArePresent() throws IOException {
        List<String> names = new ArrayList<>();
        for (Path p : runs()) {
            TrainingRun run = TrainingRun.read(p);
            names.add(run.name() + ":" + run.args().string("optimizer"));
            assertEquals(20, run.batches().size(), run.name());
            assertEquals(20, run.losses().length, run.name());
        }
        assertEquals(List.of("conv_adam:Adam", "conv_sgd_momentum:SGD", "mlp_adam:Adam", "mlp_sgd_momentum:SGD"), names);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @DisplayName("the recorded minibatches are epochs of a shuffle: 8, 8, 8, 8, 4 samples, each epoch every sample once")
    void recordedBatchesAreShuffledEpochs(Path file) throws IOException {
        List<int[]> batches = TrainingRun.read(file).batches();
        List<List<Integer>> epochs = new ArrayList<>();
        List<Integer> epoch = new ArrayList<>();
        for (int step = 0; step < batches.size(); step++) {
            int[] batch = batches.get(step);
            assertEquals(step % 5 == 4 ? SAMPLES - 4 * BATCH : BATCH, batch.length, "size of batch " + step);
            for (int i : batch) epoch.add(i);
            if (epoch.size() == SAMPLES) {
                epochs.add(epoch);
                epoch = new ArrayList<>();
            }
        }
        assertEquals(4, epochs.size());
        List<Integer> all = IntStream.range(0, SAMPLES).boxed().toList();
        for (List<Integer> e : epochs) {
            List<Integer> sorted = new ArrayList<>(e);
            Collections.sort(sorted);
            assertEquals(all, sorted, "an epoch visits every sample once");
            assertFalse(e.equals(all), "an epoch is shuffled");
        }
        assertEquals(4, epochs.stream().distinct().count(), "each epoch has its own order");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @DisplayName("the workbook's DataLoader, shuffling after manualSeed(loader_seed), gives the recorded minibatches")
    void dataLoaderGivesTheRecordedBatches(Path file) throws IOException {
        TrainingRun run = TrainingRun.read(file);
        List<int[]> recorded = run.batches();
        // as the recording did: torch.manual_seed(loader_seed), DataLoader(batch_size=8, shuffle=True), and a
        // new epoch (iter(loader)) whenever one runs out; the dataset holds each sample's index
        Tensor.manualSeed(run.loaderSeed());
        DataLoader loader = new DataLoader(new TensorDataset(Tensor.arange(SAMPLES)),
                DataLoader.options().batchSize(BATCH).shuffle(true).dropLast(false));
        List<int[]> drawn = new ArrayList<>();
        while (drawn.size() < recorded.size()) {
            for (List<Tensor> batch : loader) {
                float[] indices = batch.get(0).toFloatArray();
                int[] ints = new int[indices.length];
                for (int i = 0; i < ints.length; i++) ints[i] = (int) indices[i];
                drawn.add(ints);
                if (drawn.size() == recorded.size()) break;
            }
        }
        for (int step = 0; step < recorded.size(); step++) {
            assertArrayEquals(recorded.get(step), drawn.get(step), "batch of step " + step);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @DisplayName("replayed on PyTorch's minibatches, every step's loss, the final weights and the optimizer state are PyTorch's")
    void replayMatchesPyTorch(Path file) throws IOException {
        TrainingRun run = TrainingRun.read(file);
        List<TrainingCheck.Verdict> verdicts = TrainingCheck.check(run, run.replay());
        assertEquals(1 + run.finalState().size() + run.optimizerState().size(), verdicts.size(),
                "one verdict per loss, final tensor and state tensor: " + verdicts);
        for (TrainingCheck.Verdict v : verdicts) assertTrue(v.passed(), run.name() + ": " + v.problem());
        System.out.println(measured(run.name(), verdicts));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @DisplayName("the tolerance catches the last two minibatches swapped")
    void theToleranceCatchesSwappedBatches(Path file) throws IOException {
        TrainingRun run = TrainingRun.read(file);
        List<int[]> batches = new ArrayList<>(run.batches());
        Collections.swap(batches, 17, 18);                    // two batches of 8, of the last epoch
        List<TrainingCheck.Verdict> verdicts = TrainingCheck.check(run, run.replay(batches));
        assertFalse(verdicts.get(0).passed(), "loss");
        for (TrainingCheck.Verdict v : verdicts) {
            if (v.quantity().startsWith("final.") && v.quantity().endsWith("weight")) {
                assertFalse(v.passed(), v.quantity() + " " + v.error());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    @DisplayName("the tolerance catches SGD's weight decay left out, though it adds only lr·wd = 5e-5 of a weight per step")
    void theToleranceCatchesAMissingWeightDecay(Path file, @TempDir Path dir) throws IOException {
        SafeTensorsFile f = SafeTensors.read(file);
        if (!f.metadata().get("optimizer").equals("SGD")) return;
        Map<String, String> metadata = new LinkedHashMap<>(f.metadata());
        metadata.put("weight_decay", "0.0");
        Path changed = dir.resolve(file.getFileName());
        SafeTensors.write(changed, f.tensors(), metadata);
        TrainingRun run = TrainingRun.read(changed);
        for (TrainingCheck.Verdict v : TrainingCheck.check(run, run.replay())) {
            if (v.quantity().startsWith("final.") && v.quantity().endsWith("weight")) {
                assertFalse(v.passed(), v.quantity() + " " + v.error());
            }
        }
    }

    @Test
    @DisplayName("a replay's minibatches are the recorded rows, in order")
    void rowsPicksTheRecordedSamples() {
        var t = Tensor.arange(12).reshape(4, 3);
        assertArrayEquals(new float[] {9, 10, 11, 0, 1, 2, 9, 10, 11}, TrainingRun.rows(t, new int[] {3, 0, 3}).toFloatArray());
        assertArrayEquals(new int[] {3, 3}, TrainingRun.rows(t, new int[] {3, 0, 3}).shape());
    }

    /** The largest error of each kind of quantity, for the record in this class's comment. */
    private static String measured(String name, List<TrainingCheck.Verdict> verdicts) {
        Map<String, Double> max = new LinkedHashMap<>();
        for (TrainingCheck.Verdict v : verdicts) {
            String kind = v.quantity().equals("loss") ? "loss" : v.quantity().startsWith("final.") ? "final"
                    : "optim." + v.quantity().substring(v.quantity().lastIndexOf('.') + 1);
            max.merge(kind, v.maxAbsErr(), Math::max);
        }
        StringBuilder s = new StringBuilder("measured " + name + ":");
        max.forEach((k, e) -> s.append(String.format(Locale.ROOT, " %s %.2e", k, e)));
        return s.toString();
    }
}
