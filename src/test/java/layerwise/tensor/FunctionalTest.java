package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Functional's ops against values written out by hand or computed by loops here, and its error texts. */
class FunctionalTest {

    static Tensor random(Random r, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (2 * r.nextDouble() - 1);
        return Tensor.of(v, shape);
    }

    @Test
    @DisplayName("pad modes on [[1, 2, 3]]: the values numpy's constant/reflect/edge/wrap give")
    void padModes() {
        Tensor x = Tensor.of(new float[] {1, 2, 3}, 1, 1, 3);
        assertArrayEquals(new float[] {0, 0, 1, 2, 3, 0}, Functional.pad(x, new int[] {2, 1}).toFloatArray());
        assertArrayEquals(new float[] {3, 2, 1, 2, 3, 2}, Functional.pad(x, new int[] {2, 1}, "reflect").toFloatArray());
        assertArrayEquals(new float[] {1, 1, 1, 2, 3, 3}, Functional.pad(x, new int[] {2, 1}, "replicate").toFloatArray());
        assertArrayEquals(new float[] {2, 3, 1, 2, 3, 1}, Functional.pad(x, new int[] {2, 1}, "circular").toFloatArray());
        assertArrayEquals(new float[] {7, 1, 2, 3}, Functional.pad(x, new int[] {1, 0}, "constant", 7).toFloatArray());
    }

