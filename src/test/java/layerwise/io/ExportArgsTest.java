package layerwise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExportArgsTest {
    private final ExportArgs args = new ExportArgs(Map.of("k", "3", "pair", "[3, 2]", "tuple", "(1, 4)",
            "bad", "[3, x]", "flag", "True", "p", "0.25", "mode", "same"), "case.safetensors");

    @Test
    @DisplayName("sizes are one int or a tuple, in either bracket style")
    void ints() {
        assertArrayEquals(new int[] {3}, args.ints("k"));
        assertArrayEquals(new int[] {3, 2}, args.ints("pair"));
        assertArrayEquals(new int[] {1, 4}, args.ints("tuple"));
        assertFalse(args.isTuple("k"));
        assertTrue(args.isTuple("pair"));
    }

    @Test
    @DisplayName("numbers, booleans and strings parse as PyTorch wrote them")
    void scalars() {
        assertEquals(3, args.integer("k"));
        assertEquals(0.25, args.decimal("p"));
        assertTrue(args.bool("flag"));
        assertEquals("same", args.string("mode"));
    }

    @Test
    @DisplayName("errors name the source, the key and what was found")
    void errors() {
        assertEquals("case.safetensors: metadata \"bad\" must be a list of integers, found \"[3, x]\"",
                assertThrows(IllegalArgumentException.class, () -> args.ints("bad")).getMessage());
        assertEquals("case.safetensors: metadata \"mode\" must be an integer, found \"same\"",
                assertThrows(IllegalArgumentException.class, () -> args.integer("mode")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> args.string("nope")).getMessage().
                startsWith("case.safetensors: no \"nope\" in the metadata (it has ["));
    }
}
