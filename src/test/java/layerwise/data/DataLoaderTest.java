package layerwise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import layerwise.tensor.Generator;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * DataLoader's batches against PyTorch 1.13's {@code DataLoader(list(range(n)), ...)}, recorded by
 * src/test/python/data_fixtures.py: two epochs each, then the next int64 draw of the generator, which
 * shows that both epochs took exactly PyTorch's draws.
 */
class DataLoaderTest {
    /** Items 0..n-1 as a dataset whose only field is the index, so a batch shows the order. */
    static TensorDataset indices(int n) {
        return new TensorDataset(Tensor.arange(n));
    }

    static int[][] epoch(Iterable<List<Tensor>> loader) {
        List<int[]> batches = new ArrayList<>();
        for (List<Tensor> batch : loader) {
            float[] v = batch.get(0).toFloatArray();
            int[] b = new int[v.length];
            for (int i = 0; i < v.length; i++) b[i] = (int) v[i];
            batches.add(b);
        }
        return batches.toArray(new int[0][]);
    }

    private record Case(int seed, int n, int batch, boolean dropLast, int[][] first, int[][] second, long next) {
    }

    private static final List<Case> SHUFFLED = List.of(
        new Case(0, 10, 4, false, new int[][] {{6, 7, 1, 4}, {2, 0, 9, 8}, {3, 5}},
                new int[][] {{2, 4, 7, 0}, {8, 9, 5, 3}, {6, 1}}, 7815051614634499795L),
        new Case(0, 10, 4, true, new int[][] {{6, 7, 1, 4}, {2, 0, 9, 8}},
                new int[][] {{2, 4, 7, 0}, {8, 9, 5, 3}}, 7815051614634499795L),
        new Case(1, 10, 5, false, new int[][] {{4, 2, 0, 6, 8}, {7, 9, 1, 5, 3}},
                new int[][] {{4, 8, 1, 5, 0}, {2, 3, 6, 9, 7}}, 2707168392203228096L),
        new Case(3, 7, 2, true, new int[][] {{3, 2}, {5, 4}, {1, 0}},
                new int[][] {{3, 1}, {6, 0}, {2, 4}}, 7248591967756700307L),
        new Case(42, 25, 8, false,
                new int[][] {{13, 14, 19, 1, 2, 5, 12, 8}, {15, 24, 9, 6, 16, 22, 10, 11}, {4, 18, 7, 17, 21, 20, 3, 23}, {0}},
                new int[][] {{19, 12, 18, 24, 10, 20, 15, 4}, {1, 6, 3, 23, 21, 22, 5, 11}, {17, 14, 13, 9, 16, 8, 2, 0}, {7}},
                2878035897379592313L),
        new Case(42, 25, 8, true,
                new int[][] {{13, 14, 19, 1, 2, 5, 12, 8}, {15, 24, 9, 6, 16, 22, 10, 11}, {4, 18, 7, 17, 21, 20, 3, 23}},
                new int[][] {{19, 12, 18, 24, 10, 20, 15, 4}, {1, 6, 3, 23, 21, 22, 5, 11}, {17, 14, 13, 9, 16, 8, 2, 0}},
                2878035897379592313L),
        new Case(2024, 1, 1, false, new int[][] {{0}}, new int[][] {{0}}, 3781932052278922367L),
        new Case(9, 13, 13, true, new int[][] {{10, 8, 12, 9, 7, 11, 5, 6, 0, 4, 2, 3, 1}},
                new int[][] {{1, 7, 9, 11, 0, 4, 8, 6, 5, 10, 3, 12, 2}}, 2621486946197246529L),
        new Case(11, 100, 16, false,
                new int[][] {{44, 75, 54, 9, 67, 49, 82, 27, 56, 25, 37, 64, 57, 77, 20, 51},
                    {34, 7, 59, 32, 63, 84, 94, 22, 53, 2, 30, 47, 11, 28, 92, 17},
                    {4, 69, 8, 1, 3, 45, 91, 81, 41, 62, 15, 40, 58, 86, 5, 89},
                    {60, 12, 95, 85, 90, 42, 72, 29, 43, 48, 76, 83, 0, 70, 61, 16},
                    {36, 99, 78, 88, 87, 31, 74, 18, 68, 65, 96, 98, 52, 13, 19, 71},
                    {33, 23, 50, 10, 55, 97, 14, 6, 39, 26, 66, 24, 93, 35, 73, 79}, {80, 46, 38, 21}},
                new int[][] {{3, 65, 97, 7, 14, 23, 87, 85, 96, 8, 68, 45, 6, 13, 11, 73},
                    {79, 49, 42, 60, 17, 90, 71, 72, 43, 5, 25, 62, 30, 9, 52, 61},
                    {4, 32, 95, 98, 84, 80, 53, 89, 55, 92, 10, 76, 22, 63, 29, 94},
                    {1, 18, 47, 59, 31, 34, 64, 39, 38, 41, 20, 51, 91, 35, 33, 77},
                    {37, 86, 46, 36, 50, 75, 58, 48, 74, 82, 56, 78, 2, 21, 88, 83},
                    {69, 16, 44, 28, 26, 54, 66, 93, 67, 15, 70, 99, 0, 19, 40, 57}, {24, 12, 81, 27}},
                7751388342971580999L));

