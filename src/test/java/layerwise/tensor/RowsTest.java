package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The row loops of {@link Arith} behind add, sub, mul, div, their in-place forms, copy_, fill_ and every
 * contiguous copy, held bit for bit to a plain loop written here: for each index, read both operands with
 * get() and apply the float operation. Shapes and layouts are random ({@link RandomViews}).
 */
class RowsTest {
    private static final int CASES = 400;

    /** The plain definition of each op, written out here rather than taken from Arith. */
    private static float plain(Arith op, float a, float b) {
        switch (op) {
            case ADD: return a + b;
            case SUB: return a - b;
            case MUL: return a * b;
            case DIV: return a / b;
            case COPY: return b;
            default: throw new AssertionError(op);
        }
    }

    private static Tensor run(Arith op, Tensor a, Tensor b) {
        switch (op) {
            case ADD: return a.add(b);
            case SUB: return a.sub(b);
            case MUL: return a.mul(b);
            case DIV: return a.div(b);
            default: throw new AssertionError(op);
        }
    }

    private static final Arith[] BINARY = {Arith.ADD, Arith.SUB, Arith.MUL, Arith.DIV};

    @Test
    @DisplayName("add, sub, mul, div with random shapes, broadcasts on either side and any layout equal the plain loop bit for bit")
    void binaryOps() {
        Random r = new Random(13);
        for (int c = 0; c < CASES; c++) {
            int[] shape = RandomViews.shape(r);
            boolean swap = r.nextBoolean();
            Tensor a = RandomViews.any(r, swap ? RandomViews.broadcastable(r, shape) : shape);
            Tensor b = RandomViews.any(r, swap ? shape : RandomViews.broadcastable(r, shape));
            for (Arith op : BINARY) {
                Tensor out = run(op, a, b);
                assertArrayEquals(shape, out.shape(), "shape of " + op);
                assertTrue(out.isContiguous());
                int[][] idx = RandomViews.indices(shape);
                for (int[] i : idx) {
                    float want = plain(op, RandomViews.broadcastGet(a, i), RandomViews.broadcastGet(b, i));
                    if (!RandomViews.sameBits(want, out.get(i))) {
                        fail(op + " case " + c + " a " + RandomViews.describe(a) + " b " + RandomViews.describe(b)
                                + " at " + Shapes.str(i) + ": want " + want + " got " + out.get(i));
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("the common layouts by name: same shape, a bias row over rows, a scalar or 0-d on either side, a column")
    void commonLayouts() {
        Random r = new Random(5);
        int[][][] pairs = {
            {{1600 / 16, 1024 / 16}, {1024 / 16}},   // bias add, scaled down
            {{37, 67}, {37, 67}},
            {{37, 67}, {}},
            {{}, {37, 67}},
            {{37, 67}, {37, 1}},
            {{1, 67}, {37, 1}},
            {{5, 1, 67}, {3, 67}},
            {{}, {}},
            {{0, 67}, {67}},
        };
        for (int[][] p : pairs) {
            Tensor a = RandomViews.filled(r, p[0]);
            Tensor b = RandomViews.filled(r, p[1]);
            int[] shape = Shapes.broadcast(p[0], p[1]);
            for (Arith op : BINARY) {
                Tensor out = run(op, a, b);
                for (int[] i : RandomViews.indices(shape)) {
                    float want = plain(op, RandomViews.broadcastGet(a, i), RandomViews.broadcastGet(b, i));
                    assertTrue(RandomViews.sameBits(want, out.get(i)), op + " " + Shapes.str(p[0]) + " and "
                            + Shapes.str(p[1]) + " at " + Shapes.str(i));
                }
            }
        }
    }

    @Test
    @DisplayName("transposed operands and targets larger than a tile (64 x 64), with partial tiles at the edges")
    void transposedTiles() {
        Random r = new Random(37);
        int[][] shapes = {{130, 70}, {70, 130}, {3, 65, 129}, {64, 64}, {65, 200}};
        for (int[] shape : shapes) {
            int[] flipped = shape.clone();
            flipped[shape.length - 1] = shape[shape.length - 2];
            flipped[shape.length - 2] = shape[shape.length - 1];
            Tensor a = RandomViews.filled(r, flipped).transpose(-1, -2);
            Tensor b = RandomViews.filled(r, shape);
            int[][] idx = RandomViews.indices(shape);
            for (Arith op : BINARY) {
                Tensor out = run(op, a, b);
                Tensor back = run(op, b, a);
                for (int[] i : idx) {
                    assertTrue(RandomViews.sameBits(plain(op, a.get(i), b.get(i)), out.get(i)), op + " " + Shapes.str(shape));
                    assertTrue(RandomViews.sameBits(plain(op, b.get(i), a.get(i)), back.get(i)), op + " " + Shapes.str(shape));
                }
            }
            float[] before = new float[idx.length];
            for (int k = 0; k < idx.length; k++) before[k] = a.get(idx[k]);
            Tensor bias = RandomViews.filled(r, new int[] {shape[shape.length - 1]});
            a.add_(bias);   // in place into the transposed view: the writes go in tiles too
            for (int k = 0; k < idx.length; k++) {
                float want = before[k] + bias.get(idx[k][shape.length - 1]);
                assertTrue(RandomViews.sameBits(want, a.get(idx[k])), "add_ " + Shapes.str(shape));
            }
        }
    }

    @Test
    @DisplayName("add(float), sub(float), mul(float), div(float) equal x op c for every layout")
    void withScalar() {
        Random r = new Random(7);
        for (int c = 0; c < CASES; c++) {
            int[] shape = RandomViews.shape(r);
            Tensor a = RandomViews.any(r, shape);
            float k = RandomViews.value(r);
            Tensor[] outs = {a.add(k), a.sub(k), a.mul(k), a.div(k)};
            for (int o = 0; o < 4; o++) {
                for (int[] i : RandomViews.indices(shape)) {
                    float want = plain(BINARY[o], a.get(i), k);
                    assertTrue(RandomViews.sameBits(want, outs[o].get(i)),
                            BINARY[o] + " by " + k + " of " + RandomViews.describe(a) + " at " + Shapes.str(i));
                }
            }
        }
    }

    @Test
    @DisplayName("in place: every op and copy_ into transposed and sliced targets from broadcast sources")
    void inPlace() {
        Random r = new Random(11);
        Arith[] ops = Arith.values();
        for (int c = 0; c < CASES; c++) {
            int[] shape = RandomViews.shape(r);
            Tensor self = RandomViews.writable(r, shape);
            Tensor src = RandomViews.any(r, RandomViews.broadcastable(r, shape));
            Arith op = ops[r.nextInt(ops.length)];
            int[][] idx = RandomViews.indices(shape);
            float[] before = new float[idx.length];
            for (int k = 0; k < idx.length; k++) before[k] = self.get(idx[k]);
            float[] storageBefore = self.storage.clone();
            Tensor back = op == Arith.COPY ? self.copy_(src) : op == Arith.ADD && r.nextBoolean() ? self.add_(src)
                    : Elementwise.inPlace(self, src, op);
            assertSame(self, back);
            for (int k = 0; k < idx.length; k++) {
                float want = plain(op, before[k], RandomViews.broadcastGet(src, idx[k]));
                assertTrue(RandomViews.sameBits(want, self.get(idx[k])), op + " into " + RandomViews.describe(self)
                        + " from " + RandomViews.describe(src) + " at " + Shapes.str(idx[k]));
            }
            assertOnlyViewWritten(self, storageBefore);
        }
    }

    /** Storage cells outside the view keep their values (a slice's gaps, the rows around it). */
    private static void assertOnlyViewWritten(Tensor self, float[] storageBefore) {
        boolean[] inView = new boolean[storageBefore.length];
        for (int[] i : RandomViews.indices(self.dims)) inView[Strided.position(self, i)] = true;
        for (int p = 0; p < inView.length; p++) {
            if (!inView[p]) {
                assertTrue(RandomViews.sameBits(storageBefore[p], self.storage[p]), "cell " + p + " outside the view changed");
            }
        }
    }

    @Test
    @DisplayName("in place with the source in the same storage reads the old values: x.add_(x), x.add_(x.t()), shifted slices")
    void inPlaceAliasing() {
        Random r = new Random(3);
        for (int c = 0; c < 50; c++) {
            int n = 1 + r.nextInt(9);
            Tensor x = RandomViews.filled(r, new int[] {n, n});
            float[] old = x.toFloatArray();
            x.add_(x);
            for (int i = 0; i < n * n; i++) assertTrue(RandomViews.sameBits(old[i] + old[i], x.toFloatArray()[i]));

            Tensor y = RandomViews.filled(r, new int[] {n, n});
            float[] oldY = y.toFloatArray();
            Elementwise.inPlace(y, y.t(), Arith.SUB);
            float[] gotY = y.toFloatArray();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) assertTrue(RandomViews.sameBits(oldY[i * n + j] - oldY[j * n + i], gotY[i * n + j]));
            }

            Tensor z = RandomViews.filled(r, new int[] {n + 1});
            float[] oldZ = z.toFloatArray();
            z.slice(0, 1, n + 1).add_(z.slice(0, 0, n));   // each element plus its left neighbour's old value
            for (int i = 1; i <= n; i++) assertTrue(RandomViews.sameBits(oldZ[i] + oldZ[i - 1], z.get(i)));
            assertTrue(RandomViews.sameBits(oldZ[0], z.get(0)));
        }
    }

    @Test
    @DisplayName("fill_ and zero_ write every element of a transposed or sliced view and nothing else")
    void fill() {
        Random r = new Random(17);
        for (int c = 0; c < CASES; c++) {
            Tensor self = RandomViews.writable(r, RandomViews.shape(r));
            float[] storageBefore = self.storage.clone();
            float v = RandomViews.value(r);
            assertSame(self, self.fill_(v));
            for (int[] i : RandomViews.indices(self.dims)) assertTrue(RandomViews.sameBits(v, self.get(i)));
            assertOnlyViewWritten(self, storageBefore);
        }
        Tensor t = Tensor.ones(3, 4).t();
        t.zero_();
        assertArrayEquals(new float[12], t.toFloatArray());
    }

    @Test
    @DisplayName("toFloatArray, contiguous() and cat copy any layout in row-major order")
    void copies() {
        Random r = new Random(19);
        for (int c = 0; c < CASES; c++) {
            int[] shape = RandomViews.shape(r);
            Tensor a = RandomViews.any(r, shape);
            float[] got = a.toFloatArray();
            Tensor cont = a.contiguous();
            int[][] idx = RandomViews.indices(shape);
            assertEquals(idx.length, got.length);
            for (int k = 0; k < idx.length; k++) {
                assertTrue(RandomViews.sameBits(a.get(idx[k]), got[k]), RandomViews.describe(a) + " at " + Shapes.str(idx[k]));
                assertTrue(RandomViews.sameBits(a.get(idx[k]), cont.get(idx[k])));
            }
            if (shape.length > 0) {
                Tensor b = RandomViews.any(r, shape);
                Tensor joined = Tensor.cat(a, b);
                for (int[] i : idx) {
                    int[] second = i.clone();
                    second[0] += shape[0];
                    assertTrue(RandomViews.sameBits(a.get(i), joined.get(i)));
                    assertTrue(RandomViews.sameBits(b.get(i), joined.get(second)));
                }
            }
        }
    }

    @Test
    @DisplayName("the fast walk and the plain walk (Strided.walk) give the same bits for the same op")
    void fastEqualsPlainWalk() {
        Random r = new Random(23);
        for (int c = 0; c < CASES; c++) {
            int[] shape = RandomViews.shape(r);
            Tensor a = Views.expand(RandomViews.any(r, RandomViews.broadcastable(r, shape)), shape);
            Tensor b = Views.expand(RandomViews.any(r, RandomViews.broadcastable(r, shape)), shape);
            for (Arith op : Arith.values()) {
                Tensor fast = Tensor.zeros(shape);
                Tensor slow = Tensor.zeros(shape);
                Rows.apply(fast, a, b, op);
                Strided.walk(slow, a, b, (x, y) -> plain(op, x, y));
                for (int i = 0; i < fast.storage.length; i++) {
                    assertTrue(RandomViews.sameBits(slow.storage[i], fast.storage[i]), op + " element " + i);
                }
            }
        }
    }

    @Test
    @DisplayName("bad broadcasts and in-place shape mismatches keep torch's messages")
    void errorsUnchanged() {
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).add(Tensor.zeros(4))).torchMessage());
        assertEquals("The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 0",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 3).t().mul(Tensor.zeros(5, 1))).torchMessage());
        assertEquals("output with shape [2, 1] doesn't match the broadcast shape [2, 4]",
                assertThrows(ShapeError.class, () -> Tensor.zeros(2, 1).add_(Tensor.zeros(4))).torchMessage());
        IllegalArgumentException shared = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3).expand(2, 3).add_(Tensor.ones(2, 3)));
        assertTrue(shared.getMessage().startsWith("unsupported operation: more than one element of the written-to tensor"
                + " refers to a single memory location. Please clone() the tensor before performing the operation."));
    }
}
