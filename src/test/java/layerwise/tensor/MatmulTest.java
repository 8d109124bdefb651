package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** torch.matmul's rank rules, against torch's results for the same (seeded, bit-exact) inputs and a plain loop. */
class MatmulTest {
    private static final float TOL = 1e-6f;

    private static Tensor seededRand(long seed, int... shape) {
        Tensor.manualSeed(seed);
        return Tensor.rand(shape);
    }

    /** Reference 2-D product written out in the test: c[i][j] = sum_p a[i][p] b[p][j], in double. */
    private static float[] reference(float[] a, float[] b, int n, int m, int p) {
        float[] c = new float[n * p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < m; k++) s += (double) a[i * m + k] * b[k * p + j];
                c[i * p + j] = (float) s;
            }
        }
        return c;
    }

    @Test
    @DisplayName("batch dims broadcast: (2,1,3,4) @ (5,4,2) = (2,5,3,2), values as torch")
    void broadcastBatch() {
        Tensor.manualSeed(0);
        Tensor a = Tensor.rand(2, 1, 3, 4);
        Tensor b = Tensor.rand(5, 4, 2);
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {2, 5, 3, 2}, c.shape());
        // torch.manual_seed(0); a = torch.rand(2,1,3,4); b = torch.rand(5,4,2); (a @ b).flatten()
        float[] torch = {0.9967196f, 0.45825779f, 1.0973324f, 1.2114038f, 0.98070633f, 0.77947068f, 0.31693932f,
            0.33855155f, 0.8998521f, 1.2242174f, 0.53852594f, 0.76561034f, 0.83021444f, 0.27253929f, 1.3314799f,
            0.92566991f, 0.9854219f, 0.53512073f, 0.93993163f, 1.0825038f, 1.6963971f, 1.2428427f, 1.2243451f,
            1.1306511f, 0.50342095f, 0.38942727f, 0.81829882f, 1.1150285f, 0.70255625f, 0.71016395f, 0.38288021f,
            0.61145639f, 1.1707567f, 0.73788321f, 1.4980726f, 1.3729616f, 0.46548575f, 0.66955507f, 0.48089841f,
            0.57289332f, 0.97256148f, 1.231091f, 0.57406932f, 0.4934991f, 1.0873789f, 0.45940626f, 1.6616745f,
            0.98595816f, 0.78299499f, 0.45252651f, 1.1981939f, 1.2833374f, 1.9474009f, 1.6461147f, 0.35827515f,
            0.58694768f, 0.7110827f, 0.56841689f, 1.0113161f, 1.145308f};
        assertArrayEquals(torch, c.toFloatArray(), TOL);
    }

    @Test
    @DisplayName("1-D @ batched: the vector is a row that disappears from the result")
    void vectorTimesBatch() {
        Tensor.manualSeed(1);
        Tensor a = Tensor.rand(4);
        Tensor b = Tensor.rand(3, 4, 2);
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {3, 2}, c.shape());
        // torch.manual_seed(1); a = torch.rand(4); b = torch.rand(3,4,2); a @ b
        float[] torch = {0.83188939f, 1.3790243f, 1.5658498f, 1.0406586f, 1.0772676f, 1.0076327f};
        assertArrayEquals(torch, c.toFloatArray(), TOL);
    }

    @Test
    @DisplayName("batched @ 1-D: the vector is a column that disappears from the result")
    void batchTimesVector() {
        Tensor.manualSeed(2);
        Tensor a = Tensor.rand(3, 2, 4);
        Tensor b = Tensor.rand(4);
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {3, 2}, c.shape());
        // torch.manual_seed(2); a = torch.rand(3,2,4); b = torch.rand(4); a @ b
        float[] torch = {0.92645758f, 0.94561267f, 0.70069969f, 1.1600826f, 0.81380391f, 0.7062062f};
        assertArrayEquals(torch, c.toFloatArray(), TOL);
    }

    @Test
    @DisplayName("1-D @ 1-D is a 0-d dot product")
    void dot() {
        Tensor.manualSeed(3);
        Tensor a = Tensor.rand(5);
        Tensor b = Tensor.rand(5);
        Tensor c = a.matmul(b);
        assertEquals(0, c.dim());
        // torch.manual_seed(3); a = torch.rand(5); b = torch.rand(5); a @ b
        assertEquals(0.72907102f, c.item(), TOL);
    }

    @Test
    @DisplayName("2-D with transposed (non-contiguous) operands equals the plain loop")
    void nonContiguousOperands() {
        Tensor a = seededRand(4, 5, 3).t();
        Tensor b = seededRand(5, 4, 5).transpose(0, 1);
        float[] expected = reference(a.contiguous().toFloatArray(), b.contiguous().toFloatArray(), 3, 5, 4);
        assertArrayEquals(expected, a.matmul(b).toFloatArray(), TOL);
        assertArrayEquals(expected, a.mm(b).toFloatArray(), TOL);
    }

    @Test
    @DisplayName("contiguous views with an offset (row slices) are read from their offset")
    void offsetOperands() {
        Tensor a = seededRand(12, 5, 3).narrow(0, 2, 3);
        Tensor b = seededRand(13, 4, 3, 2).select(0, 3);
        float[] expected = reference(a.toFloatArray(), b.toFloatArray(), 3, 3, 2);
        assertArrayEquals(expected, a.matmul(b).toFloatArray(), TOL);
        Tensor batch = seededRand(14, 4, 3, 2).narrow(0, 1, 2);
        Tensor c = a.matmul(batch);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(reference(a.toFloatArray(), batch.select(0, i).toFloatArray(), 3, 3, 2),
                    c.select(0, i).toFloatArray(), TOL);
        }
    }

    @Test
    @DisplayName("(N, *, in) @ W^T folds the leading dims, as Linear does")
    void foldLeadingDims() {
        Tensor x = seededRand(6, 2, 3, 4);
        Tensor w = seededRand(7, 5, 4);
        Tensor y = x.matmul(w.t());
        assertArrayEquals(new int[] {2, 3, 5}, y.shape());
        float[] expected = reference(x.toFloatArray(), w.t().contiguous().toFloatArray(), 6, 4, 5);
        assertArrayEquals(expected, y.toFloatArray(), TOL);
    }

    @Test
    @DisplayName("2-D @ batched broadcasts the matrix over the batch")
    void matrixTimesBatch() {
        Tensor a = seededRand(8, 2, 4);
        Tensor b = seededRand(9, 3, 4, 5);
        Tensor c = a.matmul(b);
        assertArrayEquals(new int[] {3, 2, 5}, c.shape());
        for (int i = 0; i < 3; i++) {
            float[] expected = reference(a.toFloatArray(), b.select(0, i).toFloatArray(), 2, 4, 5);
            assertArrayEquals(expected, c.select(0, i).toFloatArray(), TOL);
        }
    }

    @Test
    @DisplayName("bmm multiplies batch by batch")
    void bmm() {
        Tensor a = seededRand(10, 3, 2, 4);
        Tensor b = seededRand(11, 3, 4, 5);
        Tensor c = a.bmm(b);
        for (int i = 0; i < 3; i++) {
            float[] expected = reference(a.select(0, i).toFloatArray(), b.select(0, i).toFloatArray(), 2, 4, 5);
            assertArrayEquals(expected, c.select(0, i).toFloatArray(), TOL);
        }
        assertThrows(ShapeError.class, () -> a.bmm(seededRand(1, 4, 5)));
    }

    @Test
    @DisplayName("zero-size dims give empty or zero-filled results, as torch")
    void zeroSize() {
        // torch.randn(2, 0) @ torch.randn(0, 3) is a 2x3 tensor of zeros
        Tensor c = Tensor.ones(2, 0).matmul(Tensor.ones(0, 3));
        assertArrayEquals(new int[] {2, 3}, c.shape());
        assertArrayEquals(new float[6], c.toFloatArray());
        // (torch.randn(0, 2, 3) @ torch.randn(3)).dims == (0, 2)
        assertArrayEquals(new int[] {0, 2}, Tensor.ones(0, 2, 3).matmul(Tensor.ones(3)).shape());
        assertArrayEquals(new int[] {4, 0}, Tensor.ones(4, 3).matmul(Tensor.ones(3, 0)).shape());
    }

    @Test
    @DisplayName("torch's texts for the mismatches that errors.json does not list")
    void moreMismatchTexts() {
        // each text was printed by torch 1.13 for the same shapes
        assertEquals("Expected size for first two dimensions of batch2 tensor to be: [14, 3] but got: [14, 4].",
                assertThrows(ShapeError.class, () -> Tensor.ones(2, 7, 2, 3).matmul(Tensor.ones(7, 4, 5))).torchMessage());
        assertEquals("size mismatch, got 6, 6x3,4",
                assertThrows(ShapeError.class, () -> Tensor.ones(2, 3, 3).matmul(Tensor.ones(4))).torchMessage());
        assertEquals("size mismatch, got 35, 35x4,3",
                assertThrows(ShapeError.class, () -> Tensor.ones(3).matmul(Tensor.ones(7, 4, 5))).torchMessage());
        assertEquals("mat1 and mat2 shapes cannot be multiplied (35x4 and 3x2)",
                assertThrows(ShapeError.class, () -> Tensor.ones(2, 3).matmul(Tensor.ones(7, 4, 5))).torchMessage());
        assertEquals("mat1 and mat2 shapes cannot be multiplied (14x3 and 5x3)",
                assertThrows(ShapeError.class, () -> Tensor.ones(7, 2, 3).matmul(Tensor.ones(5, 3))).torchMessage());
        assertEquals("both arguments to matmul need to be at least 1D, but they are 1D and 0D",
                assertThrows(ShapeError.class, () -> Tensor.ones(3).matmul(Tensor.scalar(1))).torchMessage());
        assertEquals("self must be a matrix",
                assertThrows(ShapeError.class, () -> Tensor.ones(3).mm(Tensor.ones(3, 2))).torchMessage());
        assertEquals("batch2 must be a 3D tensor",
                assertThrows(ShapeError.class, () -> Tensor.ones(2, 2, 3).bmm(Tensor.ones(3, 3))).torchMessage());
    }
}
