package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * torch.randperm and int64 random_() against PyTorch 1.13 on the CPU. The constants are printed by
 * src/test/python/data_fixtures.py; a long permutation is held by its first 8 entries and its digest
 * h = h * 1000003 + v (mod 2^64) over all of it.
 */
class RandpermTest {
    /** torch.manual_seed(seed); torch.randperm(n): {seed, n}, first 8, digest, the next int64 random_() draw. */
    private static final Object[][] SEEDED = {
        {0, 1, new int[] {0}, 0L, 900450186894289455L},
        {0, 2, new int[] {0, 1}, 1L, 1712680880219530869L},
        {0, 10, new int[] {4, 1, 7, 5, 3, 9, 0, 8}, -1557478822269579963L, 2279347887019741461L},
        {0, 100, new int[] {44, 19, 93, 90, 71, 69, 37, 95}, -1886082464271066530L, 5996063021006875257L},
        {0, 1797, new int[] {362, 1568, 1440, 1761, 815, 1792, 508, 660}, -7540746518511027586L, 7405038706479697171L},
        {0, 5000, new int[] {1044, 2591, 4111, 725, 1703, 1919, 2111, 138}, 3221710933278347280L, 4908071643482445115L},
        {1, 1, new int[] {0}, 0L, 7692698082559361259L},
        {1, 2, new int[] {1, 0}, 1000003L, 9171440916062744460L},
        {1, 10, new int[] {5, 6, 1, 2, 0, 8, 9, 3}, -1729794999004071135L, 4355072924162687120L},
        {1, 100, new int[] {45, 15, 90, 32, 35, 63, 17, 72}, 8002347616680737260L, 457467871702104997L},
        {1, 1797, new int[] {787, 1636, 1466, 1031, 1778, 1166, 1259, 1548}, 2437689841975010560L, 7178201586552178563L},
        {1, 5000, new int[] {845, 2886, 3128, 2994, 1659, 1158, 3575, 1952}, 6831321011161580132L, 858238897694989688L},
        {42, 1, new int[] {0}, 0L, 6909045637428952499L},
        {42, 2, new int[] {0, 1}, 1L, 5470252540486615900L},
        {42, 10, new int[] {2, 6, 1, 8, 4, 5, 0, 9}, 4367441860860227361L, 8224162778172047826L},
        {42, 100, new int[] {42, 96, 62, 98, 46, 95, 60, 24}, -746384838447921448L, 577628283197633214L},
        {42, 1797, new int[] {879, 1100, 1133, 553, 798, 1, 1714, 91}, 1833006572501927684L, 239843096926097737L},
        {42, 5000, new int[] {2542, 430, 846, 4406, 2154, 4435, 2792, 794}, -6754008971172363188L, 8180316327514752946L},
        {2024, 1, new int[] {0}, 0L, 1623581238383398394L},
        {2024, 2, new int[] {0, 1}, 1L, 4743642784156142176L},
        {2024, 10, new int[] {2, 3, 0, 8, 7, 5, 1, 9}, -5471249632874652247L, 8989128227543248833L},
        {2024, 100, new int[] {12, 21, 40, 46, 31, 85, 34, 48}, 6276461988039013314L, 4077694504113049013L},
        {2024, 1797, new int[] {1109, 99, 111, 53, 1427, 297, 1060, 858}, -761208454926129636L, 6340413559549859069L},
        {2024, 5000, new int[] {3112, 4570, 726, 243, 3527, 3340, 2412, 1657}, 1796105367396458620L, 6252097235334134878L},
    };

