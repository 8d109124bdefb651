package layerwise.train;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class MetricsTest {
    private static Tensor labels(float... v) {
        return Tensor.of(v, v.length);
    }

    @Test
    @DisplayName("accuracy: the argmax of each row against its label, the first column on a tie")
    void accuracy() {
        Tensor logits = Tensor.of(new float[][] {{0.1f, 0.9f, 0f}, {2f, 2f, 1f}, {0f, 0f, 5f}, {1f, 0f, 0f}});
        assertArrayEquals(new int[] {1, 0, 2, 0}, Metrics.predictions(logits));
        assertEquals(0.75, Metrics.accuracy(logits, labels(1, 0, 2, 2)));
    }

    @Test
    @DisplayName("accuracy agrees with a plain count on random scores")
    void againstACount() {
        Random r = new Random(3);
        int n = 200, c = 7;
        float[] s = new float[n * c], y = new float[n];
        int right = 0;
        for (int i = 0; i < n; i++) {
            int best = 0;
            for (int k = 0; k < c; k++) {
                s[i * c + k] = (float) r.nextGaussian();
                if (s[i * c + k] > s[i * c + best]) best = k;
            }
            y[i] = r.nextInt(c);
            if (best == (int) y[i]) right++;
        }
        assertEquals((double) right / n, Metrics.accuracy(Tensor.of(s, n, c), Tensor.of(y, n)), 1e-12);
    }

    @Test
    @DisplayName("the confusion matrix: rows true, columns predicted; its diagonal over the total is the accuracy")
    void confusion() {
        ConfusionMatrix m = Metrics.confusionMatrix(new int[] {0, 1, 1, 2, 2, 1}, new int[] {0, 1, 2, 2, 2, 0}, 3);
        assertArrayEquals(new int[][] {{1, 1, 0}, {0, 1, 0}, {0, 1, 2}}, m.counts());
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertArrayEquals(new int[] {2, 5}, m.wrong());
        assertArrayEquals(new int[] {0, 1, 1}, m.commonestMistake());
        var t = m.table();
        assertEquals(3, t.rowCount());
        assertEquals(java.util.List.of("true", "→0", "→1", "→2", "right"), t.columnNames());
        assertEquals(2, t.intColumn("→2").get(2));
        assertEquals(0.5, t.doubleColumn("right").get(0), 1e-12);
        assertTrue(m.toString().contains("accuracy 66.7%"), m.toString());
    }

    @Test
    @DisplayName("bad input: labels that are not class indices, counts that differ, scores that are not (N, C)")
    void errors() {
        Tensor logits = Tensor.zeros(2, 3);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(logits, labels(0, 3)))
                .getMessage().startsWith("label 3.0 at index 1 is not a class index in [0, 3)"));
        assertThrows(IllegalArgumentException.class, () -> Metrics.accuracy(logits, labels(0, 1, 2)));
        assertThrows(IllegalArgumentException.class, () -> Metrics.predictions(Tensor.zeros(3)));
        assertThrows(IllegalArgumentException.class, () -> Metrics.confusionMatrix(new int[] {4}, new int[] {0}, 3));
    }
}
