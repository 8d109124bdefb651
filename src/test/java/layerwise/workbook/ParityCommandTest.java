package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import layerwise.io.Fixture;
import layerwise.io.SafeTensors;
import layerwise.io.SafeTensorsFile;
import layerwise.nn.Module;
import layerwise.nn.TensorModule;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ParityCommandTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/pytorch-1.13");

    /** A copy of a fixture with one tensor replaced. */
    static Path tampered(Path dir, String fixture, String tensor, Tensor replacement) throws Exception {
        SafeTensorsFile f = SafeTensors.read(DIR.resolve(fixture));
        Map<String, Tensor> tensors = new LinkedHashMap<>(f.tensors());
        tensors.put(tensor, replacement);
        Path out = dir.resolve("tampered_" + fixture);
        SafeTensors.write(out, tensors, f.metadata());
        return out;
    }

    @Test
    @DisplayName("a fixture that matches prints PASS with the largest absolute error")
    void passLine() {
        String line = ParityCommand.check(DIR.resolve("conv2d_same_even_kernel.safetensors")).lines().findFirst().get();
        assertTrue(line.matches("PASS \\S+conv2d_same_even_kernel.safetensors max_abs_err=\\d\\.\\d{3}e-\\d\\d"), line);
    }

    @Test
    @DisplayName("an output off by more than the tolerance prints FAIL naming the tensor, the count and the worst element")
    void failLine(@TempDir Path dir) throws Exception {
        Tensor output = SafeTensors.read(DIR.resolve("linear_2d.safetensors")).tensor("output").clone();
        output.set(output.get(2, 3) + 1e-3f, 2, 3);
        String line = ParityCommand.check(tampered(dir, "linear_2d.safetensors", "output", output));
        assertTrue(line.startsWith("FAIL ") && line.contains("output: 1 of 20 elements differ beyond atol 1e-05 + rtol 1e-04")
                && line.contains("flat index 13"), line);
    }

    @Test
    @DisplayName("a wrong output shape and an unreadable file are FAILs with the reason")
    void failReasons(@TempDir Path dir) throws Exception {
        String shape = ParityCommand.check(tampered(dir, "linear_2d.safetensors", "output", Tensor.zeros(4, 6)));
        assertTrue(shape.contains("output: shape [4, 5], expected [4, 6]"), shape);
        Path truncated = dir.resolve("truncated.safetensors");
        byte[] bytes = Files.readAllBytes(DIR.resolve("linear_2d.safetensors"));
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 100));
        String line = ParityCommand.check(truncated);
        assertTrue(line.startsWith("FAIL " + truncated + " ") && !line.contains("\n"), line);
        assertEquals(line.indexOf(truncated.toString()), line.lastIndexOf(truncated.toString()), "file named once: " + line);
        assertTrue(ParityCommand.check(dir.resolve("missing.safetensors")).startsWith("FAIL "));
    }

    @Test
    @DisplayName("--init passes when the seeded default init equals the file bit for bit, and fails on one flipped bit")
    void initCheck(@TempDir Path dir) throws Exception {
        assertTrue(ParityCommand.checkInit(DIR.resolve("conv2d_groups2.safetensors")).startsWith("PASS "));
        Tensor w = SafeTensors.read(DIR.resolve("linear_2d.safetensors")).tensor("weight").clone();
        w.set(Math.nextUp(w.get(0, 0)), 0, 0);
        String line = ParityCommand.checkInit(tampered(dir, "linear_2d.safetensors", "weight", w));
        assertTrue(line.startsWith("FAIL ") && line.contains("weight: element 0") && line.contains("1 of 100 values differ"), line);
    }

    @Test
    @DisplayName("exit status: 0 when all pass, 1 when any fails, usage error without files")
    void exitStatus(@TempDir Path dir) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, ParityCommand.main(new String[] {DIR.resolve("linear_2d.safetensors").toString(),
                    DIR.resolve("sequential_mlp.safetensors").toString()}));
            assertEquals(1, ParityCommand.main(new String[] {DIR.resolve("linear_2d.safetensors").toString(),
                    dir.resolve("missing.safetensors").toString()}));
            assertEquals(0, ParityCommand.main(new String[] {"--init", DIR.resolve("linear_3d_input.safetensors").toString()}));
        } finally {
            System.setOut(saved);
        }
        String out = captured.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("2 passed, 0 failed") && out.contains("1 passed, 1 failed"), out);
        assertThrows(Command.UsageError.class, () -> ParityCommand.main(new String[0]));
        assertThrows(Command.UsageError.class, () -> ParityCommand.main(new String[] {"--bogus", "x"}));
    }

    /** A tiny file whose metadata claims a module far larger than the tensors it holds. */
    private static Path claims(Path dir, String name, Map<String, String> metadata, Map<String, Tensor> tensors)
            throws Exception {
        Path p = dir.resolve(name);
        Map<String, Tensor> all = new LinkedHashMap<>(tensors);
        all.put("input", Tensor.zeros(1, 1));
        all.put("output", Tensor.zeros(1, 1));
        SafeTensors.write(p, all, metadata);
        return p;
    }

    private static String captureOut(java.util.concurrent.Callable<Integer> run, int[] status) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            status[0] = run.call();
        } finally {
            System.setOut(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("metadata claiming Linear(40000, 40000) or LSTM(20000, 20000) in a tiny file is refused before"
            + " anything is built, and the files after it are still checked")
    void hostileMetadataIsRefusedBeforeBuilding(@TempDir Path dir) throws Exception {
        Path linear = claims(dir, "linear.safetensors", Map.of("module", "Linear", "in_features", "40000",
                "out_features", "40000", "bias", "true", "init_seed", "0"),
                Map.of("weight", Tensor.zeros(1, 1), "bias", Tensor.zeros(1)));
        assertTrue(Files.size(linear) < 400, "a tiny file: " + Files.size(linear));
        Path lstm = claims(dir, "lstm.safetensors", Map.of("module", "LSTM", "input_size", "20000",
                "hidden_size", "20000", "init_seed", "0"), Map.of());
        String good = DIR.resolve("linear_2d.safetensors").toString();
        int[] status = new int[1];
        String out = captureOut(() -> ParityCommand.main(new String[] {linear.toString(), lstm.toString(), good}),
                status);
        assertEquals(1, status[0], out);
        assertTrue(out.contains("FAIL " + linear + " the state dict does not match the module the metadata describes"
                + " (weight [40000, 40000] in the metadata, [1, 1] in the file; bias [40000] in the metadata, [1] in"
                + " the file); nothing was built"), out);
        assertTrue(out.contains("FAIL " + lstm + " the state dict does not match the module the metadata describes"
                + " (missing [weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0]); nothing was built"), out);
        assertTrue(out.contains("PASS " + good), out);
        assertTrue(out.endsWith("1 passed, 2 failed\n"), out);
        String init = captureOut(() -> ParityCommand.main(new String[] {"--init", linear.toString(), good}), status);
        assertTrue(init.contains("FAIL " + linear + " the state dict does not match") && init.contains("PASS " + good)
                && init.endsWith("1 passed, 1 failed\n"), init);
    }

    @Test
    @DisplayName("metadata claiming LSTM num_layers \"2000000000\" is one FAIL line in well under a second")
    void aHugeNumLayersIsOneQuickFail(@TempDir Path dir) throws Exception {
        Path lstm = claims(dir, "layers.safetensors", Map.of("module", "LSTM", "input_size", "3", "hidden_size", "4",
                "num_layers", "2000000000", "init_seed", "0"), Map.of());
        int[] status = new int[1];
        long start = System.nanoTime();
        String out = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> captureOut(() -> ParityCommand.main(new String[] {lstm.toString()}), status));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "took " + (System.nanoTime() - start) / 1e6 + " ms");
        assertEquals(1, status[0], out);
        assertEquals("FAIL " + lstm + " LSTM with num_layers=2000000000 would have 8000000000 parameter tensors, more"
                + " than the 1000000 any safetensors header can list\n", out);
    }

    @Test
    @DisplayName("a file whose output cannot fit the heap (160 KB whose output needs 4 GB) and an Error from one"
            + " file are that file's FAIL; the next file is checked and the summary printed")
    void anErrorFailsOneFileNotTheRun(@TempDir Path dir) throws Exception {
        Path huge = dir.resolve("wide.safetensors");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        tensors.put("weight", Tensor.zeros(50_000, 1));
        tensors.put("bias", Tensor.zeros(50_000));
        tensors.put("input", Tensor.zeros(20_000, 1));
        tensors.put("output", Tensor.zeros(1, 1));
        SafeTensors.write(huge, tensors, Map.of("module", "Linear", "in_features", "1", "out_features", "50000",
                "bias", "true"));
        String good = DIR.resolve("linear_3d_input.safetensors").toString();
        int[] status = new int[1];
        String out = captureOut(() -> ParityCommand.main(new String[] {huge.toString(), good}), status);
        assertEquals(1, status[0], out);
        // refused before it is allocated (the tests run with -Xmx2g), with the shape and the bytes
        assertTrue(out.startsWith("FAIL " + huge + " DefaultCPUAllocator: can't allocate memory: you tried to allocate"
                + " 4000000000 bytes"), out);
        assertTrue(out.contains("A tensor of shape [20000, 50000]"), out);
        assertTrue(out.contains("PASS " + good) && out.endsWith("1 passed, 1 failed\n"), out);

        String other = captureOut(() -> ParityCommand.checkAll(java.util.List.of("a", "b"), (file, shown) -> {
            if (shown.equals("a")) throw new StackOverflowError();
            return "PASS " + shown;
        }), status);
        assertEquals("FAIL a java.lang.StackOverflowError\nPASS b\n1 passed, 1 failed\n", other);
    }

    @Test
    @DisplayName("a relative path is resolved against the directory ./workbook was run from")
    void relativePathsResolveAgainstTheCallersDirectory(@TempDir Path dir) throws Exception {
        Files.copy(DIR.resolve("linear_2d.safetensors"), dir.resolve("mine.safetensors"));
        System.setProperty(CallerPaths.PROPERTY, dir.toString());
        try {
            int[] status = new int[1];
            String out = captureOut(() -> ParityCommand.main(new String[] {"mine.safetensors"}), status);
            assertEquals(0, status[0], out);
            assertTrue(out.startsWith("PASS mine.safetensors max_abs_err="), out);
        } finally {
            System.clearProperty(CallerPaths.PROPERTY);
        }
    }

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        }
    }

    @Test
    @DisplayName("the fixtures cover every module kind, and every one carries gradients")
    void fixturesCoverEveryModuleKind() throws Exception {
        Set<String> kinds = new TreeSet<>();
        for (Path file : fixtures()) {
            Fixture f = Fixture.read(file);
            kinds.add(f.module());
            assertFalse(f.expectedGradients().isEmpty(), file.toString());
        }
        assertEquals("[AvgPool2d, Conv2d, Dropout, Flatten, GRU, GRUCell, LSTM, LSTMCell, LeakyReLU, Linear, MaxPool2d,"
                + " RNN, RNNCell, ReLU, Sequential, Sigmoid, Tanh]", kinds.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("every fixture passes: forward, each gradient it carries (one line each), and --init")
    void everyFixturePasses(Path file) throws Exception {
        List<String> lines = ParityCommand.check(file).lines().toList();
        List<String> failed = lines.stream().filter(l -> !l.startsWith("PASS ")).toList();
        assertTrue(failed.isEmpty(), String.join("\n", failed));
        List<String> expected = new ArrayList<>(List.of(""));
        Fixture.read(file).expectedGradients().keySet().forEach(k -> expected.add(" grad." + k));
        assertEquals(expected, lines.stream().map(l -> l.substring(("PASS " + file).length(), l.indexOf(" max_abs_err=")))
                .toList(), "a line for the outputs, then one per gradient in file order");
        String init = ParityCommand.checkInit(file);
        assertTrue(init.startsWith("PASS "), init);
    }

    // ---------------------------------------------------------------- gradients

    /** A copy of a fixture with the named tensors replaced and those mapped to null removed. */
    static Path edited(Path dir, String fixture, Map<String, Tensor> changes) throws Exception {
        SafeTensorsFile f = SafeTensors.read(DIR.resolve(fixture));
        Map<String, Tensor> tensors = new LinkedHashMap<>(f.tensors());
        changes.forEach((name, t) -> {
            if (t == null) tensors.remove(name);
            else tensors.put(name, t);
        });
        Path out = dir.resolve("edited_" + fixture);
        SafeTensors.write(out, tensors, f.metadata());
        return out;
    }

    /** The names mapped to null: removed by {@link #edited}. */
    static Map<String, Tensor> without(String... names) {
        Map<String, Tensor> drop = new HashMap<>();
        for (String name : names) drop.put(name, null);
        return drop;
    }

    /** The number after max_abs_err= in a line. */
    static double maxAbsErr(String line) {
        java.util.regex.Matcher m = Pattern.compile("max_abs_err=([0-9.e+-]+)").matcher(line);
        assertTrue(m.find(), line);
        return Double.parseDouble(m.group(1));
    }

    /** Every grad* tensor of a fixture mapped to null, for {@link #edited}, but for those kept. */
    static Map<String, Tensor> dropGradients(String fixture, String... kept) throws Exception {
        Map<String, Tensor> drop = new HashMap<>();
        for (String name : SafeTensors.read(DIR.resolve(fixture)).tensors().keySet()) {
            if (name.startsWith("grad") && !List.of(kept).contains(name)) drop.put(name, null);
        }
        return drop;
    }

    @Test
    @DisplayName("a Linear fixture prints the forward line, then grad.input, grad.weight, grad.bias, each with its error")
    void oneLinePerGradient() {
        Path file = DIR.resolve("linear_2d.safetensors");
        List<String> lines = ParityCommand.check(file).lines().toList();
        assertEquals(4, lines.size(), lines.toString());
        String error = " max_abs_err=\\d\\.\\d{3}e[-+]\\d\\d";
        assertTrue(lines.get(0).matches("PASS " + Pattern.quote(file.toString()) + error), lines.get(0));
        for (int i = 1; i < 4; i++) {
            String name = List.of("grad.input", "grad.weight", "grad.bias").get(i - 1);
            assertTrue(lines.get(i).matches("PASS " + Pattern.quote(file.toString()) + " " + name + error), lines.get(i));
        }
    }

    @Test
    @DisplayName("a gradient off by 1e-2 fails at atol 1e-4 + rtol 1e-3, naming it; off by 5e-5 it passes; the file fails")
    void aWrongGradientFails(@TempDir Path dir) throws Exception {
        Tensor w = SafeTensors.read(DIR.resolve("linear_2d.safetensors")).tensor("grad.weight").clone();
        float original = w.get(1, 7);
        w.set(original + 1e-2f, 1, 7);
        Path wrong = edited(dir, "linear_2d.safetensors", Map.of("grad.weight", w));
        List<String> lines = ParityCommand.check(wrong).lines().toList();
        assertTrue(lines.get(0).startsWith("PASS ") && lines.get(1).startsWith("PASS " + wrong + " grad.input ")
                && lines.get(3).startsWith("PASS " + wrong + " grad.bias "), lines.toString());
        assertTrue(lines.get(2).startsWith("FAIL " + wrong + " grad.weight: 1 of 100 elements differ beyond atol 1e-04"
                + " + rtol 1e-03; worst at flat index 27: got " + original), lines.get(2));
        assertEquals(1e-2, maxAbsErr(lines.get(2)), 1e-6, lines.get(2));
        int[] status = new int[1];
        String out = captureOut(() -> ParityCommand.main(new String[] {wrong.toString(),
                DIR.resolve("linear_2d.safetensors").toString()}), status);
        assertEquals(1, status[0], out);
        assertTrue(out.endsWith("1 passed, 1 failed\n"), out);

        // within the gradient tolerance, though 5e-5 would fail the forward one (1e-5 + 1e-4·|x|)
        w.set(original + 5e-5f, 1, 7);
        String close = ParityCommand.check(edited(dir, "linear_2d.safetensors", Map.of("grad.weight", w)));
        assertFalse(close.contains("FAIL"), close);
        assertEquals(5e-5, maxAbsErr(close.lines().filter(l -> l.contains("grad.weight")).findFirst().get()), 1e-7, close);
    }

    @Test
    @DisplayName("a file without gradients is one line, as before gradients were recorded")
    void aFileWithoutGradientsIsOneLine(@TempDir Path dir) throws Exception {
        Path plain = edited(dir, "sequential_mlp.safetensors", dropGradients("sequential_mlp.safetensors"));
        String out = ParityCommand.check(plain);
        assertTrue(out.matches("PASS \\S+ max_abs_err=\\S+"), out);
    }

    @Test
    @DisplayName("every gradient key is optional: only the ones a file carries are checked")
    void someGradientsOnly(@TempDir Path dir) throws Exception {
        Path some = edited(dir, "sequential_mlp.safetensors",
                dropGradients("sequential_mlp.safetensors", "grad_output", "grad.3.bias", "grad.0.weight"));
        List<String> lines = ParityCommand.check(some).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("PASS " + some + " grad.0.weight max_abs_err="), lines.get(1));
        assertTrue(lines.get(2).startsWith("PASS " + some + " grad.3.bias max_abs_err="), lines.get(2));
    }

    @Test
    @DisplayName("gradients without an upstream gradient, or one of the wrong shape, are one FAIL naming them all")
    void noOrWrongUpstream(@TempDir Path dir) throws Exception {
        Path none = edited(dir, "linear_2d.safetensors", without("grad_output"));
        List<String> lines = ParityCommand.check(none).lines().toList();
        assertEquals(List.of("FAIL " + none + " grad.input, grad.weight, grad.bias: backward failed: no upstream gradient"
                + " (grad_output, grad_h_n or grad_c_n) to start backward from"), lines.subList(1, lines.size()));
        assertTrue(lines.get(0).startsWith("PASS "), "the forward check is unaffected: " + lines.get(0));

        Path wrong = edited(dir, "linear_2d.safetensors", Map.of("grad_output", Tensor.zeros(5, 4)));
        String out = ParityCommand.check(wrong);
        assertTrue(out.endsWith("FAIL " + wrong + " grad.input, grad.weight, grad.bias: backward failed: the upstream"
                + " gradient of output has shape [5, 4], output has shape [4, 5]"), out);

        Path stray = edited(dir, "linear_2d.safetensors", Map.of("grad_h_n", Tensor.zeros(1)));
        assertTrue(ParityCommand.check(stray).endsWith("backward failed: an upstream gradient for h_n, but Linear"
                + " returns [output]"), ParityCommand.check(stray));
    }

    @Test
    @DisplayName("a gradient of a state the file lacks, or of a parameter the module lacks, is that gradient's FAIL")
    void gradientOfAnUnknownName(@TempDir Path dir) throws Exception {
        Path file = edited(dir, "linear_2d.safetensors", Map.of("grad.h0", Tensor.zeros(1), "grad.wieght", Tensor.zeros(5, 20)));
        String out = ParityCommand.check(file);
        assertTrue(out.contains("FAIL " + file + " grad.h0: the file has no h0 tensor, so nothing took this gradient"), out);
        assertTrue(out.contains("FAIL " + file + " grad.wieght: the module has no parameter wieght (its parameters are"
                + " [weight, bias])"), out);
        assertTrue(out.contains("PASS " + file + " grad.weight max_abs_err="), out);
    }

    /** tanh(x) computed from a detached x: the value is right, but nothing records its backward. */
    static final class UnrecordedTanh extends Module implements TensorModule {
        @Override
        public Tensor forward(Tensor input) {
            return input.detach().tanh();
        }
    }

    @Test
    @DisplayName("a gradient that never arrives (an op without backward on its path) is that gradient's FAIL")
    void aGradientThatNeverArrives() throws Exception {
        Fixture f = Fixture.read(DIR.resolve("tanh_3d.safetensors"));
        assertEquals(List.of("FAIL t grad.input: no gradient reached input (an op on its path records no backward)"),
                ParityCommand.gradientLines(f, new UnrecordedTanh(), "t"));
        assertEquals(1, ParityCommand.gradientLines(f, new layerwise.nn.Tanh(), "t").size());
        assertTrue(ParityCommand.gradientLines(f, new layerwise.nn.Tanh(), "t").get(0).startsWith("PASS t grad.input "));
    }
}
