package layerwise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import layerwise.tensor.Generator;
import layerwise.tensor.IndexError;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * random_split against PyTorch 1.13 (src/test/python/data_fixtures.py), and TensorDataset's and Subset's
 * indexing and errors against PyTorch's texts.
 */
class RandomSplitTest {
    private static long digest(int[] values) {
        long h = 0;
        for (int v : values) h = h * 1000003 + v;
        return h;
    }

    @Test
    @DisplayName("lengths and fractions split in PyTorch's order; the remainder goes round robin from split 0")
    void splitsMatchPyTorch() {
        // random_split(range(n), lengths, generator=torch.Generator().manual_seed(s)): sizes, first 8 indices, digests
        List<Subset> a = Datasets.randomSplit(DataLoaderTest.indices(10), new int[] {3, 7}, new Generator().manualSeed(42));
        assertArrayEquals(new int[] {2, 6, 1}, a.get(0).indices());
        assertArrayEquals(new int[] {8, 4, 5, 0, 9, 3, 7}, a.get(1).indices());

        List<Subset> b = Datasets.randomSplit(DataLoaderTest.indices(30), new double[] {0.3, 0.3, 0.4}, new Generator().manualSeed(42));
        assertArrayEquals(new int[] {9, 9, 12}, b.stream().mapToInt(Subset::size).toArray());
        assertArrayEquals(new int[] {12, 0, 6, 25, 8, 15, 10, 18}, Arrays.copyOf(b.get(0).indices(), 8));
        assertArrayEquals(new int[] {23, 28, 26, 20, 7, 21, 22, 29}, Arrays.copyOf(b.get(1).indices(), 8));
        assertArrayEquals(new int[] {14, 2, 4, 1, 9, 11, 17, 19}, Arrays.copyOf(b.get(2).indices(), 8));
        assertArrayEquals(new long[] {-426034207609655270L, -784216186055175351L, 5999538521372925862L},
                b.stream().mapToLong(s -> digest(s.indices())).toArray());

        List<Subset> c = Datasets.randomSplit(DataLoaderTest.indices(10), new double[] {0.33, 0.33, 0.34}, new Generator().manualSeed(1));
        assertArrayEquals(new int[] {5, 6, 1, 2}, c.get(0).indices());
        assertArrayEquals(new int[] {0, 8, 9}, c.get(1).indices());
        assertArrayEquals(new int[] {3, 7, 4}, c.get(2).indices());

        List<Subset> d = Datasets.randomSplit(Datasets.digits(), new double[] {0.8, 0.2}, new Generator().manualSeed(0));
        assertArrayEquals(new int[] {1438, 359}, d.stream().mapToInt(Subset::size).toArray());
        assertArrayEquals(new int[] {362, 1568, 1440, 1761, 815, 1792, 508, 660}, Arrays.copyOf(d.get(0).indices(), 8));
        assertArrayEquals(new int[] {909, 1253, 225, 895, 1261, 1295, 1459, 403}, Arrays.copyOf(d.get(1).indices(), 8));
        assertArrayEquals(new long[] {8408777847869785667L, 316081690293372765L},
                d.stream().mapToLong(s -> digest(s.indices())).toArray());
    }

    @Test
    @DisplayName("a subset's item i is the parent's item indices[i]; a null generator draws from the default one")
    void subsetIndexesTheParent() {
        TensorDataset parent = DataLoaderTest.indices(10);
        Tensor.manualSeed(0);
        List<Subset> parts = Datasets.randomSplit(parent, new int[] {4, 6}, null);
        // torch.manual_seed(0); torch.randperm(10) -> [4, 1, 7, 5, 3, 9, 0, 8, 6, 2]
        assertArrayEquals(new int[] {4, 1, 7, 5}, parts.get(0).indices());
        assertEquals(7f, parts.get(0).get(2).get(0).item());
        assertEquals(2f, parts.get(1).get(-1).get(0).item(), "negative indices count from the end");
        IndexError out = assertThrows(IndexError.class, () -> parts.get(0).get(4));
        assertEquals("list index out of range", out.torchMessage());
        assertEquals(3, new DataLoader(parts.get(1), 2).size());
    }

    @Test
    @DisplayName("random_split's errors carry PyTorch's texts")
    void splitErrors() {
        TensorDataset ten = DataLoaderTest.indices(10);
        ValueError sum = assertThrows(ValueError.class, () -> Datasets.randomSplit(ten, new int[] {3, 4}, null));
        assertEquals("Sum of input lengths does not equal the length of the input dataset!", sum.torchMessage());
        ValueError fractions = assertThrows(ValueError.class, () -> Datasets.randomSplit(ten, new double[] {0.5, 0.6}, null));
        assertEquals("Sum of input lengths does not equal the length of the input dataset!", fractions.torchMessage());
        ValueError range = assertThrows(ValueError.class, () -> Datasets.randomSplit(ten, new double[] {1.5, -0.5}, null));
        assertEquals("Fraction at index 0 is not between 0 and 1", range.torchMessage());
        assertThrows(ValueError.class, () -> Datasets.randomSplit(ten, new int[] {-1, 11}, null));
    }

    @Test
    @DisplayName("TensorDataset pairs rows; different first dims, 0-d tensors and bad indices get PyTorch's texts")
    void tensorDataset() {
        Tensor x = Tensor.arange(0f, 6f, 1f).reshape(3, 2);
        Tensor y = Tensor.of(new float[] {7, 8, 9});
        TensorDataset set = new TensorDataset(x, y);
        assertEquals(3, set.size());
        assertArrayEquals(new float[] {2, 3}, set.get(1).get(0).toFloatArray());
        assertEquals(9f, set.get(-1).get(1).item());
        assertEquals("TensorDataset(torch.Size([3, 2]), torch.Size([3]))", set.toString());

        ShapeError mismatch = assertThrows(ShapeError.class, () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4)));
        assertEquals("Size mismatch between tensors", mismatch.torchMessage());
        IndexError scalar = assertThrows(IndexError.class, () -> new TensorDataset(Tensor.scalar(1)));
        assertEquals("Dimension specified as 0 but tensor has no dimensions", scalar.torchMessage());
        IndexError out = assertThrows(IndexError.class, () -> set.get(5));
        assertEquals("index 5 is out of bounds for dimension 0 with size 3", out.torchMessage());
        assertThrows(ValueError.class, TensorDataset::new);
    }
}
