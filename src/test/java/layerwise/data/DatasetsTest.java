package layerwise.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shipped and generated datasets: shapes, label ranges, determinism, and the generated recipes against
 * their PyTorch rebuilds (src/test/python/data_fixtures.py) and scikit-learn's load_digits.
 */
class DatasetsTest {
    private static final float TOLERANCE = 1e-6f;

    @Test
    @DisplayName("digits() is sklearn's load_digits: 1797 x 64 pixels in 0..16, labels 0-9 with sklearn's counts")
    void digitsMatchScikitLearn() {
        TensorDataset digits = Datasets.digits();
        Tensor x = digits.tensors().get(0);
        Tensor y = digits.tensors().get(1);
        assertArrayEquals(new int[] {1797, 64}, x.shape());
        assertArrayEquals(new int[] {1797}, y.shape());
        // load_digits(): data.sum(), data.max(), np.bincount(target), target[:10], data[1796][:16]
        assertEquals(561718.0, x.sum().item(), 0.5);
        assertEquals(16f, x.max().item());
        assertEquals(0f, x.min().item());
        int[] counts = new int[10];
        for (float label : y.toFloatArray()) {
            assertEquals(Math.rint(label), label, "labels are whole numbers");
            counts[(int) label]++;
        }
        assertArrayEquals(new int[] {178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, Arrays.copyOf(y.toFloatArray(), 10));
        float[] last = digits.get(1796).get(0).toFloatArray();
        assertArrayEquals(new float[] {0, 0, 10, 14, 8, 1, 0, 0, 0, 2, 16, 14, 6, 1, 0, 0}, Arrays.copyOf(last, 16));
        assertArrayEquals(new int[] {1797, 1, 8, 8}, x.reshape(-1, 1, 8, 8).shape());
    }

    @Test
    @DisplayName("parity(n, length, seed) equals PyTorch's (torch.rand(n, L, 1, generator=g) < 0.5) recipe")
    void parityMatchesPyTorch() {
        // {seed, n, length, ones in x, odd labels, first sequence}
        Object[][] cases = {
            {0, 512, 8, 2078, 254, new int[] {1, 0, 1, 1, 1, 0, 1, 0}},
            {3, 100, 12, 577, 49, new int[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0}},
        };
        for (Object[] c : cases) {
            int n = (int) c[1];
            int length = (int) c[2];
            TensorDataset set = Datasets.parity(n, length, (int) c[0]);
            Tensor x = set.tensors().get(0);
            Tensor y = set.tensors().get(1);
            assertArrayEquals(new int[] {n, length, 1}, x.shape());
            assertArrayEquals(new int[] {n}, y.shape());
            assertEquals((int) c[3], (int) x.sum().item());
            assertEquals((int) c[4], (int) y.sum().item());
            float[] first = x.select(0, 0).reshape(-1).toFloatArray();
            for (int t = 0; t < length; t++) assertEquals(((int[]) c[5])[t], (int) first[t], "bit " + t);
            for (int i = 0; i < n; i++) {
                int ones = (int) x.select(0, i).sum().item();
                assertEquals(ones % 2, (int) y.get(i), "label " + i + " is the parity of its sequence");
            }
        }
    }

    @Test
    @DisplayName("spirals(5, 3, 1) equals the PyTorch recipe to float32 rounding; labels run class by class")
    void spiralsMatchPyTorchRecipe() {
        float[] torch = {0.0000000f, 0.0000000f, 0.2172756f, 0.1236580f, 0.4520475f, -0.2136658f, 0.0129962f, -0.7498874f,
            -0.6947169f, -0.7192833f, -0.0000000f, -0.0000000f, -0.2499641f, -0.0042354f, -0.1026883f, 0.4893415f,
            0.3669791f, 0.6540844f, 0.9994420f, -0.0334018f, 0.0000000f, 0.0000000f, 0.1056763f, -0.2265668f, -0.2554023f,
            -0.4298484f, -0.7366864f, -0.1406880f, -0.4634525f, 0.8861217f};
        TensorDataset set = Datasets.spirals(5, 3, 1);
        assertArrayEquals(torch, set.tensors().get(0).toFloatArray(), TOLERANCE);
        assertArrayEquals(new float[] {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2}, set.tensors().get(1).toFloatArray());
        TensorDataset big = Datasets.spirals(100, 4, 7);
        assertArrayEquals(new int[] {400, 2}, big.tensors().get(0).shape());
        assertEquals(3f, big.tensors().get(1).max().item());
        Tensor points = big.tensors().get(0);
        for (int i = 0; i < 400; i++) {
            double radius = Math.hypot(points.get(i, 0), points.get(i, 1));
            assertEquals((i % 100) / 99.0, radius, 1e-6, "point " + i + " sits at radius linspace(0, 1, 100)[i]");
        }
    }

    @Test
    @DisplayName("moons(7, 0.1, 2) equals the make_moons recipe on torch's generator; odd n puts the extra point inside")
    void moonsMatchPyTorchRecipe() {
        float[] torchX = {-1.2140874f, -0.0553434f, 0.4500047f, -0.3741733f, -0.0163287f, 0.6527650f, 0.9597681f,
            0.0097224f, 1.9431753f, 0.3730826f, 0.0578943f, 0.8481897f, 1.3409300f, -0.1887241f};
        float[] torchY = {0f, 1f, 1f, 0f, 1f, 0f, 1f};
        TensorDataset set = Datasets.moons(7, 0.1, 2);
        assertArrayEquals(torchX, set.tensors().get(0).toFloatArray(), TOLERANCE);
        assertArrayEquals(torchY, set.tensors().get(1).toFloatArray());
        TensorDataset clean = Datasets.moons(200, 0, 0);
        assertEquals(100f, clean.tensors().get(1).sum().item(), "half the points in each moon");
        Tensor x = clean.tensors().get(0);
        for (int i = 0; i < 200; i++) {
            float cx = clean.tensors().get(1).get(i) == 0 ? 0 : 1;
            float cy = clean.tensors().get(1).get(i) == 0 ? 0 : 0.5f;
            double r = Math.hypot(x.get(i, 0) - cx, x.get(i, 1) - cy);
            assertEquals(1.0, r, 1e-6, "without noise every point is on its unit half circle");
        }
    }

    @Test
    @DisplayName("the same seed gives the same set, another seed another; the default generator is not touched")
    void seededAndIsolated() {
        Tensor.manualSeed(0);
        float before = Tensor.rand(1).item();
        Tensor.manualSeed(0);
        TensorDataset a = Datasets.moons(50, 0.2, 9);
        assertEquals(before, Tensor.rand(1).item(), "generated sets draw from a generator of their own");
        TensorDataset b = Datasets.moons(50, 0.2, 9);
        assertArrayEquals(a.tensors().get(0).toFloatArray(), b.tensors().get(0).toFloatArray());
        assertNotEquals(Arrays.toString(a.tensors().get(0).toFloatArray()),
                Arrays.toString(Datasets.moons(50, 0.2, 10).tensors().get(0).toFloatArray()));
        assertArrayEquals(Datasets.spirals(20, 3, 4).tensors().get(0).toFloatArray(),
                Datasets.spirals(20, 3, 4).tensors().get(0).toFloatArray());
        assertArrayEquals(Datasets.parity(20, 6, 4).tensors().get(0).toFloatArray(),
                Datasets.parity(20, 6, 4).tensors().get(0).toFloatArray());
    }

    @Test
    @DisplayName("sizes of 0 and negative noise are refused with a fix")
    void generatorErrors() {
        ValueError n = assertThrows(ValueError.class, () -> Datasets.moons(0, 0.1, 0));
        assertEquals("n should be a positive integer value, but got n=0", n.torchMessage());
        assertThrows(ValueError.class, () -> Datasets.spirals(10, 0, 0));
        assertThrows(ValueError.class, () -> Datasets.parity(10, 0, 0));
        ValueError noise = assertThrows(ValueError.class, () -> Datasets.moons(10, -0.1, 0));
        assertEquals("scale < 0", noise.torchMessage());
        List.of(n, noise).forEach(e -> assertEquals(true, e.getMessage().contains("\n  Fix: "), e.getMessage()));
    }
}
