package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grade and hint commands' arguments (the grading itself is tested in layerwise.grade). */
class GradeCommandTest {

    @Test
    @DisplayName("grade refuses what it cannot grade, naming what would work")
    void gradeUsage() {
        assertEquals("'nosuch' is neither a lesson number, all, a folder, nor an exercise file named like NN-topic.jsh",
                assertThrows(Command.UsageError.class, () -> GradeCommand.main(new String[] {"nosuch"})).getMessage());
        assertEquals("--seed needs a whole number, got 'x'",
                assertThrows(Command.UsageError.class, () -> GradeCommand.main(new String[] {"--seed", "x"})).getMessage());
        assertEquals("--seed needs a value",
                assertThrows(Command.UsageError.class, () -> GradeCommand.main(new String[] {"--seed"})).getMessage());
        assertEquals("the heap limit must be at least 32 MB, got 8",
                assertThrows(Command.UsageError.class, () -> GradeCommand.main(new String[] {"--memory", "8"})).getMessage());
        assertEquals("unknown option --fast",
                assertThrows(Command.UsageError.class, () -> GradeCommand.main(new String[] {"--fast"})).getMessage());
        assertEquals("--class needs a folder with a folder per learner, got 'nosuch'",
                assertThrows(Command.UsageError.class, () -> GradeCommand.main(new String[] {"--class", "nosuch"})).getMessage());
        String mixed = assertThrows(Command.UsageError.class,
                () -> GradeCommand.main(new String[] {"--class", "jshell-scripts", "--report", "x", "--learner", "ada"})).getMessage();
        assertTrue(mixed.startsWith("--class grades each learner's folder") && mixed.endsWith("not --report --learner"), mixed);
    }

    @Test
    @DisplayName("hint prints the next hint each time and keeps the count under the output directory")
    void hintClimbs() throws Exception {
        Files.deleteIfExists(HintCommand.shownFile());
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            assertEquals(0, HintCommand.main(new String[] {"5.2"}));
            assertEquals(0, HintCommand.main(new String[] {"5.2"}));
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("Exercise 5.2, hint 1/3: "), text);
        assertTrue(text.contains("Exercise 5.2, hint 2/3: "), text);
        assertTrue(Files.readString(HintCommand.shownFile()).contains("5.2=2"));
        Files.delete(HintCommand.shownFile());
        assertThrows(Command.UsageError.class, () -> HintCommand.main(new String[] {"9.9"}));
    }

    @Test
    @DisplayName("a single submitted file is graded by its lesson number, the reports go where --report says")
    void gradesOneFile(@TempDir Path reports) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(GradeCommand.SOLUTIONS),
                "the reference solutions are not in a learner's copy (./workbook handout leaves them out)");
        PrintStream saved = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            status = GradeCommand.main(new String[] {"src/test/resources/solutions/04-why-initialization-matters.jsh",
                    "--seed", "11", "--report", reports.toString()});
        } finally {
            System.setOut(saved);
            System.setErr(savedErr);
        }
        String table = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, table);
        assertTrue(table.startsWith("src/test/resources/solutions/04-why-initialization-matters.jsh\n"), table);
        assertTrue(table.contains("Total: 5 / 5 points, 3 of 3 exercises passed"), table);
        assertTrue(table.contains("Seed: 11 "), table);
        assertTrue(Files.readString(reports.resolve("grade.json")).startsWith("{\"seed\":11,\"points\":5,\"max\":5,"));
        assertTrue(Files.isRegularFile(reports.resolve("grade-junit.xml")));
    }
}
