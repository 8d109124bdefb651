package layerwise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static void assertError(String json, String expectedFragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parse(json));
        assertTrue(e.getMessage().contains(expectedFragment),
                () -> "message \"" + e.getMessage() + "\" should contain \"" + expectedFragment + "\"");
    }

    @Test
    void parsesEveryValueKind() {
        Map<String, Object> m = Json.parseObject(
                " {\"obj\": {\"b\": 1, \"a\": 2}, \"arr\": [1, \"x\", null], \"t\": true, \"f\": false,"
                        + " \"n\": null, \"int\": -42, \"big\": 9007199254740993, \"dbl\": 2.5e-3 } ");
        assertEquals(List.of("obj", "arr", "t", "f", "n", "int", "big", "dbl"), List.copyOf(m.keySet()));
        assertInstanceOf(LinkedHashMap.class, m.get("obj"));
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) m.get("obj")).keySet()));
        assertEquals(java.util.Arrays.asList(1L, "x", null), m.get("arr"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertNull(m.get("n"));
        assertEquals(-42L, m.get("int"));
        // 2^53 + 1 is not representable as a double: integers must stay exact
        assertEquals(9007199254740993L, m.get("big"));
        assertEquals(0.0025, m.get("dbl"));
    }

    @Test
    void integerTooLargeForLongBecomesDouble() {
        assertEquals(1e20, Json.parse("100000000000000000000"));
    }

    @Test
    void decodesStringEscapes() {
        assertEquals("q\" b\\ s/ \b\f\n\r\t é \uD83D\uDE00",
                Json.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\uDE00\""));
    }

    @Test
    void rejectsMalformedInputNamingThePosition() {
        assertError("{\"a\": 1,}", "offset 8 (line 1, column 9): expected a string key");
        assertError("[1, 2", "at end of input (offset 5): expected ',' or ']' in array");
        assertError("{\"a\" 1}", "expected ':'");
        assertError("{\"a\": 1, \"a\": 2}", "duplicate key \"a\"");
        assertError("[1]\n x", "offset 5 (line 2, column 2): unexpected text after the JSON value");
        assertError("", "unexpected end of input, expected a value");
        assertError("01", "leading zeros are not allowed");
        assertError("1.", "expected a digit after the decimal point");
        assertError("1e", "expected a digit in the exponent");
        assertError("-", "expected a digit");
        assertError("tru", "invalid literal, expected true");
        assertError("\"abc", "unterminated string");
        assertError("\"a\nb\"", "unescaped control character U+000A in string");
        assertError("\"\\x\"", "invalid escape \\x in string");
        assertError("\"\\u12g4\"", "invalid hex digit 'g' in \\u escape");
        assertError("\"\\u12", "truncated \\u escape");
        assertError("// comment\n{}", "unexpected character '/'");
        assertError("[" .repeat(600), "nesting deeper than 512 levels");
    }

    @Test
    void parseObjectRejectsOtherTopLevelValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
        assertEquals("expected a JSON object at the top level, found an array", e.getMessage());
    }

    @Test
    void writesCompactAsciiLikePythonJsonDumps() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "w\u00e9\"\\\n\u0001\u007f");
        m.put("shape", List.of(2L, 3));
        m.put("ok", true);
        m.put("none", null);
        m.put("x", 0.5);
        // expected text produced by: json.dumps(m, separators=(',', ':'), ensure_ascii=True)
        assertEquals("{\"name\":\"w\\u00e9\\\"\\\\\\n\\u0001\\u007f\",\"shape\":[2,3],\"ok\":true,"
                + "\"none\":null,\"x\":0.5}", Json.write(m));
    }

    @Test
    void writeThenParseRoundTrips() {
        Object value = Json.parse("{\"a\":[1,-2,3.25,\"\\u2603\",{\"b\":null}],\"c\":false}");
        assertEquals(value, Json.parse(Json.write(value)));
    }

    @Test
    void writeRejectsNonFiniteNumbersAndOtherTypes() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, 2)));
    }

    @Test
    void readsTheFixtureJsonFiles() throws Exception {
        Path dir = Path.of("src/test/resources/fixtures/pytorch-1.13");
        Map<String, Object> errors = Json.parseObject(dir.resolve("errors.json"));
        assertEquals("1.13.0a0", errors.get("torch_version"));
        assertTrue(((List<?>) errors.get("errors")).size() > 50);
        Map<String, Object> manifest = Json.parseObject(dir.resolve("MANIFEST.json"));
        assertEquals(83, ((List<?>) manifest.get("cases")).size());
        assertTrue(Json.parseObject(dir.resolve("rng_reference.json")).containsKey("streams"));
        assertTrue(Json.parseObject(dir.resolve("init_stats.json")).size() > 3);
    }
}
