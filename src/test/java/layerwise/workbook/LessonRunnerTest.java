package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The strict runner on the four deliberately broken scripts in src/test/resources/broken/, and on small
 * scripts written here for the commands, the snippet splitting and the startup replay.
 */
class LessonRunnerTest {
    private static final Path BROKEN = Path.of("src", "test", "resources", "broken");
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static Failure failureOf(LessonResult r) {
        assertTrue(r.failure().isPresent(), "expected the run of " + r.script() + " to fail");
        return r.failure().get();
    }

    private Path script(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), String.join("\n", lines).concat("\n").getBytes());
    }

    private static LessonResult run(Path script) {
        return new LessonRunner(LIMIT, Optional.of(LessonRunner.STARTUP)).run(script);
    }

    @Test
    @DisplayName("a compile error is reported at its line, with javac's message")
    void compileError() {
        Failure f = failureOf(run(BROKEN.resolve("compile-error.jsh")));
        assertEquals(Failure.Kind.COMPILE_ERROR, f.kind());
        assertEquals(BROKEN.resolve("compile-error.jsh"), f.file());
        assertEquals(5, f.line());
        assertTrue(f.reason().contains("incompatible types: int cannot be converted to java.lang.String"), f.reason());
        assertTrue(f.toString().startsWith("src/test/resources/broken/compile-error.jsh:5: does not compile"), f.toString());
        assertTrue(f.toString().contains("> String name = answer;"), f.toString());
    }

    @Test
    @DisplayName("an exception is reported at the failing snippet, with where the method threw it")
    void exception() {
        Failure f = failureOf(run(BROKEN.resolve("throws.jsh")));
        assertEquals(Failure.Kind.EXCEPTION, f.kind());
        assertEquals(10, f.line());
        assertTrue(f.reason().startsWith("threw java.lang.IllegalArgumentException: expected a square shape, got [2, 3]"),
                f.reason());
        assertTrue(f.reason().contains("requireSquare at src/test/resources/broken/throws.jsh:6"), f.reason());
        assertEquals("requireSquare(shape);", f.source().strip());
    }

    @Test
    @DisplayName("a method that uses an undefined name fails where it is declared")
    void unresolved() {
        Failure f = failureOf(run(BROKEN.resolve("unresolved.jsh")));
        assertEquals(Failure.Kind.UNRESOLVED, f.kind());
        assertEquals(4, f.line());
        assertTrue(f.reason().contains("method cells refers to variable columns"), f.reason());
    }

    @Test
    @DisplayName("an endless loop is stopped by the watchdog and reported as a time-out")
    void endlessLoop() {
        LessonResult r = new LessonRunner(Duration.ofSeconds(2), Optional.of(LessonRunner.STARTUP))
                .run(BROKEN.resolve("endless-loop.jsh"));
        Failure f = failureOf(r);
        assertEquals(Failure.Kind.TIMEOUT, f.kind());
        assertEquals(4, f.line());
        assertTrue(f.reason().startsWith("timed out: still running after 2.0 s"), f.reason());
        assertTrue(f.reason().endsWith("stopped"), "the loop should have stopped: " + f.reason());
    }

    @Test
    @DisplayName("a clean script passes; the DEFAULT imports and the static Repl helpers are there")
    void cleanScriptWithStartup() throws IOException {
        Path s = script("clean.jsh",
                "// comments and blank lines are not snippets",
                "",
                "var list = new ArrayList<Integer>(List.of(3, 1, 2));   // java.util from DEFAULT",
                "Collections.sort(list); check(list.equals(List.of(1, 2, 3)), \"sorted\");",
                "int twice(int x) {",
                "    return 2 * x;",
                "}",
                "check(twice(21) == 42, \"twice(21) is 42\");");
        LessonResult r = run(s);
        assertTrue(r.ok(), () -> r.failure().get().toString());
        assertEquals(5, r.snippets() - startupSnippets(), "snippets of the script: two on line 4");
    }

    /** Snippets the startup replay evaluates: the DEFAULT imports and every code line of startup.jsh. */
    private static int startupSnippets() throws IOException {
        long startupLines = Files.readAllLines(LessonRunner.STARTUP).stream()
                .filter(l -> !l.isBlank() && !l.strip().startsWith("//")).count();
        return LessonRunner.DEFAULT_IMPORTS.size() + (int) startupLines;
    }

    @Test
    @DisplayName("a compile error inside a multi-line snippet is reported at its own line")
    void compileErrorLineInsideSnippet() throws IOException {
        Path s = script("multi.jsh", "int x = 1;", "int f() {", "    int y = 2;", "    return y + z;", "}");
        Failure f = failureOf(run(s));
        assertEquals(Failure.Kind.UNRESOLVED, f.kind(), "a method body with an unknown name is RECOVERABLE");
        Path t = script("multi2.jsh", "int x = 1;", "void g() {", "    int y = 2;", "    String s = y;", "}");
        Failure g = failureOf(run(t));
        assertEquals(Failure.Kind.COMPILE_ERROR, g.kind());
        assertEquals(4, g.line());
    }

    @Test
    @DisplayName("a line that starts with a dot fails, as it does in the jshell tool")
    void leadingDotContinuation() throws IOException {
        Path s = script("dot.jsh", "String s = \"abc\"", "    .toUpperCase();");
        Failure f = failureOf(run(s));
        assertEquals(Failure.Kind.COMPILE_ERROR, f.kind());
        assertEquals(2, f.line());
        Path ok = script("dot-ok.jsh", "String s = \"abc\".", "    toUpperCase();", "check(s.equals(\"ABC\"), \"upper\");");
        assertTrue(run(ok).ok(), "a trailing dot continues the snippet");
    }

    @Test
    @DisplayName("/open runs another file, relative to the working directory; a missing file fails")
    void open() throws IOException {
        Path helper = script("helper.jsh", "int helped = 7;");
        Path main = script("main.jsh", "/open " + helper, "check(helped == 7, \"helper was opened\");");
        LessonResult r = run(main);
        assertTrue(r.ok(), () -> r.failure().get().toString());

        Path relative = Path.of("").toAbsolutePath().relativize(helper);
        assertTrue(run(script("rel.jsh", "/open " + relative, "check(helped == 7, \"opened\");")).ok());

        Failure f = failureOf(run(script("missing.jsh", "int a = 1;", "/open no/such/file.jsh")));
        assertEquals(Failure.Kind.COMMAND, f.kind());
        assertEquals(2, f.line());
        assertTrue(f.reason().contains("'no/such/file.jsh' not found"), f.reason());
    }

    @Test
    @DisplayName("a failure in an opened file names that file")
    void failureInOpenedFile() throws IOException {
        Path helper = script("bad-helper.jsh", "int ok = 1;", "Object o = null; o.hashCode();");
        Failure f = failureOf(run(script("opens-bad.jsh", "/open " + helper)));
        assertEquals(helper, f.file());
        assertEquals(2, f.line());
        assertTrue(f.reason().startsWith("threw java.lang.NullPointerException"), f.reason());
    }

    @Test
    @DisplayName("/exit ends the run, also from an opened file; /exit 3 is a failure; other commands fail")
    void exitAndOtherCommands() throws IOException {
        LessonResult r = run(script("exit.jsh", "int a = 1;", "/exit", "throw new IllegalStateException(\"not run\");"));
        assertTrue(r.ok(), () -> r.failure().get().toString());

        Path quits = script("quits.jsh", "/exit");
        assertTrue(run(script("outer.jsh", "/open " + quits, "throw new IllegalStateException(\"not run\");")).ok(),
                "/exit in an opened file ends the whole run, as in the tool");

        Failure status = failureOf(run(script("status.jsh", "/exit 3")));
        assertEquals(Failure.Kind.EXIT_STATUS, status.kind());
        assertTrue(status.reason().contains("status 3"), status.reason());

        Failure vars = failureOf(run(script("vars.jsh", "int a = 1;", "/vars")));
        assertEquals(Failure.Kind.COMMAND, vars.kind());
        assertEquals(2, vars.line());
        assertTrue(vars.reason().contains("only use /open and /exit"), vars.reason());
    }

    @Test
    @DisplayName("a snippet left unfinished at the end of the file does not compile")
    void unfinishedAtEnd() throws IOException {
        Failure f = failureOf(run(script("unfinished.jsh", "int a = 1;", "void f() {", "    a++;")));
        assertEquals(Failure.Kind.COMPILE_ERROR, f.kind());
        assertEquals(2, f.line(), "the line where the unfinished snippet starts");
        assertTrue(f.reason().startsWith("unfinished at the end of the file"), f.reason());
    }

    @Test
    @DisplayName("a broken startup is reported against the startup file")
    void brokenStartup() throws IOException {
        Path startup = script("startup.jsh", "import no.such.pkg.*;");
        LessonResult r = new LessonRunner(LIMIT, Optional.of(startup)).run(script("lesson.jsh", "int a = 1;"));
        Failure f = failureOf(r);
        assertEquals(startup, f.file());
        assertEquals(1, f.line());
        assertEquals(Failure.Kind.COMPILE_ERROR, f.kind());
    }

    @Test
    @DisplayName("a failed check(...) names what was checked")
    void failedCheck() throws IOException {
        Failure f = failureOf(run(script("check.jsh", "int n = 2 + 2;", "check(n == 5, \"n is 5\");")));
        assertEquals(Failure.Kind.EXCEPTION, f.kind());
        assertEquals(2, f.line());
        assertEquals("threw java.lang.AssertionError: check failed: n is 5", f.reason());
    }

    @Test
    @DisplayName("a script that /opens itself, directly or through another, fails with one line instead of recursing")
    void openingItselfIsAFailure() throws IOException {
        Path self = dir.resolve("self.jsh");
        script("self.jsh", "int a = 1;", "/open " + self);
        Failure f = failureOf(run(self));
        assertEquals(Failure.Kind.COMMAND, f.kind());
        assertEquals(2, f.line());
        assertEquals("/open: " + self + " is already being run (a script cannot /open itself, directly or through"
                + " the files it opens)", f.reason());

        Path b = dir.resolve("b.jsh");
        Path a = script("a.jsh", "/open " + b);
        script("b.jsh", "int b = 2;", "/open " + dir.resolve(".").resolve("a.jsh"));
        Failure cycle = failureOf(run(a));
        assertEquals(b, cycle.file());
        assertTrue(cycle.reason().contains("is already being run"), cycle.reason());
    }

    @Test
    @DisplayName("a script that is not UTF-8 fails at the line of its first bad byte, in one line")
    void notUtf8IsAFailure() throws IOException {
        Path latin1 = dir.resolve("latin1.jsh");
        Files.write(latin1, "int a = 1;\n// caf\u00e9\nint b = 2;\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Failure f = failureOf(run(latin1));
        assertEquals(Failure.Kind.UNREADABLE, f.kind());
        assertEquals(latin1 + ":2: the script is not UTF-8 text (byte 0xE9 at offset 17 cannot be decoded); save it"
                + " as UTF-8", f.toString());
    }
}
