package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import layerwise.io.SafeTensors;
import layerwise.io.SafeTensorsFile;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        String line = ParityCommand.checkForward(DIR.resolve("conv2d_same_even_kernel.safetensors"));
        assertTrue(line.matches("PASS \\S+conv2d_same_even_kernel.safetensors max_abs_err=\\d\\.\\d{3}e-\\d\\d"), line);
    }

    @Test
    @DisplayName("an output off by more than the tolerance prints FAIL naming the tensor, the count and the worst element")
    void failLine(@TempDir Path dir) throws Exception {
        Tensor output = SafeTensors.read(DIR.resolve("linear_2d.safetensors")).tensor("output").clone();
        output.set(output.get(2, 3) + 1e-3f, 2, 3);
        String line = ParityCommand.checkForward(tampered(dir, "linear_2d.safetensors", "output", output));
        assertTrue(line.startsWith("FAIL ") && line.contains("output: 1 of 20 elements differ beyond atol 1e-05 + rtol 1e-04")
                && line.contains("flat index 13"), line);
    }

    @Test
    @DisplayName("a wrong output shape and an unreadable file are FAILs with the reason")
    void failReasons(@TempDir Path dir) throws Exception {
        String shape = ParityCommand.checkForward(tampered(dir, "linear_2d.safetensors", "output", Tensor.zeros(4, 6)));
        assertTrue(shape.contains("output: shape [4, 5], expected [4, 6]"), shape);
        Path truncated = dir.resolve("truncated.safetensors");
        byte[] bytes = Files.readAllBytes(DIR.resolve("linear_2d.safetensors"));
        Files.write(truncated, java.util.Arrays.copyOf(bytes, 100));
        String line = ParityCommand.checkForward(truncated);
        assertTrue(line.startsWith("FAIL " + truncated + " ") && !line.contains("\n"), line);
        assertEquals(line.indexOf(truncated.toString()), line.lastIndexOf(truncated.toString()), "file named once: " + line);
        assertTrue(ParityCommand.checkForward(dir.resolve("missing.safetensors")).startsWith("FAIL "));
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
                    DIR.resolve("conv2d_basic.safetensors").toString()}));
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
        String good = DIR.resolve("conv2d_basic.safetensors").toString();
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

    @Test
    @DisplayName("every fixture of every module kind passes, forward and --init")
    void everyFixturePasses() throws Exception {
        java.util.List<Path> files;
        try (java.util.stream.Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        }
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (Path file : files) {
            kinds.add(SafeTensors.read(file).metadata().get("module"));
            String forward = ParityCommand.checkForward(file);
            assertTrue(forward.startsWith("PASS "), forward);
            String init = ParityCommand.checkInit(file);
            assertTrue(init.startsWith("PASS "), init);
        }
        assertEquals("[AvgPool2d, Conv2d, Dropout, Flatten, GRU, GRUCell, LSTM, LSTMCell, LeakyReLU, Linear, MaxPool2d,"
                + " RNN, RNNCell, ReLU, Sequential, Sigmoid, Tanh]", kinds.toString());
    }
}
