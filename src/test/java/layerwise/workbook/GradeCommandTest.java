package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
