package layerwise.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;

import layerwise.nn.Conv2d;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.nn.RNNBase;
import layerwise.nn.RNNOutput;
import layerwise.nn.ReLU;
import layerwise.nn.Sequential;
import layerwise.nn.TensorModule;
import layerwise.nn.LSTM;
import layerwise.nn.GRU;
import layerwise.nn.RNN;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The solver on random targets: every proposal, run again here on zeros, gives exactly the target;
 * every "impossible" is confirmed by a brute-force search of the same bounded range with the formula
 * written out in this test.
 */
class SolveTest {

    /** floor((size + 2p − d(k−1) − 1)/s) + 1, or 0 when the dilated kernel does not fit. */
    static int outSize(int size, int k, int s, int p, int d) {
        int numerator = size + 2 * p - d * (k - 1) - 1;
        return numerator < 0 ? 0 : numerator / s + 1;
    }

    /** Whether any (k, s, p, d) in the documented range, keeping the fixed ones (null = free), maps size to target. */
    static boolean reachable(int size, int target, Integer k0, Integer s0, Integer p0, Integer d0) {
        for (int k = 1; k <= 11; k++) {
            for (int s = 1; s <= 8; s++) {
                for (int p = 0; p <= 12; p++) {
                    for (int d = 1; d <= 4; d++) {
                        if (k0 != null && k != k0 || s0 != null && s != s0 || p0 != null && p != p0 || d0 != null && d != d0) continue;
                        if (outSize(size, k, s, p, d) == target) return true;
                    }
                }
            }
        }
        return false;
    }

    /** As {@link #reachable}, over a range far wider than the solver's: kernel, stride, padding and dilation up to 64. */
    static boolean reachableWide(int size, int target, Integer k0, Integer s0, Integer p0, Integer d0) {
        for (int k = 1; k <= 64; k++) {
            for (int s = 1; s <= 64; s++) {
                for (int p = 0; p <= 64; p++) {
                    for (int d = 1; d <= 64; d++) {
                        if (k0 != null && k != k0 || s0 != null && s != s0 || p0 != null && p != p0 || d0 != null && d != d0) continue;
                        if (outSize(size, k, s, p, d) == target) return true;
                    }
                }
            }
        }
        return false;
    }

    private static int[] run(Module m, int[] in) {
        return ((TensorModule) m).forward(Tensor.zeros(in)).shape();
    }

