package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import layerwise.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** rand / uniform_ / randn / normal_ against streams produced by torch 1.13 (seeded). */
class RandomFillTest {
    private static final Path RNG = Path.of("src/test/resources/fixtures/pytorch-1.13/rng_reference.json");

    /** sum((i+1) * floatBits[i]) mod 2^61-1: a fingerprint computed the same way from torch's output. */
    private static long fingerprint(Tensor t) {
        long p = (1L << 61) - 1;
        long h = 0;
        float[] v = t.toFloatArray();
        for (int i = 0; i < v.length; i++) {
            h = (h + (i + 1L) * (Float.floatToRawIntBits(v[i]) & 0xFFFFFFFFL)) % p;
        }
        return h;
    }

    private static int[] bits(Tensor t) {
        float[] v = t.toFloatArray();
        int[] b = new int[v.length];
        for (int i = 0; i < v.length; i++) b[i] = Float.floatToRawIntBits(v[i]);
        return b;
    }

    @Test
    @DisplayName("manualSeed(0); rand(5) prints torch's five numbers")
    void randFivePrintsLikeTorch() {
        Tensor.manualSeed(0);
        assertEquals("tensor([0.4963, 0.7682, 0.0885, 0.1320, 0.3074])", Tensor.rand(5).toString());
    }

    /** The Java op for each uniform stream of rng_reference.json. */
    private static Tensor uniformStream(String code) {
        switch (code) {
            case "torch.manual_seed(0); torch.rand(5)": Tensor.manualSeed(0); return Tensor.rand(5);
            case "torch.manual_seed(42); torch.rand(5)": Tensor.manualSeed(42); return Tensor.rand(5);
            case "torch.manual_seed(0); torch.empty(8).uniform_(-0.22360679774997896, 0.22360679774997896)":
                Tensor.manualSeed(0);
                return Tensor.empty(8).uniform_(-0.22360679774997896, 0.22360679774997896);
            case "torch.manual_seed(0); torch.empty(6).uniform_(2.0, 5.0)":
                Tensor.manualSeed(0);
                return Tensor.empty(6).uniform_(2.0, 5.0);
            case "torch.manual_seed(0); nn.Linear(4, 3).weight  # kaiming_uniform_(a=sqrt(5))":
                Tensor.manualSeed(0);
                return Tensor.empty(3, 4).uniform_(-linearBound(4), linearBound(4));
            case "torch.manual_seed(0); torch.cat([nn.Linear(4, 3).weight.reshape(-1), <its bias>])":
                Tensor.manualSeed(0);
                Tensor w = Tensor.empty(3, 4).uniform_(-linearBound(4), linearBound(4));
                Tensor b = Tensor.empty(3).uniform_(-1 / Math.sqrt(4), 1 / Math.sqrt(4));
                return Tensor.cat(w.reshape(-1), b);
            default: return null;
        }
    }

    /** kaiming_uniform_(a=sqrt(5)) bound, in double as torch.nn.init computes it: sqrt(3) * gain / sqrt(fanIn). */
    private static double linearBound(int fanIn) {
        double a = Math.sqrt(5);
        double gain = Math.sqrt(2.0 / (1 + a * a));
        return Math.sqrt(3.0) * (gain / Math.sqrt(fanIn));
    }

