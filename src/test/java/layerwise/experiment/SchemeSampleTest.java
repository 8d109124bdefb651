package layerwise.experiment;

import layerwise.nn.Linear;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SchemeSampleTest {

    @Test
    @DisplayName("the default scheme's weight is the layer's own weight, bit for bit")
    void defaultIsTheLayersWeight() {
        SchemeSample s = SchemeSample.drawAll(new int[] {8, 20}, 3, List.of(Scheme.pytorchDefault())).get(0);
        Tensor.manualSeed(3);
        assertTrue(new Linear(20, 8).weight.equal(s.weight()));
        assertEquals(1 / Math.sqrt(20), s.theory().bound(), 1e-15);
    }

    @Test
    @DisplayName("the classic five, each drawn after the same seed, with sample summaries")
    void classic() {
        List<SchemeSample> all = SchemeSample.classic(64, 32);
        assertEquals(List.of("default", "xavier_uniform", "kaiming_uniform", "N(0, 1²)", "U(-1, 1)"),
                all.stream().map(s -> s.scheme().name()).toList());
        for (SchemeSample s : all) {
            assertEquals(2048, s.stats().count());
            assertEquals(s.theory().expectedStd(), s.stats().std(), 0.1 * s.theory().expectedStd(), s.scheme().name());
        }
        assertThrows(IllegalArgumentException.class, () -> SchemeSample.classic(2, 3, 4));
    }

    @Test
    @DisplayName("Stats: mean, unbiased std, min, max by hand")
    void stats() {
        Stats s = Stats.of(new float[] {1, 2, 3, 4});
        assertEquals(new Stats(4, 2.5, Math.sqrt(5.0 / 3), 1, 4), s);
        assertTrue(Double.isNaN(Stats.of(new float[0]).mean()));
    }

    @Test
    @DisplayName("names: gains and stds print short")
    void names() {
        assertEquals("xavier_uniform(gain=1.667)", Scheme.xavierUniform(5.0 / 3).name());
        assertEquals("N(0, 0.01²)", Scheme.normal(0.01).name());
        assertEquals("U(-1, 1)", Scheme.uniform(1).toString());
    }
}