    @Test
    @DisplayName("shuffled epochs under manualSeed equal PyTorch's for several seeds, sizes, batch sizes and drop_last")
    void shuffledOrdersMatchPyTorch() {
        for (Case c : SHUFFLED) {
            String what = "seed " + c.seed + ", n " + c.n + ", batch " + c.batch + ", drop_last " + c.dropLast;
            Tensor.manualSeed(c.seed);
            DataLoader loader = new DataLoader(indices(c.n), DataLoader.options().batchSize(c.batch).shuffle(true).dropLast(c.dropLast));
            assertEquals(c.first.length, loader.size(), what + ": len(loader)");
            assertArrayEquals(c.first, epoch(loader), what + ": epoch 0");
            assertArrayEquals(c.second, epoch(loader), what + ": epoch 1");
            assertEquals(c.next, Generator.defaultGenerator().randomInt64(), what + ": the draw after two epochs");
        }
    }

    @Test
    @DisplayName("the brief's reference: torch.manual_seed(0); DataLoader(range(10), batch_size=4, shuffle=True)")
    void referenceSheetOrder() {
        Tensor.manualSeed(0);
        DataLoader loader = new DataLoader(indices(10), 4, true);
        assertArrayEquals(new int[][] {{6, 7, 1, 4}, {2, 0, 9, 8}, {3, 5}}, epoch(loader));
        assertArrayEquals(new int[][] {{2, 4, 7, 0}, {8, 9, 5, 3}, {6, 1}}, epoch(loader));
    }

    @Test
    @DisplayName("without shuffle the order is 0..n-1, and each epoch still draws PyTorch's _base_seed")
    void sequentialStillDrawsBaseSeed() {
        // torch.manual_seed(5); [b.tolist() for b in DataLoader(range(6), 4)] -> [[0, 1, 2, 3], [4, 5]]; next draw 6838803925648402109
        Tensor.manualSeed(5);
        assertArrayEquals(new int[][] {{0, 1, 2, 3}, {4, 5}}, epoch(new DataLoader(indices(6), 4)));
        assertEquals(6838803925648402109L, Generator.defaultGenerator().randomInt64());
    }