    /** torch.manual_seed(seed); torch.randperm(n).tolist() in full: {seed, n, permutation}. */
    private static final Object[][] FULL = {
        {0, 10, new int[] {4, 1, 7, 5, 3, 9, 0, 8, 6, 2}},
        {0, 100, new int[] {44, 19, 93, 90, 71, 69, 37, 95, 53, 91, 81, 42, 80, 85, 74, 56, 76, 63, 82, 40, 26, 92, 57,
            10, 16, 66, 89, 41, 97, 8, 31, 24, 35, 30, 65, 7, 98, 23, 20, 29, 78, 61, 94, 15, 4, 52, 59, 5, 54, 46, 3, 28, 2,
            70, 6, 60, 49, 68, 55, 72, 79, 77, 45, 1, 32, 34, 11, 0, 22, 12, 87, 50, 25, 47, 36, 96, 9, 83, 62, 84, 18, 17,
            75, 67, 13, 48, 39, 21, 64, 88, 38, 27, 14, 73, 33, 58, 86, 43, 99, 51}},
        {7, 1, new int[] {0}},
        {7, 2, new int[] {1, 0}},
        {7, 10, new int[] {5, 0, 3, 4, 1, 7, 9, 6, 8, 2}},
        {7, 100, new int[] {15, 59, 71, 57, 2, 27, 87, 54, 36, 96, 98, 76, 28, 43, 8, 80, 58, 91, 61, 25, 56, 5, 99, 9,
            60, 93, 95, 42, 70, 3, 31, 53, 92, 81, 26, 14, 24, 35, 83, 41, 1, 64, 68, 37, 52, 23, 0, 29, 32, 34, 40, 75, 6,
            10, 86, 97, 39, 89, 62, 12, 90, 79, 4, 48, 45, 85, 38, 33, 78, 84, 67, 50, 16, 51, 73, 63, 17, 46, 65, 66, 11,
            22, 47, 7, 49, 94, 69, 21, 74, 82, 72, 55, 30, 44, 18, 88, 77, 13, 20, 19}},
    };

    /** torch.randperm(n, generator=torch.Generator().manual_seed(seed)): {seed, n, first 8, digest}. */
    private static final Object[][] OWN_GENERATOR = {
        {123L, 10, new int[] {2, 0, 8, 1, 3, 7, 4, 9}, 8722418753830045785L},
        {123L, 1797, new int[] {1024, 854, 1584, 1353, 1591, 1639, 1374, 1514}, -7241195505590595626L},
        {123L, 5000, new int[] {2382, 2336, 884, 3435, 4660, 3142, 3756, 2341}, 4675149447768520098L},
        {5L, 10, new int[] {1, 4, 9, 6, 3, 5, 0, 2}, -8877970877815750977L},
        {5L, 1797, new int[] {1151, 247, 944, 1242, 1442, 1147, 943, 1660}, 7531161616314319332L},
        {5L, 5000, new int[] {3411, 4223, 3273, 4487, 2858, 1875, 3966, 1852}, -6686705242048256856L},
        {1099511627779L, 10, new int[] {6, 0, 3, 7, 8, 5, 1, 9}, -8348238146504228219L},
        {1099511627779L, 1797, new int[] {133, 1773, 404, 864, 1209, 1229, 309, 1312}, -2971507338126199538L},
        {1099511627779L, 5000, new int[] {3986, 1813, 3813, 4499, 1704, 3905, 3790, 1572}, 9082596033103231400L},
        {900450186894289455L, 10, new int[] {6, 9, 0, 7, 3, 5, 4, 2}, 7433023473643261153L},
        {900450186894289455L, 1797, new int[] {414, 711, 336, 1764, 1789, 1584, 66, 375}, 6532077036537118306L},
        {900450186894289455L, 5000, new int[] {3906, 1187, 2956, 2287, 3629, 3460, 2775, 551}, -834235892876328264L},
    };

    /** torch.manual_seed(seed); five torch.empty((), dtype=torch.int64).random_().item() draws. */
    private static final long[][] INT64_DRAWS = {
        {0L, 900450186894289455L, 3969543146641149120L, 1895649597198586619L, 827948490035658087L, 7815051614634499795L},
        {1L, 7692698082559361259L, 4064269471072392264L, 2109959069025161L, 5577051506714156677L, 2707168392203228096L},
        {42L, 6909045637428952499L, 8314211556539077902L, 4279532810384561223L, 1819927849474927636L, 2878035897379592313L},
        {4294967301L, 4095051218741643470L, 6838803925648402109L, 3813295331020233846L, 7722008223506294857L,
            9009596224835060452L},
    };

    static int[] ints(Tensor t) {
        float[] v = t.toFloatArray();
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
        return out;
    }

    static long digest(int[] values) {
        long h = 0;
        for (int v : values) h = h * 1000003 + v;
        return h;
    }

