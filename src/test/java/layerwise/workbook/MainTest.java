package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Command dispatch, usage errors and lesson resolution, in-process. */
class MainTest {

    /** Runs Main with stderr captured; returns the status and what went to stderr. */
    private static String[] runCapturingErr(String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int status = Main.run(args);
            return new String[] {String.valueOf(status), captured.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setErr(err);
        }
    }

    @Test
    @DisplayName("unknown commands, missing arguments and bad lesson numbers exit 2 and say what is wrong")
    void badUsage() {
        String[] unknown = runCapturingErr("frobnicate");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[1].contains("unknown command 'frobnicate'. Commands: run, bench, "), unknown[1]);
        for (Main.Entry e : Main.COMMANDS) assertTrue(unknown[1].contains(e.name()), unknown[1]);

        String[] none = runCapturingErr("run");
        assertEquals("2", none[0]);
        assertTrue(none[1].contains("which lessons?") && none[1].contains("usage: ./workbook run"), none[1]);

        String[] badOption = runCapturingErr("run", "00", "--timeout", "soon");
        assertEquals("2", badOption[0]);
        assertTrue(badOption[1].contains("--timeout needs a number of seconds of at least 0.001, got 'soon'"),
                badOption[1]);

        // below the watchdog's millisecond: one usage line, no stack trace
        String[] tiny = runCapturingErr("run", "00", "--timeout", "0.0001");
        assertEquals("2", tiny[0]);
        assertEquals("workbook run: --timeout needs a number of seconds of at least 0.001, got '0.0001'",
                tiny[1].lines().findFirst().orElse(""));
        assertEquals(2, tiny[1].lines().count(), tiny[1]);

        String[] noArgs = runCapturingErr();
        assertEquals("2", noArgs[0]);
        assertTrue(noArgs[1].startsWith("Usage: ./workbook"), noArgs[1]);
    }

    @Test
    @DisplayName("lesson numbers, lesson names, 'all' and file paths resolve to scripts; unknown ones are usage errors")
    void resolveTargets() {
        List<Lesson> lessons = Lesson.all();
        Lesson first = lessons.get(0);
        assertEquals(List.of(first.script()), RunCommand.resolve(List.of(first.number())));
        // the names the banner lists, as a learner copies them
        assertEquals(List.of(first.script(), first.script()), RunCommand.resolve(List.of(first.name(), first.name() + ".jsh")));
        assertEquals(lessons.size(), RunCommand.resolve(List.of("all")).size());
        Path file = Path.of("src", "test", "resources", "broken", "throws.jsh");
        assertEquals(List.of(file), RunCommand.resolve(List.of(file.toString())));

        Command.UsageError e = assertThrows(Command.UsageError.class, () -> RunCommand.resolve(List.of("99")));
        assertTrue(e.getMessage().startsWith("no lesson 99. Lessons: " + first.number()), e.getMessage());
        assertEquals("'nope.jsh' is neither a lesson number, a lesson name, all, nor an existing file",
                assertThrows(Command.UsageError.class, () -> RunCommand.resolve(List.of("nope.jsh"))).getMessage());
        assertThrows(Command.UsageError.class, () -> RunCommand.resolve(List.of("01-no-such-lesson")));
    }

    @Test
    @DisplayName("help names every command with its arguments, and the test command")
    void help() {
        String usage = Main.usage();
        for (Main.Entry e : Main.COMMANDS) assertTrue(usage.contains("./workbook " + e.name()), usage);
        assertTrue(usage.contains("./mvnw verify"), usage);
    }
}