    @Test
    @DisplayName("with generator(g) the orders come from g alone, trailing randperm included, as in PyTorch")
    void ownGeneratorMatchesPyTorch() {
        // DataLoader(range(n), batch_size, shuffle=True, generator=torch.Generator().manual_seed(s)): two epochs,
        // then torch.empty((), dtype=torch.int64).random_(generator=g)
        Object[][] cases = {
            {5L, 10, 4, new int[][] {{7, 4, 8, 1}, {2, 3, 6, 5}, {9, 0}}, new int[][] {{2, 1, 6, 3}, {5, 9, 4, 7}, {8, 0}},
                1843368347037329281L},
            {77L, 9, 3, new int[][] {{6, 5, 0}, {4, 2, 8}, {1, 3, 7}}, new int[][] {{6, 8, 7}, {1, 4, 3}, {5, 0, 2}},
                1057293371932274044L},
        };
        for (Object[] c : cases) {
            Tensor.manualSeed(0);
            Generator g = new Generator().manualSeed((long) c[0]);
            DataLoader loader = new DataLoader(indices((int) c[1]),
                    DataLoader.options().batchSize((int) c[2]).shuffle(true).generator(g));
            assertArrayEquals((int[][]) c[3], epoch(loader), "generator seed " + c[0] + ": epoch 0");
            assertArrayEquals((int[][]) c[4], epoch(loader), "generator seed " + c[0] + ": epoch 1");
            assertEquals((long) c[5], g.randomInt64(), "generator seed " + c[0] + ": the draw after two epochs");
            assertEquals(900450186894289455L, Generator.defaultGenerator().randomInt64(), "the default generator untouched");
        }
    }

    @Test
    @DisplayName("batches stack every field of the items; the same seed gives the same epochs")
    void stacksFieldsDeterministically() {
        Tensor x = Tensor.arange(0f, 30f, 1f).reshape(10, 3);
        Tensor y = Tensor.arange(0f, 10f, 1f).mul(10f);
        DataLoader loader = new DataLoader(new TensorDataset(x, y), 4, true);
        Tensor.manualSeed(123);
        List<List<Tensor>> first = new ArrayList<>();
        loader.forEach(first::add);
        assertEquals(3, first.size());
        assertArrayEquals(new int[] {4, 3}, first.get(0).get(0).shape());
        assertArrayEquals(new int[] {4}, first.get(0).get(1).shape());
        assertArrayEquals(new int[] {2, 3}, first.get(2).get(0).shape());
        for (List<Tensor> batch : first) {
            for (int r = 0; r < batch.get(1).size(0); r++) {
                float row = batch.get(0).get(r, 0) / 3;
                assertEquals(row * 10, batch.get(1).get(r), "a row and its label stay together");
            }
        }
        Tensor.manualSeed(123);
        List<List<Tensor>> again = new ArrayList<>();
        loader.forEach(again::add);
        for (int b = 0; b < first.size(); b++) {
            assertArrayEquals(first.get(b).get(0).toFloatArray(), again.get(b).get(0).toFloatArray());
        }
    }

    @Test
    @DisplayName("an epoch is an iterator: next() past the end says so; len(loader) counts batches")
    void iteratorContract() {
        DataLoader loader = new DataLoader(indices(5), 2);
        assertEquals(3, loader.size());
        assertEquals(2, new DataLoader(indices(5), DataLoader.options().batchSize(2).dropLast(true)).size());
        Iterator<List<Tensor>> it = loader.iterator();
        for (int i = 0; i < 3; i++) it.next();
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
        assertEquals("DataLoader(dataset=TensorDataset(torch.Size([5])), batch_size=2, shuffle=False, drop_last=False)",
                loader.toString());
        assertEquals(0, epoch(new DataLoader(indices(3), DataLoader.options().batchSize(4).dropLast(true))).length);
    }

    @Test
    @DisplayName("batch size 0 or less and shuffling an empty dataset get PyTorch's ValueError texts")
    void errors() {
        ValueError zero = assertThrows(ValueError.class, () -> new DataLoader(indices(10), 0));
        assertEquals("batch_size should be a positive integer value, but got batch_size=0", zero.torchMessage());
        assertTrue(zero.getMessage().contains("\n  Fix: "), zero.getMessage());
        ValueError negative = assertThrows(ValueError.class, () -> new DataLoader(indices(10), -1, true));
        assertEquals("batch_size should be a positive integer value, but got batch_size=-1", negative.torchMessage());
        ValueError empty = assertThrows(ValueError.class, () -> new DataLoader(indices(0), 2, true));
        assertEquals("num_samples should be a positive integer value, but got num_samples=0", empty.torchMessage());
        assertEquals(0, epoch(new DataLoader(indices(0), 2)).length, "an empty dataset in order gives no batches");
        assertThrows(layerwise.tensor.TypeError.class, () -> new DataLoader(null, 2));
    }
}
