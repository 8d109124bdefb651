package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import layerwise.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every tensor-level case of errors.json (the texts torch 1.13 raised for the code in each case) is
 * rebuilt here with the same shapes; the first line of our error must equal torch's message.
 */
class ShapeErrorTest {
    private static final Path ERRORS = Path.of("src/test/resources/fixtures/pytorch-1.13/errors.json");

    private static Tensor randn(int... shape) {
        return Tensor.randn(shape);
    }

    /** Java mirror of each errors.json "code" that concerns tensors (not layers or init). */
    private static Map<String, Executable> mirrors() {
        Map<String, Executable> m = new LinkedHashMap<>();
        m.put("torch.randn(2, 3) @ torch.randn(4, 5)", () -> randn(2, 3).matmul(randn(4, 5)));
        m.put("torch.randn(3) @ torch.randn(4)", () -> randn(3).matmul(randn(4)));
        m.put("torch.randn(3) @ torch.randn(4, 5)", () -> randn(3).matmul(randn(4, 5)));
        m.put("torch.randn(2, 3) @ torch.randn(4)", () -> randn(2, 3).matmul(randn(4)));
        m.put("torch.randn(7, 2, 3) @ torch.randn(7, 4, 5)", () -> randn(7, 2, 3).matmul(randn(7, 4, 5)));
        m.put("torch.randn(7, 2, 3) @ torch.randn(6, 3, 5)", () -> randn(7, 2, 3).matmul(randn(6, 3, 5)));
        m.put("torch.matmul(torch.tensor(1.0), torch.randn(3))", () -> Tensor.scalar(1f).matmul(randn(3)));
        m.put("torch.mm(torch.randn(2, 3), torch.randn(4, 5))", () -> randn(2, 3).mm(randn(4, 5)));
        m.put("torch.bmm(torch.randn(7, 2, 3), torch.randn(6, 3, 5))", () -> randn(7, 2, 3).bmm(randn(6, 3, 5)));
        m.put("torch.randn(2, 3) + torch.randn(4)", () -> randn(2, 3).add(randn(4)));
        m.put("torch.randn(2, 3) + torch.randn(3, 3)", () -> randn(2, 3).add(randn(3, 3)));
        m.put("torch.randn(2, 3, 4) * torch.randn(5, 1)", () -> randn(2, 3, 4).mul(randn(5, 1)));
        m.put("torch.randn(3).add_(torch.randn(2, 3))", () -> randn(3).add_(randn(2, 3)));
        m.put("torch.randn(2, 3).expand(4, 4)", () -> randn(2, 3).expand(4, 4));
        m.put("torch.randn(2, 3).reshape(4, 2)", () -> randn(2, 3).reshape(4, 2));
        m.put("torch.randn(2, 3).view(4, 2)", () -> randn(2, 3).view(4, 2));
        m.put("torch.randn(2, 3).reshape(-1, 4)", () -> randn(2, 3).reshape(-1, 4));
        m.put("torch.randn(2, 3).reshape(-1, -1)", () -> randn(2, 3).reshape(-1, -1));
        m.put("torch.randn(2, 3).reshape(-2, 3)", () -> randn(2, 3).reshape(-2, 3));
        m.put("torch.randn(0, 3).view(-1, 0)", () -> randn(0, 3).view(-1, 0));
        m.put("torch.randn(2, 3).t().view(6)", () -> randn(2, 3).t().view(6));
        m.put("torch.cat([torch.randn(2, 3), torch.randn(2, 4)])", () -> Tensor.cat(randn(2, 3), randn(2, 4)));
        m.put("torch.stack([torch.randn(2, 3), torch.randn(3, 2)])", () -> Tensor.stack(randn(2, 3), randn(3, 2)));
        m.put("torch.randn(2, 3).sum(5)", () -> randn(2, 3).sum(5));
        // x[5] on a 2-D tensor: get(5, 0) runs the same bounds check on dim 0.
        m.put("torch.randn(2, 3)[5]", () -> randn(2, 3).get(5, 0));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tensorCases() throws Exception {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Object o : (List<Object>) Json.parseObject(ERRORS).get("errors")) {
            Map<String, Object> c = (Map<String, Object>) o;
            if (((String) c.get("code")).startsWith("torch.")) cases.add(c);
        }
        return cases;
    }

    @Test
    @DisplayName("every tensor case of errors.json has a Java mirror")
    void everyTensorCaseIsMirrored() throws Exception {
        List<Map<String, Object>> cases = tensorCases();
        assertEquals(25, cases.size(), "tensor cases in errors.json");
        for (Map<String, Object> c : cases) {
            assertTrue(mirrors().containsKey((String) c.get("code")), "no mirror for " + c.get("code"));
        }
    }

    @TestFactory
    @DisplayName("the first line of each error is torch's message")
    Stream<DynamicTest> firstLineIsTorchText() throws Exception {
        Map<String, Executable> mirrors = mirrors();
        return tensorCases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("code"), () -> {
            String expected = (String) c.get("message");
            Executable code = mirrors.get((String) c.get("code"));
            if ("IndexError".equals(c.get("type"))) {
                IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, code);
                assertEquals(expected, e.getMessage().split("\n")[0]);
            } else {
                ShapeError e = assertThrows(ShapeError.class, code);
                assertEquals(expected, e.torchMessage());
                assertEquals(expected, e.getMessage().split("\n")[0]);
            }
        }));
    }

    @Test
    @DisplayName("a shape error explains itself and names a fix")
    void explanationAndFixFollow() {
        ShapeError e = assertThrows(ShapeError.class, () -> randn(2, 3).matmul(randn(4, 5)));
        String[] lines = e.getMessage().split("\n");
        assertEquals(3, lines.length, e.getMessage());
        assertTrue(lines[1].contains("[2, 3]") && lines[1].contains("[4, 5]"), lines[1]);
        assertTrue(lines[2].startsWith("  Fix: "), lines[2]);
        assertInstanceOf(IllegalArgumentException.class, e);
    }

    @Test
    @DisplayName("null or blank explanation and fix leave only torch's line")
    void composeSkipsMissingParts() {
        assertEquals("boom", new ShapeError("boom", null, " ").getMessage());
        assertEquals("boom\n  why\n  Fix: this", new ShapeError("boom", "why", "this").getMessage());
        IndexOutOfBoundsException e = new IndexError("index 5 is out of bounds", "why", null);
        assertEquals("index 5 is out of bounds\n  why", e.getMessage());
        assertFalse(e.getMessage().contains("Fix"));
    }

    @Test
    @DisplayName("shapeString prints like torch.Size")
    void shapeString() {
        assertEquals("[2, 3]", TorchFormat.shapeString(2, 3));
        assertEquals("[]", TorchFormat.shapeString());
    }
}
