package layerwise.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import layerwise.io.Fixture;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The state dict worked out from metadata alone matches what PyTorch saved, for every fixture. */
class ExportShapesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/pytorch-1.13");

    @Test
    void everyFixturesKeysAndShapesFollowFromItsMetadata() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        }
        assertEquals(83, files.size());
        for (Path file : files) {
            Fixture f = Fixture.read(file);
            Map<String, int[]> planned = ExportShapes.stateDict(f.metadata());
            Map<String, Tensor> saved = f.stateDict();
            assertEquals(new ArrayList<>(saved.keySet()), new ArrayList<>(planned.keySet()), file.toString());
            saved.forEach((k, t) -> assertArrayEquals(t.shape(), planned.get(k), file + " " + k));
        }
    }

    @Test
    void sizesBeyondATensorDimensionAreNamedNotWrapped() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportShapes.stateDict(
                Map.of("module", "LSTM", "input_size", "3", "hidden_size", "536870912")));
        assertEquals("weight_ih_l0 would need a dimension of 2147483648, more than the largest tensor dimension,"
                + " 2147483647", e.getMessage());
    }

    @Test
    void hostileNestingIsRefusedQuickly() {
        // 5,000 nested Sequentials: refused in one pass over the keys, before any level is taken apart
        Map<String, String> deep = new LinkedHashMap<>();
        deep.put("module", "Sequential");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            prefix.append("0.");
            deep.put(prefix + "module", "Sequential");
        }
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalArgumentException.class, () -> ExportShapes.stateDict(deep)));
        assertEquals("metadata nests Sequentials deeper than 32 levels (at " + "0.".repeat(33) + ")", e.getMessage());

        // "00." is not PyTorch's name for child 0, and a gap ends the children
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("module", "Sequential");
        odd.put("00.module", "Linear");
        odd.put("1.module", "Linear");
        assertEquals(Map.of(), ExportShapes.stateDict(odd));
    }

    @Test
    void aHugeNumLayersIsRefusedBeforeAnyKeyIsBuilt() {
        IllegalArgumentException e = assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThrows(IllegalArgumentException.class, () -> ExportShapes.stateDict(Map.of("module",
                        "LSTM", "input_size", "3", "hidden_size", "4", "num_layers", "2000000000"))));
        assertEquals("LSTM with num_layers=2000000000 would have 8000000000 parameter tensors, more than the 1000000"
                + " any safetensors header can list", e.getMessage());
        // a large but listable count is still worked out
        assertEquals(4 * 1000, ExportShapes.stateDict(Map.of("module", "GRU", "input_size", "3", "hidden_size", "4",
                "num_layers", "1000")).size());
    }
}
