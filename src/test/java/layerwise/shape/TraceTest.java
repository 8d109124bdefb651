package layerwise.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import layerwise.nn.AvgPool2d;
import layerwise.nn.Conv2d;
import layerwise.nn.Flatten;
import layerwise.nn.GRU;
import layerwise.nn.Linear;
import layerwise.nn.MaxPool2d;
import layerwise.nn.ReLU;
import layerwise.nn.Sequential;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TraceTest {

    @Test
    @DisplayName("every layer's shape with its formula and the numbers filled in")
    void convStack() {
        Sequential net = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(16 * 16 * 16, 10));
        Trace t = Trace.of(net, Tensor.zeros(1, 3, 32, 32));
        assertNull(t.failure());
        assertArrayEquals(new int[] {1, 10}, t.output());
        List<String> conv = t.steps().get(0).formulas();
        assertTrue(conv.contains("H_out = ⌊(32 + 2·1 − 1·(3−1) − 1)/1⌋ + 1 = 32"), conv.toString());
        assertTrue(t.steps().get(2).formulas().contains("H_out = ⌊(32 + 2·0 − 1·(2−1) − 1)/2⌋ + 1 = 16"));
        assertTrue(t.steps().get(3).formulas().contains("dims 1..3 become one: 16×16×16 = 4096"));
        assertTrue(t.toString().contains("(4) Linear(in_features=4096, out_features=10, bias=True)"), t.toString());
    }

    @Test
    @DisplayName("the formula's number is the size the layer really gives, over strides, paddings, dilations and ceil_mode")
    void formulasAgreeWithForward() {
        java.util.Random rnd = new java.util.Random(11);
        for (int i = 0; i < 200; i++) {
            int h = 4 + rnd.nextInt(20);
            int k = 1 + rnd.nextInt(3);
            int s = 1 + rnd.nextInt(3);
            int p = rnd.nextInt(k / 2 + 1);
            int d = 1 + rnd.nextInt(2);
            boolean ceil = rnd.nextBoolean();
            if (d * (k - 1) + 1 > h + 2 * p) continue;
            var layer = rnd.nextBoolean()
                    ? new Conv2d(1, 1, k, Conv2d.options().stride(s).padding(p).dilation(d))
                    : i % 3 == 0 ? new AvgPool2d(new int[] {k}, new int[] {s}, new int[] {p}, ceil, true)
                    : new MaxPool2d(new int[] {k}, new int[] {s}, new int[] {p}, new int[] {d}, ceil);
            Trace t = Trace.of(layer, 1, 1, h, h);
            String formula = t.steps().get(0).formulas().get(1);
            int said = Integer.parseInt(formula.substring(formula.lastIndexOf("= ") + 2));
            assertEquals(t.output()[2], said, layer + " on " + h + ": " + formula);
        }
    }

    @Test
    @DisplayName("a recurrent layer: output (N, T, D·H_out) with batch_first, h_n never batch-first")
    void recurrent() {
        GRU gru = new GRU(10, 20, GRU.options().batchFirst(true).numLayers(2).bidirectional(true));
        Trace t = Trace.of(gru, 3, 5, 10);
        assertArrayEquals(new int[] {3, 5, 40}, t.output());
        String text = t.toString();
        assertTrue(text.contains("output (N, T, D·H_out), D·H_out = 2·20 = 40 (batch_first)"), text);
        assertTrue(text.contains("h_n (D·num_layers, N, H_out) = (2·2, 3, 20), not batch-first"), text);
        assertTrue(text.contains("h_n [4, 3, 20]"), text);
    }

    @Test
    @DisplayName("a layer that fails ends the trace: the steps that ran, the failing one without output, then the error")
    void failure() {
        Sequential net = new Sequential(new Conv2d(3, 8, 3), new Flatten(), new Linear(8 * 32 * 32, 10));
        Trace t = Trace.of(net, 1, 3, 32, 32);
        assertNull(t.output());
        assertEquals(3, t.steps().size());
        assertArrayEquals(new int[] {1, 8 * 30 * 30}, t.steps().get(1).output());
        assertNull(t.steps().get(2).output());
        assertTrue(t.failure().startsWith("mat1 and mat2 shapes cannot be multiplied (1x7200 and 8192x10)"), t.failure());
        assertTrue(t.toString().contains("[1, 7200] → FAILED"), t.toString());
    }
}
