package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SnippetSourceTest {

    @Test
    @DisplayName("a file splits into snippets at the line each starts on; comments and tool commands are not snippets")
    void splitsLikeTheTool() {
        String file = String.join("\n",
                "// Exercise 1.1 (1 point)",        // 1
                "//   in: shape",                   // 2
                "int numel(int[] shape) {",         // 3
                "    return 1;",                    // 4
                "}",                                // 5
                "",                                 // 6
                "/open other.jsh",                  // 7
                "int a = 1; int b = 2;",            // 8
                "/* a block",                       // 9
                "   comment */ float f(float x) { return x; }", // 10
                "numel(new int[] {2})");            // 11
        try (JShell js = JShell.builder().executionEngine("local").build()) {
            List<SnippetSource> snippets = SnippetSource.split(file, js.sourceCodeAnalysis());
            assertEquals(List.of(3, 8, 8, 9, 11), snippets.stream().map(SnippetSource::line).toList());
            assertEquals("int numel(int[] shape) {\n    return 1;\n}", snippets.get(0).text().strip());
            assertEquals("int b = 2;", snippets.get(2).text().strip());
            assertEquals("numel(new int[] {2})", snippets.get(4).text().strip());
        }
    }
}