    @Test
    @DisplayName("conv2d: 300 random targets, with random fixed settings and groups")
    void conv2dRandomTargets() {
        Random rnd = new Random(2024);
        int possible = 0;
        int impossible = 0;
        int certain = 0;
        for (int i = 0; i < 300; i++) {
            int n = 1 + rnd.nextInt(2);
            int inC = 1 + rnd.nextInt(4);
            int outC = 1 + rnd.nextInt(4);
            int h = 1 + rnd.nextInt(36);
            int w = rnd.nextBoolean() ? h : 1 + rnd.nextInt(36);
            int th = 1 + rnd.nextInt(48);
            int tw = rnd.nextBoolean() ? th : 1 + rnd.nextInt(48);
            ConvSettings fixed = Solve.where();
            Integer k = null, s = null, p = null, d = null;
            if (rnd.nextInt(3) == 0) fixed.kernelSize(k = 1 + rnd.nextInt(5));
            if (rnd.nextInt(3) == 0) fixed.padding(p = rnd.nextInt(3));
            if (rnd.nextInt(4) == 0) fixed.stride(s = 1 + rnd.nextInt(3));
            if (rnd.nextInt(5) == 0) fixed.dilation(d = 1 + rnd.nextInt(2));
            int g = rnd.nextInt(4) == 0 ? 2 : 1;
            fixed.groups(g);
            int[] in = {n, inC, h, w};
            int[] out = {n, outC, th, tw};
            Solutions sol = Solve.conv2d(in, out, fixed);
            boolean channelsOk = inC % g == 0 && outC % g == 0;
            boolean brute = channelsOk && reachable(h, th, k, s, p, d) && reachable(w, tw, k, s, p, d);
            assertEquals(brute, sol.possible(), Arrays.toString(in) + " -> " + Arrays.toString(out) + " " + sol);
            if (sol.possible()) {
                possible++;
                assertFalse(sol.proposals().isEmpty());
                boolean skipping = false;
                for (Proposal prop : sol.proposals()) {
                    assertArrayEquals(out, run(prop.module(), in), prop.code());
                    // No proposal whose kernel covers its stride after one that steps over pixels.
                    Conv2d c = (Conv2d) prop.module();
                    boolean skips = c.kernelSize()[0] < c.stride()[0] || c.kernelSize()[1] < c.stride()[1];
                    assertFalse(skipping && !skips, sol.toString());
                    skipping |= skips;
                    Conv2d conv = (Conv2d) prop.module();
                    int[] kk = conv.kernelSize();
                    assertArrayEquals(new int[] {outC, inC / g, kk[0], kk[1]}, prop.parameters().get("weight"));
                    if (k != null) assertArrayEquals(new int[] {k, k}, kk);
                    if (p != null) assertArrayEquals(new int[] {p, p}, conv.padding());
                }
            } else {
                impossible++;
                assertFalse(sol.reason().isBlank());
                // "impossible" is claimed only when a wider search could not help either: brute force to 64.
                if (sol.impossible() && channelsOk) {
                    certain++;
                    assertFalse(reachableWide(h, th, k, s, p, d) && reachableWide(w, tw, k, s, p, d), sol.toString());
                }
                for (Proposal near : sol.nearest()) assertArrayEquals(near.output(), run(near.module(), in), near.code());
            }
        }
        assertTrue(possible > 50 && impossible > 50, possible + " possible, " + impossible + " impossible");
        assertTrue(certain > 10, certain + " certainly impossible");
    }

