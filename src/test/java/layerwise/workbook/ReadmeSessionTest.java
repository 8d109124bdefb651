package layerwise.workbook;

import layerwise.nn.Conv2d;
import layerwise.nn.Linear;
import layerwise.plot.Plots;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** README's "A first session" shows what the workbook prints for each line typed. */
class ReadmeSessionTest {
    @TempDir
    Path out;

    private static List<String> session() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```\n$ ./workbook\n");
        assertTrue(start >= 0, "README has the first session");
        return readme.substring(start + 4, readme.indexOf("```\n", start + 4)).lines().toList();
    }

    /** The line right after the one typed. */
    private static String after(List<String> lines, String typed) {
        int i = lines.indexOf("jshell> " + typed);
        assertTrue(i >= 0, "README types " + typed);
        return lines.get(i + 1);
    }

    @Test
    @DisplayName("each value in the README's session is what that line gives")
    void values() throws IOException {
        List<String> lines = session();
        Tensor.manualSeed(0);
        assertEquals("$2 ==> " + Tensor.rand(5), after(lines, "Tensor.manualSeed(0); Tensor.rand(5)"));
        Linear lin = new Linear(10, 5);
        assertEquals("lin ==> " + lin, after(lines, "var lin = new Linear(10, 5)"));
        assertEquals("$4 ==> " + lin.weight.size(), after(lines, "lin.weight.size()"));
        assertEquals("$6 ==> " + new Conv2d(3, 16, 3, 1, 1), after(lines, "new Conv2d(3, 16, 3, 1, 1)"));

        ShapeError e = assertThrows(ShapeError.class, () -> lin.forward(Tensor.randn(1, 20)));
        int i = lines.indexOf("jshell> lin.forward(Tensor.randn(1, 20))");
        List<String> message = e.getMessage().lines().toList();
        assertEquals("|  Exception layerwise.tensor.ShapeError: " + message.get(0), lines.get(i + 1));
        for (int k = 1; k < message.size(); k++) assertEquals(message.get(k), lines.get(i + 1 + k));

        String previous = System.setProperty("layerwise.out", out.toString());
        try {
            String figure = Plots.histogram(lin.weight, "lin-weight").toString();
            int p = lines.indexOf("jshell> Plots.histogram(lin.weight, \"lin-weight\")");
            assertEquals("saved out/lin-weight.png", lines.get(p + 1));
            assertEquals("$7 ==> " + figure.replace(out.toString(), "out"), lines.get(p + 2));
        } finally {
            if (previous == null) System.clearProperty("layerwise.out");
            else System.setProperty("layerwise.out", previous);
        }
    }

    @Test
    @DisplayName("the banner lines that do not depend on which lessons exist are the ones printed")
    void banner() throws IOException {
        List<String> lines = session();
        List<String> printed = Banner.text(Lesson.all()).lines().toList();
        assertEquals(printed.get(0), lines.get(1));
        for (String prefix : List.of("JShell:", "Shell:")) {
            String want = printed.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
            assertTrue(lines.contains(want), "README shows " + want);
        }
    }
}