    @TestFactory
    @DisplayName("every uniform stream of rng_reference.json matches bit for bit")
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> uniformStreamsBitExact() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Object o : (List<Object>) Json.parseObject(RNG).get("streams")) {
            Map<String, Object> s = (Map<String, Object>) o;
            String code = (String) s.get("code");
            if (code.contains("randn")) continue;
            tests.add(DynamicTest.dynamicTest(code, () -> {
                Tensor t = uniformStream(code);
                assertTrue(t != null, "no Java mirror for " + code);
                List<Object> hex = (List<Object>) s.get("f32_bits");
                int[] expected = hex.stream().mapToInt(h -> Integer.parseUnsignedInt(((String) h).substring(2), 16)).toArray();
                assertArrayEquals(expected, bits(t));
            }));
        }
        assertEquals(6, tests.size(), "uniform streams in the fixture");
        return tests.stream();
    }

    @Test
    @DisplayName("2000 rand values per seed match torch (fingerprint of the bits)")
    void longUniformStreams() {
        // torch.manual_seed(s); fingerprint(torch.rand(2000)) for s = 0, 1, 42, 12345, 2^31-1, 2^32-1
        long[] seeds = {0, 1, 42, 12345, 2147483647L, 4294967295L};
        long[] torch = {2106352869002873L, 2106214852836561L, 2107052623064259L, 2105883498159589L,
                        2106937171882222L, 2105234611332786L};
        for (int i = 0; i < seeds.length; i++) {
            Tensor.manualSeed(seeds[i]);
            assertEquals(torch[i], fingerprint(Tensor.rand(2000)), "seed " + seeds[i]);
        }
    }

    @Test
    @DisplayName("uniform_(from, to) uses one fma rounding, like torch's AVX2 kernel")
    void uniformRangesMatchTorch() {
        // torch.manual_seed(s); fingerprint(torch.empty(3000).uniform_(lo, hi))
        Tensor.manualSeed(0);
        assertEquals(9484356385372957L, fingerprint(Tensor.empty(3000).uniform_(-0.1, 0.1)));
        Tensor.manualSeed(0);
        assertEquals(4860102427779562L, fingerprint(Tensor.empty(3000).uniform_(2, 5)));
        Tensor.manualSeed(7);
        assertEquals(9382083814193405L, fingerprint(Tensor.empty(3000).uniform_(-0.1, 0.1)));
        Tensor.manualSeed(7);
        assertEquals(4860226577921174L, fingerprint(Tensor.empty(3000).uniform_(2, 5)));
    }

    @Test
    @DisplayName("a non-contiguous tensor is filled in storage order")
    void nonContiguousFillsInMemoryOrder() {
        // torch.manual_seed(3); t = torch.empty(3, 4).t(); t.uniform_(0, 1); bits of t.t()
        int[] torch = {0x3b8bb500, 0x3dd834c0, 0x3e9259f2, 0x3cdcd060, 0x3ef17770, 0x3d763c80, 0x3f459900,
                       0x3f3e6315, 0x3f182bfd, 0x3f634a93, 0x3ee6ed94, 0x3f4cab6b};
        Tensor.manualSeed(3);
        Tensor t = Tensor.empty(3, 4).t();
        t.uniform_(0, 1);
        assertArrayEquals(torch, bits(t.t()));
    }

    @Test
    @DisplayName("randn with fewer than 16 elements is bit-exact (double Box-Muller)")
    @SuppressWarnings("unchecked")
    void smallRandnBitExact() throws Exception {
        Tensor.manualSeed(0);
        Tensor t = Tensor.randn(5);
        // torch.manual_seed(0); torch.randn(5), from rng_reference.json
        assertEquals("tensor([ 1.5410, -0.2934, -2.1788,  0.5684, -1.0845])", t.toString());
        for (Object o : (List<Object>) Json.parseObject(RNG).get("streams")) {
            Map<String, Object> s = (Map<String, Object>) o;
            if (!((String) s.get("code")).startsWith("torch.manual_seed(0); torch.randn(5)")) continue;
            List<Object> hex = (List<Object>) s.get("f32_bits");
            int[] expected = hex.stream().mapToInt(h -> Integer.parseUnsignedInt(((String) h).substring(2), 16)).toArray();
            assertArrayEquals(expected, bits(t));
        }
        // torch.manual_seed(0); torch.empty(5).normal_(2, 0.5)
        int[] normal = {0x40314fd7, 0x3fed3876, 0x3f691d6e, 0x40123097, 0x3fba9730};
        Tensor.manualSeed(0);
        assertArrayEquals(normal, bits(Tensor.empty(5).normal_(2, 0.5)));
    }

    @Test
    @DisplayName("randn with 16 or more elements is bit-exact with torch's AVX2 kernel")
    @SuppressWarnings("unchecked")
    void largeRandnBitExact() throws Exception {
        for (Object o : (List<Object>) Json.parseObject(RNG).get("streams")) {
            Map<String, Object> s = (Map<String, Object>) o;
            if (!((String) s.get("code")).startsWith("torch.manual_seed(0); torch.randn(20)")) continue;
            List<Object> hex = (List<Object>) s.get("f32_bits");
            int[] expected = hex.stream().mapToInt(h -> Integer.parseUnsignedInt(((String) h).substring(2), 16)).toArray();
            Tensor.manualSeed(0);
            assertArrayEquals(expected, bits(Tensor.randn(20)));
        }
        // torch.manual_seed(0); fingerprint(torch.randn(n))
        int[] sizes = {16, 17, 33, 1000, 4096};
        long[] torch = {253248405101L, 276134018328L, 1026286303464L, 1084054508024303L, 18123556559111444L};
        for (int i = 0; i < sizes.length; i++) {
            Tensor.manualSeed(0);
            assertEquals(torch[i], fingerprint(Tensor.randn(sizes[i])), "randn(" + sizes[i] + ")");
        }
        // torch.manual_seed(1); fingerprint(torch.empty(333).normal_(0.5, 0.02))
        Tensor.manualSeed(1);
        assertEquals(58774992692768L, fingerprint(Tensor.empty(333).normal_(0.5, 0.02)));
        // randn(17) draws 16 + 16 words: torch.manual_seed(0); torch.randn(17); torch.rand(1) -> 0.2698335647583008
        Tensor.manualSeed(0);
        Tensor.randn(17);
        assertEquals(0.2698335647583008f, Tensor.rand(1).item());
    }

    @Test
    @DisplayName("randn of many elements has mean 0 and std 1")
    void randnStatistics() {
        Tensor.manualSeed(123);
        Tensor t = Tensor.randn(100_000);
        assertEquals(0.0, t.mean().item(), 0.01);
        assertEquals(1.0, t.std().item(), 0.01);
        Tensor.manualSeed(123);
        Tensor u = Tensor.empty(100_000).normal_(0.5, 0.02);
        assertEquals(0.5, u.mean().item(), 0.0005);
        assertEquals(0.02, u.std().item(), 0.0005);
    }

    @Test
    @DisplayName("uniform_ with from > to and normal_ with std < 0 fail with torch's text and draw nothing")
    void badArgumentsFailWithTorchText() {
        Tensor.manualSeed(3);
        Tensor t = Tensor.zeros(4);
        var uniform = assertThrows(IllegalArgumentException.class, () -> t.uniform_(1, 0));
        assertEquals("uniform_ expects to return a [from, to) range, but found from=1 > to=0",
                uniform.getMessage().lines().findFirst().orElseThrow());
        var normal = assertThrows(IllegalArgumentException.class, () -> t.normal_(0, -1));
        assertEquals("normal expects std >= 0.0, but found std -1", normal.getMessage().lines().findFirst().orElseThrow());
        assertTrue(normal.getMessage().contains("Fix: "), normal.getMessage());
        assertArrayEquals(new float[4], t.toFloatArray());
        Tensor.manualSeed(3);
        float first = Tensor.rand(1).item();
        Tensor.manualSeed(3);
        assertThrows(IllegalArgumentException.class, () -> t.uniform_(1, 0));
        assertEquals(first, Tensor.rand(1).item(), 0f, "a refused fill consumes no random numbers");
    }

    @Test
    @DisplayName("writes into an expanded view fail like torch; fill_ and zero_ still work there")
    void expandedViewsRefuseWritesOfDifferentValues() {
        Tensor x = Tensor.zeros(3, 1).expand(3, 4);
        String torchText = "unsupported operation: more than one element of the written-to tensor refers to a single "
                + "memory location. Please clone() the tensor before performing the operation.";
        for (Runnable write : List.<Runnable>of(() -> x.uniform_(0, 1), () -> x.normal_(0, 1),
                () -> x.add_(Tensor.ones(3, 4)), () -> x.copy_(Tensor.ones(3, 4)))) {
            var e = assertThrows(IllegalArgumentException.class, write::run);
            assertEquals(torchText, e.getMessage().lines().findFirst().orElseThrow());
        }
        x.fill_(2f);
        assertArrayEquals(new float[] {2, 2, 2}, Tensor.zeros(3).add(x.select(1, 3)).toFloatArray());
        assertEquals(12, x.clone().uniform_(0, 1).numel());
    }
}
