package layerwise.workbook;

import jdk.jshell.tool.JavaShellToolBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.*;

/** The workbook's JShell shows long values whole; everything else is JShell's own. */
class ShellTest {
    /** What the tool prints for {@code input} when started with {@code store} as its persistent store. */
    private static String run(Map<String, String> store, String input) throws Exception {
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        JavaShellToolBuilder.builder().in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null)
                .out(out).err(out).persistence(store).start("--no-startup", "--execution", "local");
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLongValueIsShownWhole() throws Exception {
        String value = "\"" + "x".repeat(1500) + "END\"";
        String input = "\"x\".repeat(1500) + \"END\"\n/exit\n";
        Map<String, String> mode = Shell.retainedMode();
        assertEquals(Shell.MODE, mode.get("FEEDBACK"), "the tool retained the workbook's mode: " + mode.keySet());
        assertTrue(mode.keySet().stream().noneMatch(k -> k.startsWith("HISTORY")), "no input history kept: " + mode.keySet());

        assertTrue(run(new HashMap<>(mode), input).contains("==> " + value), "the whole 1505-character string");
        String normal = run(new HashMap<>(), input);
        assertFalse(normal.contains(value), "JShell's normal mode cuts it: the difference this class makes");
        assertTrue(normal.contains("xxx ... xxx") || normal.contains(" ..."), normal.length() + " characters: " + normal.lines().filter(l -> l.contains("==>")).findFirst().orElse(""));
    }

    @Test
    void aTerminalIsPassedToTheSnippetsJvm() {
        String[] args = {"--class-path", "x"};
        assertSame(args, Shell.withTerminal(args, false), "a pipe: nothing added, Progress prints a line per epoch");
        assertArrayEquals(new String[] {"--class-path", "x", "-R-Dlayerwise.terminal=true"}, Shell.withTerminal(args, true));
    }

    @Test
    void longArraysArePreviewedByTheWorkbooksEngine() throws Exception {
        String[] args = Shell.withPreviews(new String[] {"--class-path", "x"});
        assertArrayEquals(new String[] {"--class-path", "x", "--execution", PreviewExecution.NAME}, args);
        String[] own = {"--execution", "local"};
        assertSame(own, Shell.withPreviews(own), "an engine the user chose is kept");

        // JShell's own engine (a second JVM over JDI), found by name as ./workbook finds it
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        String input = "new float[100000]\nvar xs = java.util.stream.IntStream.range(0, 2000).boxed().toList()\n/vars\n/exit\n";
        JavaShellToolBuilder.builder().in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), null)
                .out(out).err(out).persistence(new HashMap<>(Shell.retainedMode()))
                .start("--no-startup", "--execution", PreviewExecution.NAME);
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("$1 ==> float[100000] { 0.0, 0.0, 0.0, ..."), shown);
        assertTrue(shown.contains("xs ==> [0, 1, 2, ..., 1997, 1998, 1999] (2000 elements)"), shown);
        assertTrue(shown.contains("float[] $1 = float[100000] { 0.0, 0.0, 0.0, ..."), "/vars previews too: " + shown);
        assertTrue(shown.length() < 2000, shown.length() + " characters for two long values and /vars");
    }

    @Test
    void classPathWildcardsBecomeTheJars(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("b.jar"));
        Files.createFile(dir.resolve("a.JAR"));
        Files.createFile(dir.resolve("notes.txt"));
        String cp = "target/classes" + File.pathSeparator + dir + File.separator + "*";
        String[] args = Shell.expandClassPath(new String[] {"--class-path", cp, "--startup", "DEFAULT"});
        assertArrayEquals(new String[] {"--class-path",
                "target/classes" + File.pathSeparator + dir.resolve("a.JAR") + File.pathSeparator + dir.resolve("b.jar"),
                "--startup", "DEFAULT"}, args);
        String[] missing = Shell.expandClassPath(new String[] {"--class-path", dir.resolve("none") + File.separator + "*"});
        assertEquals(dir.resolve("none") + File.separator + "*", missing[1], "left for JShell to report");
    }

    @Test
    void theModeStaysInMemoryAndEverythingElseGoesToThePreferences() throws Exception {
        Preferences prefs = Preferences.userRoot().node("layerwise-test/shell-" + System.nanoTime());
        try {
            prefs.put("HISTORY_LINE_0", "1 + 1");
            var store = new Shell.Overlay(Map.of("FEEDBACK", Shell.MODE), prefs);
            assertEquals(Shell.MODE, store.get("FEEDBACK"));
            assertEquals("1 + 1", store.get("HISTORY_LINE_0"));
            store.put("FEEDBACK", "concise");
            store.put("HISTORY_LINE_1", "2 + 2");
            assertEquals("concise", store.get("FEEDBACK"));
            assertNull(prefs.get("FEEDBACK", null), "the workbook's mode is not written to the user's settings");
            assertEquals("2 + 2", prefs.get("HISTORY_LINE_1", null));
            assertEquals(java.util.Set.of("FEEDBACK", "HISTORY_LINE_0", "HISTORY_LINE_1"), store.keySet());
            store.remove("HISTORY_LINE_0");
            assertNull(prefs.get("HISTORY_LINE_0", null));
        } finally {
            prefs.removeNode();
        }
    }
}
