package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./workbook} script, run as a process on this JVM's class path (LAYERWISE_CLASSPATH, so it
 * builds nothing): exit status and messages of {@code run}, {@code help} and bad usage.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "./workbook is a bash script")
class LauncherTest {

    private record Outcome(int status, String output) {
    }

    private static Outcome workbook(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "workbook"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("LAYERWISE_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "./workbook did not finish");
        return new Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    @Test
    @DisplayName("./workbook run on a broken script exits 1 and prints file:line: reason and the snippet")
    void runBrokenScriptFails() throws Exception {
        Path broken = Path.of("src", "test", "resources", "broken", "throws.jsh");
        Outcome o = workbook("run", broken.toString());
        assertEquals(1, o.status(), o.output());
        assertTrue(o.output().contains("[1/1] throws ... FAILED"), o.output());
        assertTrue(o.output().contains("src/test/resources/broken/throws.jsh:10: threw java.lang.IllegalArgumentException"),
                o.output());
        assertTrue(o.output().contains("> requireSquare(shape);"), o.output());
    }

    @Test
    @DisplayName("./workbook run on a clean script exits 0 and shows what the script prints")
    void runCleanScriptPasses() throws Exception {
        Path tmp = Files.createTempFile("clean", ".jsh");
        try {
            Files.writeString(tmp, "println(\"hello from the lesson\");\n");
            Outcome o = workbook("run", tmp.toString());
            assertEquals(0, o.status(), o.output());
            assertTrue(o.output().contains("      hello from the lesson"), o.output());
            assertTrue(o.output().matches("(?s).*\\[1/1] clean\\d* \\.\\.\\. ok \\(\\d+\\.\\d s\\).*"), o.output());
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    @DisplayName("a script that calls System.exit(0) does not pass: the run exits 1 and says why")
    void systemExitIsAFailure() throws Exception {
        Path tmp = Files.createTempFile("exits", ".jsh");
        try {
            Files.writeString(tmp, "System.exit(0);\n");
            Outcome o = workbook("run", tmp.toString());
            assertEquals(1, o.status(), o.output());
            assertTrue(o.output().contains("the JVM ended (exit status 0) while " + tmp + " ran, before any result"
                    + " line"), o.output());
        } finally {
            Files.delete(tmp);
        }
    }

    @Test
    @DisplayName("Runtime.halt(0) in a lesson does not pass: the run exits 1 and names the lesson")
    void haltIsAFailure(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("halts.jsh"), "Runtime.getRuntime().halt(0);\n");
        Outcome o = workbook("run", script.toString());
        assertEquals(1, o.status(), o.output());
        assertTrue(o.output().contains("workbook run: the JVM ended (exit status 0) while " + script + " ran, before"
                + " any result line: System.exit or Runtime.halt in a snippet, or a crash. Counted as a failure."),
                o.output());
    }

    @Test
    @DisplayName("a script path is resolved against the caller's directory, not the project root")
    void scriptPathsAreRelativeToTheCaller(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("mine.jsh"), "println(\"from the caller's folder\");\n");
        ProcessBuilder pb = new ProcessBuilder("bash", Path.of("workbook").toAbsolutePath().toString(), "run",
                "mine.jsh").directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("LAYERWISE_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("from the caller's folder"), out);
    }

    @Test
    @DisplayName("output of a thread a lesson left running is labelled with that lesson, never shown under the next")
    void leakedThreadOutputStaysWithItsLesson(@TempDir Path dir) throws Exception {
        Path leaks = Files.writeString(dir.resolve("leaks.jsh"), String.join("\n",
                "var t = new Thread(() -> { try { Thread.sleep(400); } catch (InterruptedException e) { }",
                "    System.out.println(\"late line\"); });",
                "t.setDaemon(true);",
                "t.start();", ""));
        Path next = Files.writeString(dir.resolve("next.jsh"), "Thread.sleep(1500);\nprintln(\"next's own line\");\n");
        Outcome o = workbook("run", leaks.toString(), next.toString());
        assertEquals(0, o.status(), o.output());
        assertTrue(o.output().contains("workbook run: output of a thread that leaks left running: late line"),
                o.output());
        String underNext = o.output().substring(o.output().indexOf("[2/2] next"));
        assertTrue(underNext.contains("      next's own line") && !underNext.contains("      late line"), o.output());
    }

    @Test
    @DisplayName("help lists every command; unknown commands and lessons exit 2 with a clear message")
    void helpAndBadUsage() throws Exception {
        Outcome help = workbook("help");
        assertEquals(0, help.status(), help.output());
        for (Main.Entry e : Main.COMMANDS) assertTrue(help.output().contains("./workbook " + e.name()), help.output());

        Outcome unknown = workbook("frobnicate");
        assertEquals(2, unknown.status(), unknown.output());
        assertTrue(unknown.output().contains("unknown command 'frobnicate'"), unknown.output());

        Outcome badLesson = workbook("run", "99");
        assertEquals(2, badLesson.status(), badLesson.output());
        assertTrue(badLesson.output().contains("no lesson 99"), badLesson.output());
    }
}