    @Test
    @DisplayName("2-D reflect padding of a 2x3 image, top/bottom then left/right")
    void pad2d() {
        Tensor x = Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 1, 2, 3);
        Tensor y = Functional.pad(x, new int[] {1, 1, 1, 0}, "reflect");
        assertArrayEquals(new int[] {1, 3, 5}, y.shape());
        assertArrayEquals(new float[] {5, 4, 5, 6, 5, 2, 1, 2, 3, 2, 5, 4, 5, 6, 5}, y.toFloatArray());
    }

    @Test
    @DisplayName("pad errors carry PyTorch's text")
    void padErrors() {
        Tensor x = Tensor.zeros(1, 1, 3, 3);
        assertEquals("Argument #4: Padding size should be less than the corresponding input dimension, but got: "
                + "padding (3, 3) at dimension 3 of input 4",
                assertThrows(ShapeError.class, () -> Functional.pad(x, new int[] {3, 3, 3, 3}, "reflect")).torchMessage());
        assertEquals("Argument #6: Padding size should be less than the corresponding input dimension, but got: "
                + "padding (3, 3) at dimension 2 of input 4",
                assertThrows(ShapeError.class, () -> Functional.pad(x, new int[] {1, 1, 3, 3}, "reflect")).torchMessage());
        assertEquals("Padding value causes wrapping around more than once.",
                assertThrows(ShapeError.class, () -> Functional.pad(x, new int[] {1, 1, 4, 4}, "circular")).torchMessage());
        assertEquals("Invalid padding size, expected 2 but got 4",
                assertThrows(ShapeError.class, () -> Functional.pad(Tensor.zeros(1, 5, 5), new int[] {1, 1, 1, 1}, "circular"))
                        .torchMessage());
        assertEquals("Padding length must be divisible by 2",
                assertThrows(ShapeError.class, () -> Functional.pad(x, new int[] {1, 1, 1})).torchMessage());
        assertEquals("Unrecognised padding mode foo",
                assertThrows(ShapeError.class, () -> Functional.pad(x, new int[] {1, 1}, "foo")).torchMessage());
    }

    @Test
    @DisplayName("conv2d's own checks use PyTorch's texts")
    void conv2dErrors() {
        Tensor w = Tensor.zeros(8, 3, 3, 3);
        assertEquals("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: [10, 10]",
                assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.zeros(10, 10), w, null)).torchMessage());
        assertEquals("Given groups=1, weight of size [8, 3, 3, 3], expected input[1, 4, 10, 10] to have 3 channels, "
                + "but got 4 channels instead",
                assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.zeros(4, 10, 10), w, null)).torchMessage());
        assertEquals("Calculated padded input size per channel: (2 x 2). Kernel size: (3 x 3). Kernel size can't be "
                + "greater than actual input size",
                assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.zeros(1, 3, 2, 2), w, null)).torchMessage());
        assertEquals("expected padding to be a single integer value or a list of 2 values to match the convolution "
                + "dimensions, but got padding=[1, 1, 1]",
                assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.zeros(1, 3, 5, 5), w, null,
                        new int[] {1}, new int[] {1, 1, 1}, new int[] {1}, 1)).torchMessage());
        assertEquals("non-positive stride is not supported",
                assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.zeros(1, 3, 5, 5), w, null,
                        new int[] {0}, new int[] {0}, new int[] {1}, 1)).torchMessage());
        assertEquals("negative padding is not supported",
                assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.zeros(1, 3, 5, 5), w, null,
                        new int[] {1}, new int[] {-1}, new int[] {1}, 1)).torchMessage());
    }

    @Test
    @DisplayName("padding='same' puts the extra row and column at the bottom and right")
    void sameSplit() {
        assertArrayEquals(new int[] {1, 2}, Functional.samePadding(4, 1));
        assertArrayEquals(new int[] {3, 3}, Functional.samePadding(4, 2));
        assertArrayEquals(new int[] {1, 2}, Functional.samePadding(2, 3));
        // A 1x1 image of value 1 and a 2x2 kernel of ones: 'same' pads (0 before, 1 after) -> output 1.
        Tensor y = Functional.conv2d(Tensor.ones(1, 1, 1, 1), Tensor.ones(1, 1, 2, 2), null,
                new int[] {1}, "same", new int[] {1}, 1);
        assertArrayEquals(new float[] {1}, y.toFloatArray());
    }

    @Test
    @DisplayName("max and avg pooling against loops written here, including padding and ceil mode")
    void poolsAgainstLoops() {
        Random r = new Random(5);
        for (int trial = 0; trial < 40; trial++) {
            int k = 1 + r.nextInt(3), s = 1 + r.nextInt(3), p = r.nextInt(k / 2 + 1);
            boolean ceil = r.nextBoolean();
            int h = k + r.nextInt(5), w = k + r.nextInt(5);
            Tensor x = random(r, 2, 2, h, w);
            float[] xv = x.toFloatArray();
            Tensor mx = Functional.maxPool2d(x, new int[] {k}, new int[] {s}, new int[] {p}, new int[] {1}, ceil);
            Tensor av = Functional.avgPool2d(x, new int[] {k}, new int[] {s}, new int[] {p}, ceil, false);
            int oh = mx.size(2), ow = mx.size(3);
            int expectOh = (int) (ceil ? Math.ceil((h + 2.0 * p - k) / s) : Math.floor((h + 2.0 * p - k) / s)) + 1;
            if (ceil && (expectOh - 1) * s >= h + p) expectOh--;
            assertEquals(expectOh, oh);
            for (int plane = 0; plane < 4; plane++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        float max = Float.NEGATIVE_INFINITY;
                        double sum = 0;
                        int count = 0;
                        for (int u = 0; u < k; u++) {
                            for (int v = 0; v < k; v++) {
                                int row = i * s - p + u, col = j * s - p + v;
                                if (row < 0 || row >= h || col < 0 || col >= w) continue;
                                float val = xv[(plane * h + row) * w + col];
                                max = Math.max(max, val);
                                sum += val;
                                count++;
                            }
                        }
                        int at = (plane * oh + i) * ow + j;
                        assertEquals(max, mx.toFloatArray()[at]);
                        assertEquals(sum / count, av.toFloatArray()[at], 1e-5);
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("pool errors carry PyTorch's text")
    void poolErrors() {
        Tensor x = Tensor.zeros(1, 1, 3, 3);
        assertEquals("pad should be at most half of kernel size, but got pad=2 and kernel_size=2",
                assertThrows(ShapeError.class, () -> Functional.maxPool2d(x, new int[] {2}, new int[] {2}, new int[] {2},
                        new int[] {1}, false)).torchMessage());
        assertEquals("Given input size: (1x3x3). Calculated output size: (1x0x0). Output size is too small",
                assertThrows(ShapeError.class, () -> Functional.maxPool2d(x, 5)).torchMessage());
        assertEquals("non-empty 3D or 4D (batch mode) tensor expected for input",
                assertThrows(ShapeError.class, () -> Functional.maxPool2d(Tensor.zeros(3, 3), 2)).torchMessage());
    }

    @Test
    @DisplayName("linear is x W^T + b; a 0-D input and a wrong last dim give PyTorch's texts")
    void linear() {
        Tensor x = Tensor.of(new float[] {1, 2}, 1, 2);
        Tensor w = Tensor.of(new float[] {1, 0, 0, 1, 1, 1}, 3, 2);
        Tensor b = Tensor.of(new float[] {10, 20, 30}, 3);
        assertArrayEquals(new float[] {11, 22, 33}, Functional.linear(x, w, b).toFloatArray());
        assertEquals("mat1 and mat2 shapes cannot be multiplied (1x3 and 2x3)",
                assertThrows(ShapeError.class, () -> Functional.linear(Tensor.zeros(1, 3), w, b)).torchMessage());
        assertEquals("both arguments to matmul need to be at least 1D, but they are 0D and 2D",
                assertThrows(ShapeError.class, () -> Functional.linear(Tensor.scalar(1), w, b)).torchMessage());
    }

    @Test
    @DisplayName("conv2d with padding per side pads only where asked, and wants 4 values")
    void conv2dPerSidePadding() {
        // Input 3x3 of ones, a 2x2 kernel of ones, one column of zeros at the right and one row at the bottom:
        // each output counts the ones its window covers in the 4x4 padded image.
        Tensor y = Functional.conv2d(Tensor.ones(1, 1, 3, 3), Tensor.ones(1, 1, 2, 2), null, new int[] {1},
                new int[] {0, 1, 0, 1}, "zeros", new int[] {1}, 1, null);
        assertArrayEquals(new int[] {1, 1, 3, 3}, y.shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int ones = 0;
                for (int u = i; u < i + 2; u++) {
                    for (int v = j; v < j + 2; v++) if (u < 3 && v < 3) ones++;
                }
                assertEquals(ones, y.get(0, 0, i, j), 0f, "output (" + i + ", " + j + ")");
            }
        }
        assertThrows(ShapeError.class, () -> Functional.conv2d(Tensor.ones(1, 1, 3, 3), Tensor.ones(1, 1, 2, 2), null,
                new int[] {1}, new int[] {1, 1}, "zeros", new int[] {1}, 1, null));
    }
}
