package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HintsTest {

    @Test
    @DisplayName("every exercise has a ladder of two or three hints, ids in order")
    void laddersOfTwoOrThree(@TempDir Path dir) {
        Hints hints = new Hints(dir.resolve("shown.properties"));
        List<String> ids = hints.ids();
        assertTrue(ids.size() >= 30, ids.toString());
        assertEquals("1.1", ids.get(0));
        for (String id : ids) {
            int n = hints.ladder(id).size();
            assertTrue(n == 2 || n == 3, id + " has " + n + " hints");
        }
    }

    @Test
    @DisplayName("next() climbs the ladder and remembers it in the file; peek() does not; the last one repeats")
    void climbsAndRemembers(@TempDir Path dir) {
        Path file = dir.resolve("out").resolve("shown.properties");
        Hints hints = new Hints(file);
        List<String> ladder = hints.ladder("2.3");
        assertEquals(3, ladder.size());
        assertEquals(Optional.of("hint 1/3: " + ladder.get(0)), hints.peek("2.3"));
        assertEquals(Optional.of("hint 1/3: " + ladder.get(0)), hints.next("2.3"));
        assertEquals(Optional.of("hint 2/3: " + ladder.get(1)), new Hints(file).peek("2.3"), "read back from the file");
        Hints again = new Hints(file);
        again.next("2.3");
        assertEquals(Optional.of("hint 3/3: " + ladder.get(2)), again.next("2.3"));
        assertEquals(Optional.of("hint 3/3: " + ladder.get(2)), again.next("2.3"));
        assertEquals(3, new Hints(file).shown("2.3"));
        assertEquals(0, new Hints(file).shown("2.4"));
    }

    @Test
    @DisplayName("reset(id) starts one exercise's hints over, reset(null) all of them, in the file too")
    void resets(@TempDir Path dir) {
        Path file = dir.resolve("shown.properties");
        Hints hints = new Hints(file);
        hints.next("2.3");
        hints.next("2.3");
        hints.next("5.3");
        new Hints(file).reset("2.3");
        assertEquals(0, new Hints(file).shown("2.3"));
        assertEquals(1, new Hints(file).shown("5.3"));
        new Hints(file).reset(null);
        assertEquals(0, new Hints(file).shown("5.3"));
    }

    @Test
    @DisplayName("an unknown exercise has no hints")
    void unknown(@TempDir Path dir) {
        Hints hints = new Hints(dir.resolve("shown.properties"));
        assertTrue(hints.ladder("9.9").isEmpty());
        assertFalse(hints.next("9.9").isPresent());
        assertFalse(dir.resolve("shown.properties").toFile().exists());
    }

    @Test
    @DisplayName("ids compare by number: 2.10 after 2.9")
    void idOrder() {
        assertTrue(Hints.compareIds("2.9", "2.10") < 0);
        assertTrue(Hints.compareIds("10.1", "2.1") > 0);
        assertEquals(0, Hints.compareIds("3.3", "3.3"));
    }
}
