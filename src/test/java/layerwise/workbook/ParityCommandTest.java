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
}