    private static void assertPermutation(int[] expectedStart, long expectedDigest, int[] actual, String what) {
        assertArrayEquals(expectedStart, Arrays.copyOf(actual, expectedStart.length), what + ": first entries");
        assertEquals(expectedDigest, digest(actual), what + ": digest of the whole permutation");
        int[] sorted = actual.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i], what + ": a permutation of 0..n-1");
    }

    @Test
    @DisplayName("randperm(n) after manualSeed(seed) is PyTorch's for n = 1, 2, 10, 100, 1797, 5000 and takes n-1 words")
    void seededMatchesPyTorch() {
        for (Object[] c : SEEDED) {
            int seed = (int) c[0];
            int n = (int) c[1];
            Tensor.manualSeed(seed);
            Tensor p = Tensor.randperm(n);
            assertArrayEquals(new int[] {n}, p.shape());
            assertPermutation((int[]) c[2], (long) c[3], ints(p), "seed " + seed + ", n " + n);
            assertEquals((long) c[4], Generator.defaultGenerator().randomInt64(),
                    "seed " + seed + ", n " + n + ": the draw after randperm (it took n-1 words)");
        }
    }

    @Test
    @DisplayName("small permutations equal PyTorch's entry for entry")
    void smallPermutationsInFull() {
        for (Object[] c : FULL) {
            Tensor.manualSeed((int) c[0]);
            assertArrayEquals((int[]) c[2], ints(Tensor.randperm((int) c[1])), "seed " + c[0] + ", n " + c[1]);
        }
    }

    @Test
    @DisplayName("randperm(n, generator) draws from that generator only, seeded with all 64 bits given (low 32 used)")
    void ownGeneratorMatchesPyTorch() {
        for (Object[] c : OWN_GENERATOR) {
            Tensor.manualSeed(0);
            Generator g = new Generator().manualSeed((long) c[0]);
            assertPermutation((int[]) c[2], (long) c[3], ints(Tensor.randperm((int) c[1], g)), "generator seed " + c[0]);
            assertEquals(900450186894289455L, Generator.defaultGenerator().randomInt64(), "the default generator untouched");
        }
    }

    @Test
    @DisplayName("int64 random_() draws are random64() mod 2^63, as torch.empty((), dtype=torch.int64).random_()")
    void int64DrawsMatchPyTorch() {
        for (long[] c : INT64_DRAWS) {
            Tensor.manualSeed(c[0]);
            for (int i = 1; i < c.length; i++) {
                assertEquals(c[i], Generator.defaultGenerator().randomInt64(), "seed " + c[0] + ", draw " + i);
            }
            Generator own = new Generator().manualSeed(c[0]);
            assertEquals(c[1], own.randomInt64(), "a generator of one's own with the same seed");
        }
    }

    @Test
    @DisplayName("a new Generator has torch's default seed; manualSeed returns it; a null generator means the default one")
    void generatorApi() {
        Generator g = new Generator();
        assertEquals(67280421310721L, g.initialSeed());
        assertEquals("Generator(initial_seed=67280421310721)", g.toString());
        assertTrue(g.manualSeed(123) == g);
        assertEquals(123L, g.initialSeed());
        Tensor.manualSeed(0);
        int[] viaNull = ints(Tensor.randperm(10, null));
        assertArrayEquals(new int[] {4, 1, 7, 5, 3, 9, 0, 8, 6, 2}, viaNull);
        // torch.rand(3, generator=torch.Generator().manual_seed(0)) equals torch.manual_seed(0); torch.rand(3)
        Tensor.manualSeed(0);
        Tensor global = Tensor.rand(3);
        assertArrayEquals(global.toFloatArray(), Tensor.rand(new Generator().manualSeed(0), 3).toFloatArray());
        Tensor.manualSeed(0);
        Tensor globalN = Tensor.randn(20);
        assertArrayEquals(globalN.toFloatArray(), Tensor.randn(new Generator().manualSeed(0), 20).toFloatArray());
    }

    @Test
    @DisplayName("randperm(0) is empty; a negative n gets PyTorch's text; n beyond float32's exact integers is refused")
    void edgesAndErrors() {
        assertArrayEquals(new int[] {0}, Tensor.randperm(0).shape());
        ShapeError negative = assertThrows(ShapeError.class, () -> Tensor.randperm(-1));
        assertEquals("Trying to create tensor with negative dimension -1: [-1]", negative.torchMessage());
        ValueError big = assertThrows(ValueError.class, () -> Tensor.randperm((1 << 24) + 1));
        assertTrue(big.getMessage().contains("Fix: "), big.getMessage());
    }
}
