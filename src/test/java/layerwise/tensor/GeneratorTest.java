package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.List;
import layerwise.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The MT19937 engine against torch's words, doubles and scalar normal draws. */
class GeneratorTest {
    private static final Path RNG = Path.of("src/test/resources/fixtures/pytorch-1.13/rng_reference.json");

    @Test
    @DisplayName("seed 0 gives torch's first eight mt19937 words")
    @SuppressWarnings("unchecked")
    void firstWordsOfSeedZero() throws Exception {
        List<Object> words = (List<Object>) Json.parseObject(RNG).get("mt19937_seed0_first8_words");
        Generator g = new Generator(0);
        for (Object w : words) {
            assertEquals(Long.parseLong(((String) w).substring(2), 16), g.nextU32(), "word " + w);
        }
    }

    @Test
    @DisplayName("only the low 32 bits of the seed count, as torch's init_genrand(seed & 0xffffffff)")
    void seedIsTakenModulo2To32() {
        Generator a = new Generator((1L << 32) + 7);
        Generator b = new Generator(7);
        Generator c = new Generator(-1);
        Generator d = new Generator(0xffffffffL);
        for (int i = 0; i < 1000; i++) {
            assertEquals(b.nextU32(), a.nextU32());
            assertEquals(d.nextU32(), c.nextU32());
        }
        assertNotEquals(new Generator(1).nextU32(), new Generator(2).nextU32());
    }

    @Test
    @DisplayName("doubles use 53 bits of two words, first word high")
    void doublesMatchTorchFloat64Rand() {
        // torch.manual_seed(0); torch.rand(3, dtype=torch.float64)
        double[] torch = {0.9700530018065531, 0.707819864399788, 0.45938294312745087};
        Generator g = new Generator(0);
        for (double expected : torch) assertEquals(expected, g.nextDouble());
    }

    @Test
    @DisplayName("scalar normals pair up through the cache, and reseeding clears it")
    void normalCache() {
        // torch.manual_seed(0); torch.randn(3); torch.randn(3) -> float bits
        int[] torch = {0x3fc53f5c, 0xbe963c50, 0xc00b7149, 0x3f1184b6, 0xbf8ad1a1, 0xbfb3052d};
        Generator g = new Generator(0);
        for (int bits : torch) assertEquals(Float.intBitsToFloat(bits), (float) g.nextNormal(0, 1));
        g.nextNormal(0, 1);
        g.manualSeed(0);
        assertEquals(Float.intBitsToFloat(torch[0]), (float) g.nextNormal(0, 1));
    }

    @Test
    @DisplayName("the float recipe is (u32 & 0xFFFFFF) * 2^-24")
    void floatRecipe() {
        Generator words = new Generator(5);
        Generator floats = new Generator(5);
        for (int i = 0; i < 100; i++) {
            assertEquals((words.nextU32() & 0xFFFFFF) / 16777216.0f, floats.nextFloat());
        }
    }

    @Test
    @DisplayName("setRngState(getRngState()) replays the same uniform and normal draws, cached normal included")
    void stateReplaysDraws() {
        Tensor.manualSeed(3);
        Tensor.randn(1);                         // leaves a cached Box-Muller value behind
        RngState saved = Tensor.getRngState();
        float[] first = Tensor.randn(5).toFloatArray();
        float[] firstUniform = Tensor.rand(20).toFloatArray();
        Tensor.setRngState(saved);
        assertEquals(java.util.Arrays.toString(first), java.util.Arrays.toString(Tensor.randn(5).toFloatArray()));
        assertEquals(java.util.Arrays.toString(firstUniform), java.util.Arrays.toString(Tensor.rand(20).toFloatArray()));
        assertNotEquals(first[0], Tensor.randn(5).toFloatArray()[0]);
    }
}
