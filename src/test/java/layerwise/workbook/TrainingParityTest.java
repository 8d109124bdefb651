package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.SafeTensors;
import layerwise.io.SafeTensorsFile;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./workbook parity} on a recorded training run: one line per quantity. */
class TrainingParityTest {
    static final Path RUN = Path.of("src/test/resources/fixtures/pytorch-1.13/training/conv_sgd_momentum.safetensors");

    @Test
    @DisplayName("a recorded run prints one PASS line for the losses, one per final weight and one per momentum buffer")
    void passLines() {
        List<String> lines = ParityCommand.check(RUN).lines().toList();
        assertEquals(List.of("loss", "final.0.weight", "final.0.bias", "final.4.weight", "final.4.bias",
                "optim.0.momentum_buffer", "optim.1.momentum_buffer", "optim.2.momentum_buffer", "optim.3.momentum_buffer"),
                lines.stream().map(l -> l.split(" ")[2]).toList());
        for (String line : lines) {
            assertTrue(line.matches("PASS \\S+conv_sgd_momentum.safetensors \\S+ max_abs_err=\\d\\.\\d{3}e-\\d\\d"), line);
        }
    }

    @Test
    @DisplayName("a final weight off by 1e-4 fails its own line, naming the element; the other lines pass")
    void tamperedWeightFailsItsLine(@TempDir Path dir) throws Exception {
        SafeTensorsFile f = SafeTensors.read(RUN);
        Tensor weight = f.tensor("final.4.weight").clone();
        weight.set(weight.get(1, 7) + 1e-4f, 1, 7);
        Map<String, Tensor> tensors = new LinkedHashMap<>(f.tensors());
        tensors.put("final.4.weight", weight);
        Path tampered = dir.resolve("tampered.safetensors");
        SafeTensors.write(tampered, tensors, f.metadata());
        List<String> lines = ParityCommand.check(tampered).lines().toList();
        assertEquals(9, lines.size(), String.join("\n", lines));
        for (String line : lines) {
            if (line.contains("final.4.weight")) {
                assertTrue(line.startsWith("FAIL ") && line.contains("element 71 is") && line.contains("beyond 4e-06"), line);
            } else {
                assertTrue(line.startsWith("PASS "), line);
            }
        }
    }

    @Test
    @DisplayName("a run whose optimizer the replay does not know is one FAIL line saying so")
    void unknownOptimizer(@TempDir Path dir) throws Exception {
        SafeTensorsFile f = SafeTensors.read(RUN);
        Map<String, String> metadata = new LinkedHashMap<>(f.metadata());
        metadata.put("optimizer", "LBFGS");
        Path changed = dir.resolve("lbfgs.safetensors");
        SafeTensors.write(changed, f.tensors(), metadata);
        String out = ParityCommand.check(changed);
        assertTrue(out.startsWith("FAIL ") && !out.contains("\n") && out.contains("no optimizer \"LBFGS\" to replay"), out);
    }

    @Test
    @DisplayName("--init on a recorded run compares the seeded default initialisation with init.*, bit for bit")
    void initLine() {
        String line = ParityCommand.checkInit(RUN);
        assertEquals("PASS " + RUN + " max_abs_err=0 (init_seed 2: 4 tensors, 235 values bit-identical)", line);
    }
}
