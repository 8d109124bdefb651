package layerwise.train;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

class ProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    /** A clock that advances one second per reading after the start. */
    private long now;

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private Progress progress(int epochs, int steps, boolean inPlace) {
        now = 0;
        return new Progress(epochs, steps, out, inPlace, () -> now);
    }

    @Test
    @DisplayName("not a terminal: one line per epoch, with the epoch's mean loss and accuracy and the time left")
    void linePerEpoch() {
        Progress p = progress(2, 3, false);
        double[] losses = {3, 2, 1, 0.5, 0.5, 0.5};
        for (int i = 0; i < 6; i++) {
            now += 1_000_000_000L;
            p.step(losses[i], i < 3 ? 0.5 : 1.0);
        }
        String[] lines = printed().split("\n");
        assertEquals(2, lines.length, printed());
        assertEquals("epoch 1/2  3 steps  loss 2.0000  accuracy 50.0%  3.0 s, 3.0 s left", lines[0]);
        assertEquals("epoch 2/2  3 steps  loss 0.5000  accuracy 100.0%  6.0 s, 0.0 s left", lines[1]);
        assertFalse(printed().contains("\r"));
    }

    @Test
    @DisplayName("a terminal: the line is redrawn in place with \\r, at most every 100 ms, and each epoch's line stays")
    void inPlace() {
        Progress p = progress(1, 4, true);
        now += 200_000_000L;
        p.step(1.0);                 // drawn
        now += 10_000_000L;
        p.step(1.0);                 // too soon: not drawn
        now += 200_000_000L;
        p.step(1.0);                 // drawn
        now += 200_000_000L;
        p.step(1.0);                 // the epoch's end: drawn and kept
        String s = printed();
        assertEquals(3, s.split("\r", -1).length - 1, s);
        assertTrue(s.contains("\repoch 1/1  step 1/4  loss 1.0000  0.6 s left"), s);
        assertTrue(s.contains("\repoch 1/1  step 3/4"), s);
        assertTrue(s.endsWith("\repoch 1/1  4 steps  loss 1.0000  0.6 s, 0.0 s left\n"), s);
        assertFalse(s.contains("accuracy"), "no accuracy given, none shown");
    }

    @Test
    @DisplayName("a shorter line overwrites a longer one completely")
    void padding() {
        Progress p = progress(1, 3, true);
        now += 200_000_000L;
        p.step(123456.0);
        now += 200_000_000L;
        p.step(-123456.0);           // the mean is 0: a shorter number
        String[] draws = printed().split("\r");
        assertEquals(draws[1].length(), draws[2].length(), "padded to the previous width");
    }

    @Test
    @DisplayName("wrong counts and a step past the end say what to do")
    void errors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> progress(0, 3, false)).getMessage().contains("Fix:"));
        Progress p = progress(1, 1, false);
        p.step(1);
        assertTrue(assertThrows(IllegalStateException.class, () -> p.step(1)).getMessage().contains("new Progress"));
    }

    @Test
    void seconds() {
        assertEquals("0.4 s", Progress.seconds(0.42));
        assertEquals("12 s", Progress.seconds(12.3));
        assertEquals("2 min 05 s", Progress.seconds(125.2));
    }
}