    @Test
    @DisplayName("conv2d: a 3×3 kernel without padding can't keep 32 → 32; the reason, and padding 1 first among the nearest")
    void keepSizeWithoutPadding() {
        Solutions sol = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 32, 32}, Solve.where().kernelSize(3).padding(0));
        assertFalse(sol.possible());
        assertTrue(sol.reason().contains("is at most 30"), sol.reason());
        assertEquals("new Conv2d(3, 16, 3, Conv2d.options().padding(1))", sol.nearest().get(0).code());
        assertTrue(sol.toString().contains("Nearest that works"), sol.toString());
    }

    @Test
    @DisplayName("conv2d: the simplest setting first; groups that don't divide the channels are refused with the divisor that works")
    void orderAndGroups() {
        Solutions half = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 8, 16, 16}, Solve.where().kernelSize(3));
        assertEquals("new Conv2d(3, 8, 3, Conv2d.options().stride(2).padding(1))", half.first().code());
        Solutions groups = Solve.conv2d(new int[] {1, 6, 8, 8}, new int[] {1, 9, 8, 8}, Solve.where().groups(2));
        assertFalse(groups.possible());
        assertTrue(groups.reason().contains("groups=1 divides both"), groups.reason());
        Solutions bigger = Solve.conv2d(new int[] {1, 6, 8, 8}, new int[] {1, 9, 8, 8}, Solve.where().groups(3));
        assertArrayEquals(new int[] {9, 2, 1, 1}, bigger.first().parameters().get("weight"));
    }

    @Test
    @DisplayName("conv2d: an unbatched image (C, H, W) works the same; a changed batch size is refused with the reason")
    void unbatchedAndBatch() {
        Solutions one = Solve.conv2d(new int[] {3, 28, 28}, new int[] {8, 14, 14}, Solve.where().kernelSize(3));
        for (Proposal p : one.proposals()) assertArrayEquals(new int[] {8, 14, 14}, run(p.module(), new int[] {3, 28, 28}));
        Solutions batch = Solve.conv2d(new int[] {4, 3, 28, 28}, new int[] {2, 8, 28, 28});
        assertFalse(batch.possible());
        assertTrue(batch.reason().contains("keeps the batch size N"), batch.reason());
        assertArrayEquals(new int[] {4, 8, 28, 28}, batch.nearest().get(0).output());
    }

    @Test
    @DisplayName("conv2d: 32 → 16 lists a kernel that covers its stride first, and says how many settings the 5 shown are the simplest of")
    void rankingAndCount() {
        Solutions half = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 8, 16, 16});
        Conv2d first = (Conv2d) half.first().module();
        assertTrue(first.kernelSize()[0] >= first.stride()[0], half.first().code());
        assertFalse(half.toString().contains("Conv2d(3, 8, 1, Conv2d.options().stride(2))\n"), half.toString());
        assertTrue(half.toString().contains("Conv2d(3, 8, 3, Conv2d.options().stride(2).padding(1))"), half.toString());
        // Independently: the square settings in range with H_out = 16, by the formula; non-square pairs come on top.
        int square = 0;
        for (int k = 1; k <= 11; k++) for (int st = 1; st <= 8; st++) for (int p = 0; p <= 12; p++) for (int d = 1; d <= 4; d++) {
            if (outSize(32, k, st, p, d) == 16) square++;
        }
        assertEquals((long) square * square, half.total());
        assertTrue(half.toString().startsWith("Conv2d from [1, 3, 32, 32] to [1, 8, 16, 16]: the 5 simplest of " + String.format("%,d", half.total())
                + " settings in the searched range"), half.toString());
    }

    @Test
    @DisplayName("conv2d: 32 → 64 is not 'impossible', only beyond the searched padding; padding 16 named and working")
    void beyondTheSearchedRange() {
        Solutions big = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 64, 64});
        assertFalse(big.possible());
        assertFalse(big.impossible());
        assertTrue(big.toString().contains(": none within the searched range (kernel_size ≤ 11, stride ≤ 8, padding ≤ 12, "
                + "dilation ≤ 4)"), big.toString());
        assertFalse(big.toString().contains("impossible"), big.toString());
        assertTrue(big.reason().contains("Beyond that range, padding=16 gives"), big.reason());
        Conv2d padded = new Conv2d(3, 16, 1, Conv2d.options().padding(16));
        assertArrayEquals(new int[] {1, 16, 64, 64}, run(padded, new int[] {1, 3, 32, 32}));
        Solutions fixed = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 32, 32}, Solve.where().kernelSize(3).padding(0));
        assertTrue(fixed.impossible());
        assertTrue(fixed.toString().contains(": impossible"), fixed.toString());
    }

    @Test
    @DisplayName("conv2d: a proposal is checked on one sample, and a wide layer through a thin copy: [32, 3, 512, 512] → [32, 64, 512, 512] in seconds")
    void checksOnOneSample() {
        long start = System.nanoTime();
        Solutions big = Solve.conv2d(new int[] {32, 3, 512, 512}, new int[] {32, 64, 512, 512});
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 20, seconds + " s");
        assertFalse(big.proposals().isEmpty());
        for (Proposal p : big.proposals()) {
            Conv2d c = (Conv2d) p.module();
            assertEquals(512, outSize(512, c.kernelSize()[0], c.stride()[0], c.padding()[0], c.dilation()[0]), p.code());
            assertEquals(512, outSize(512, c.kernelSize()[1], c.stride()[1], c.padding()[1], c.dilation()[1]), p.code());
            assertArrayEquals(new int[] {64, 3, c.kernelSize()[0], c.kernelSize()[1]}, p.parameters().get("weight"));
            assertArrayEquals(new int[] {32, 64, 512, 512}, p.output());
            assertTrue(p.toString().contains("on zeros [1, 1, 512, 512] → [1, 1, 512, 512]: H_out and W_out do not depend on N"),
                    p.toString());
        }
        Solutions small = Solve.conv2d(new int[] {4, 3, 16, 16}, new int[] {4, 8, 8, 8});
        for (Proposal p : small.proposals()) {
            assertArrayEquals(new int[] {4, 8, 8, 8}, run(p.module(), new int[] {4, 3, 16, 16}), p.code());
            assertTrue(p.toString().contains("checked: ran on zeros [1, 3, 16, 16] → [1, 8, 8, 8] (one sample"), p.toString());
        }
    }

    @Test
    @DisplayName("linear: random shapes; a solution exists exactly when a leading block of the input has the target's rows")
    void linearRandomTargets() {
        Random rnd = new Random(5);
        int possible = 0;
        for (int i = 0; i < 300; i++) {
            int[] in = new int[1 + rnd.nextInt(4)];
            for (int j = 0; j < in.length; j++) in[j] = 1 + rnd.nextInt(5);
            int[] out = new int[1 + rnd.nextInt(3)];
            for (int j = 0; j < out.length; j++) out[j] = 1 + rnd.nextInt(5);
            if (rnd.nextBoolean()) {                  // often a reachable target: a prefix of the input's dims
                int keep = rnd.nextInt(in.length);
                out = Arrays.copyOf(in, keep + 1);
                out[keep] = 1 + rnd.nextInt(9);
            }
            long wantRows = 1;
            for (int j = 0; j < out.length - 1; j++) wantRows *= out[j];
            boolean brute = false;
            long rows = 1;
            for (int j = 0; j < in.length; j++) {
                if (rows == wantRows) brute = true;
                rows *= in[j];
            }
            Solutions sol = Solve.linear(in, out);
            assertEquals(brute, sol.possible(), Arrays.toString(in) + " -> " + Arrays.toString(out) + "\n" + sol);
            if (!sol.possible()) continue;
            possible++;
            for (Proposal p : sol.proposals()) {
                assertArrayEquals(out, run(p.module(), p.input()), p.code());
                assertEquals(Arrays.stream(in).asLongStream().reduce(1, (a, b) -> a * b),
                        Arrays.stream(p.input()).asLongStream().reduce(1, (a, b) -> a * b), "a reshape keeps every value");
            }
        }
        assertTrue(possible > 100, possible + " possible");
    }

    @Test
    @DisplayName("linearAfter: in_features is C·H·W after the stack, counted here by the formula")
    void linearAfterConvStack() {
        Sequential stack = new Sequential(new Conv2d(3, 16, 5), new ReLU(), new MaxPool2d(2),
                new Conv2d(16, 32, 3, Conv2d.options().stride(2).padding(1)));
        int side = outSize(outSize(28, 5, 1, 0, 1) / 2, 3, 2, 1, 1);          // 28 → 24 → 12 → 6
        Solutions sol = Solve.linearAfter(stack, new int[] {4, 3, 28, 28}, 10);
        Proposal p = sol.first();
        assertEquals("new Sequential(stack, new Flatten(), new Linear(" + 32 * side * side + ", 10))", p.code());
        assertArrayEquals(new int[] {4, 10}, run(p.module(), new int[] {4, 3, 28, 28}));
        Solutions tooSmall = Solve.linearAfter(stack, new int[] {1, 3, 4, 4}, 10);
        assertFalse(tooSmall.possible());
        assertTrue(tooSmall.reason().contains("Kernel size can't be greater than actual input size"), tooSmall.reason());
        // 5 → conv k5 → 1 → pool 2 fails; 6 → 2 → 1 → conv k3 s2 p1 → 1: the smallest image that runs is 6×6.
        Proposal nearest = tooSmall.nearest().get(0);
        assertArrayEquals(new int[] {1, 3, 6, 6}, nearest.input());
        assertArrayEquals(new int[] {1, 10}, run(nearest.module(), nearest.input()));
    }

    @Test
    @DisplayName("recurrent: random sizes; every proposal gives D·H_out = the wanted features, states as PyTorch shapes them")
    void recurrentRandomTargets() {
        Random rnd = new Random(9);
        for (int i = 0; i < 60; i++) {
            String kind = new String[] {"RNN", "LSTM", "GRU"}[rnd.nextInt(3)];
            boolean batchFirst = rnd.nextBoolean();
            int t = 1 + rnd.nextInt(4), n = 1 + rnd.nextInt(3), inSize = 1 + rnd.nextInt(6);
            int want = rnd.nextInt(12);
            int[] in = batchFirst ? new int[] {n, t, inSize} : new int[] {t, n, inSize};
            Solutions sol = Solve.recurrent(kind, in, want, batchFirst);
            assertEquals(want >= 1, sol.possible(), sol.toString());
            for (Proposal p : sol.proposals()) {
                RNNBase m = (RNNBase) p.module();
                RNNOutput r = m instanceof LSTM l ? l.forward(Tensor.zeros(in)) : m instanceof GRU g ? g.forward(Tensor.zeros(in))
                        : ((RNN) m).forward(Tensor.zeros(in));
                int[] expected = in.clone();
                expected[2] = want;
                assertArrayEquals(expected, r.output().shape(), p.code());
                int hOut = m.projSize() > 0 ? m.projSize() : m.hiddenSize();
                assertArrayEquals(new int[] {m.numDirections() * m.numLayers(), n, hOut}, r.hN().shape());
                assertEquals(want, m.numDirections() * hOut);
            }
            if (kind.equals("LSTM") && want >= 1) {
                assertTrue(sol.proposals().stream().anyMatch(p -> ((RNNBase) p.module()).projSize() == want), sol.toString());
            }
        }
    }

    @Test
    @DisplayName("asking the solver leaves the random stream where it was")
    void randomStreamUntouched() {
        Tensor.manualSeed(3);
        float expected = Tensor.randn(4).sum().item();
        Tensor.manualSeed(3);
        Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 64, 16, 16});
        Solve.recurrent("LSTM", new int[] {5, 2, 10}, 20);
        Solve.linear(new int[] {2, 8, 4, 4}, new int[] {2, 10});
        assertEquals(expected, Tensor.randn(4).sum().item());
    }

    @Test
    @DisplayName("a batch too large for one tensor: linear, linearAfter and recurrent check their proposals on one sample")
    void aHugeBatchIsCheckedOnOneSample() {
        // Each input holds more than 2^31 - 1 values, so a check on the whole batch could not even allocate it.
        Solutions linear = Solve.linear(new int[] {50000, 50000, 8}, new int[] {50000, 50000, 4});
        assertTrue(linear.possible(), linear.toString());
        assertEquals("new Linear(8, 4)", linear.first().code());
        assertArrayEquals(new int[] {50000, 50000, 4}, linear.first().output());
        assertEquals("ran on zeros [1, 1, 8] → [1, 1, 4] (one sample: the batch size N passes through)",
                linear.first().checked());
        Solutions flattened = Solve.linear(new int[] {3000000, 32, 8, 8}, new int[] {3000000, 10});
        assertTrue(flattened.first().checked().startsWith("ran on zeros [1, 32, 8, 8] → [1, 10]"), flattened.toString());

        Sequential stack = new Sequential(new Conv2d(3, 16, 3), new ReLU(), new MaxPool2d(2));
        Solutions after = Solve.linearAfter(stack, new int[] {1000000, 3, 28, 28}, 10);
        assertEquals("new Sequential(stack, new Flatten(), new Linear(" + 16 * 13 * 13 + ", 10))", after.first().code());
        assertArrayEquals(new int[] {1000000, 10}, after.first().output());
        assertTrue(after.first().checked().startsWith("ran on zeros [1, 3, 28, 28] → [1, 10] (one sample"), after.toString());
        assertTrue(after.first().derivation().get(0).endsWith("[1000000, 3, 28, 28] → [1000000, 16, 26, 26]"),
                after.first().derivation().toString());

        Solutions lstm = Solve.recurrent("LSTM", new int[] {1000, 3000000, 10}, 20);
        for (Proposal p : lstm.proposals()) {
            assertArrayEquals(new int[] {1000, 3000000, 20}, p.output(), p.code());
            assertTrue(p.checked().startsWith("ran on zeros [1000, 1, 10] → [1000, 1, 20] (one sample"), p.toString());
        }
        Solutions batchFirst = Solve.recurrent("GRU", new int[] {3000000, 1000, 10}, 20, true);
        assertTrue(batchFirst.first().checked().startsWith("ran on zeros [1, 1000, 10]"), batchFirst.toString());
        assertTrue(batchFirst.first().derivation().get(1).contains("= [1, 3000000, 20]"), batchFirst.first().toString());
    }

    @Test
    @DisplayName("where() refuses a setting no convolution can use when it is set, with torch's text where it has one")
    void whereValidatesItsValues() {
        String[][] cases = {
                {"stride 0", "non-positive stride is not supported"},
                {"stride -1", "non-positive stride is not supported"},
                {"padding -1", "negative padding is not supported"},
                {"padding max", "where().padding(2147483647) is too large: at most 23169"},
                {"kernel 0", "kernel size should be greater than zero, but got kernel_height: 0 kernel_width: 0"},
                {"kernel max", "where().kernelSize(2147483647) is too large: at most 46340"},
                {"dilation 0", "dilation should be greater than zero, but got [0, 0]"},
                {"groups 0", "non-positive groups is not supported"},
        };
        for (String[] c : cases) {
            layerwise.tensor.ValueError e = org.junit.jupiter.api.Assertions.assertThrows(layerwise.tensor.ValueError.class,
                    () -> {
                        switch (c[0]) {
                            case "stride 0" -> Solve.where().stride(0);
                            case "stride -1" -> Solve.where().stride(-1);
                            case "padding -1" -> Solve.where().padding(-1);
                            case "padding max" -> Solve.where().padding(Integer.MAX_VALUE);
                            case "kernel 0" -> Solve.where().kernelSize(0);
                            case "kernel max" -> Solve.where().kernelSize(Integer.MAX_VALUE);
                            case "dilation 0" -> Solve.where().dilation(0);
                            default -> Solve.where().groups(0);
                        }
                    }, c[0]);
            assertEquals(c[1], e.torchMessage(), c[0]);
            assertTrue(e.getMessage().contains("\n  Fix: "), e.getMessage());
        }
        // the largest accepted values still solve without overflow or a division by zero
        Solutions wide = Solve.conv2d(new int[] {1, 1, 4, 4}, new int[] {1, 1, 4, 4}, Solve.where().stride(1).padding(23169));
        assertFalse(wide.toString().contains("0 simplest"), wide.toString());
    }

    @Test
    @DisplayName("the count of settings reads right whatever it is: never \"the 0 simplest\" or \"the 1 simplest\"")
    void simplestWording() {
        Proposal p = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 8, 16, 16}).first();
        assertTrue(Solutions.found("Q", java.util.List.of(p), 7).toString().startsWith("Q: the simplest of 7 settings"));
        assertTrue(Solutions.found("Q", java.util.List.of(p, p), 7).toString().startsWith("Q: the 2 simplest of 7 settings"));
        assertEquals("Q: 1 setting in the searched range gives the shape, but none passed the check on a sample",
                Solutions.found("Q", java.util.List.of(), 1).toString());
        assertEquals("Q: 3 settings in the searched range give the shape, but none passed the check on a sample",
                Solutions.found("Q", java.util.List.of(), 3).toString());
    }
}
