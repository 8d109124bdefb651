package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learner's copy: everything but the history, the build output and the answers; the stubs as shipped. */
class HandoutCommandTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    /** Runs the command with stdout captured; returns the status and the output. */
    private static String[] run(String... args) throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            int status = HandoutCommand.main(args);
            return new String[] {String.valueOf(status), out.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(saved);
        }
    }

    /** The files under root, relative to it, walked without the command's own filter. */
    private static Set<String> files(Path root, boolean skipLeftOut) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).map(root::relativize)
                    .filter(p -> !skipLeftOut || !leftOut(p)).forEach(p -> names.add(p.toString()));
        }
        return names;
    }

    /** What the README and the command promise to leave out, written out again rather than taken from the command. */
    private static boolean leftOut(Path relative) {
        String first = relative.getName(0).toString();
        if (first.equals(".git") || first.equals("target") || first.startsWith("target-") || first.equals("out")) return true;
        for (Path answers : HandoutCommand.ANSWERS) {
            if (relative.startsWith(answers)) return true;
        }
        String name = relative.getFileName().toString();
        return name.endsWith(".orig") || name.endsWith(".rej");
    }

    @Test
    @DisplayName("the copy has the project's files but no history, no build output and no answers; the scripts stay executable")
    void copiesAllButTheAnswers(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("handout");
        String[] result = run(dir.toString());
        assertEquals("0", result[0], result[1]);

        assertFalse(Files.exists(dir.resolve(".git"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(dir.resolve("target")));
        assertFalse(Files.exists(dir.resolve("out")));
        for (Path answers : HandoutCommand.ANSWERS) assertFalse(Files.exists(dir.resolve(answers)), answers.toString());
        assertTrue(HandoutCommand.ANSWERS.contains(Path.of("src", "test", "resources", "solutions")));
        assertTrue(HandoutCommand.ANSWERS.contains(Path.of("src", "test", "resources", "hostile")));

        for (String script : List.of("workbook", "mvnw")) {
            assertTrue(Files.isRegularFile(dir.resolve(script)), script);
            assertTrue(Files.isExecutable(dir.resolve(script)), script + " is executable");
        }
        assertTrue(Files.isRegularFile(dir.resolve("pom.xml")));
        assertTrue(Files.isRegularFile(dir.resolve(".mvn/wrapper/maven-wrapper.properties")));
        // the stubs as the project has them
        try (Stream<Path> stubs = Files.list(GradeCommand.EXERCISES)) {
            for (Path stub : stubs.toList()) {
                assertEquals(-1L, Files.mismatch(stub, dir.resolve(stub)), stub + " is copied unchanged");
            }
        }

        Set<String> expected = files(PROJECT, true);
        assertEquals(expected, files(dir, false));
        assertTrue(result[1].startsWith("Wrote the learner's copy of " + PROJECT + " to " + dir + ": " + expected.size() + " files.\n"),
                result[1]);
        assertTrue(result[1].contains("src/test/resources/solutions"), result[1]);
        assertTrue(result[1].contains("cd " + dir + " && ./workbook"), result[1]);
        assertTrue(result[1].contains("git init"), result[1]);
    }

    @Test
    @DisplayName("an empty folder is fine; a folder with something in it, a file, or a folder inside the project is refused")
    void refusesWhereItWouldMixOrRecurse(@TempDir Path tmp) throws Exception {
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertEquals("0", run(empty.toString())[0]);

        Path used = Files.createDirectory(tmp.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "mine");
        assertEquals("'" + used + "' is not empty; give a new folder or an empty one, so nothing of yours is mixed into"
                        + " the learner's copy",
                assertThrows(Command.UsageError.class, () -> run(used.toString())).getMessage());
        try (Stream<Path> left = Files.list(used)) {
            assertEquals(List.of(used.resolve("notes.txt")), left.toList());
        }

        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertTrue(assertThrows(Command.UsageError.class, () -> run(file.toString())).getMessage()
                .endsWith("exists and is not a folder; give a new folder or an empty one"));

        for (String inside : List.of("target/handout-test", PROJECT.resolve("src/handout").toString(), ".")) {
            String message = assertThrows(Command.UsageError.class, () -> run(inside)).getMessage();
            assertEquals("'" + inside + "' is inside the project (" + PROJECT + "); give a folder outside it, e.g. ../layerwise-handout",
                    message);
        }
        assertFalse(Files.exists(Path.of("target", "handout-test")));
        assertFalse(Files.exists(Path.of("src", "handout")));

        assertThrows(Command.UsageError.class, () -> run());
        assertThrows(Command.UsageError.class, () -> run("a", "b"));
    }

    @Test
    @DisplayName("a solution saved over a stub is found in the copy and named with the answer it repeats")
    void findsAnAnswerInTheCopy(@TempDir Path tmp) throws Exception {
        Path project = Files.createDirectory(tmp.resolve("project"));
        Path solutions = Files.createDirectories(project.resolve(GradeCommand.SOLUTIONS));
        Path exercises = Files.createDirectories(project.resolve(GradeCommand.EXERCISES));
        Files.writeString(solutions.resolve("02-linear.jsh"), "int[] linearWeightShape(int in, int out) { return new int[] {out, in}; }\n");
        Files.copy(solutions.resolve("02-linear.jsh"), exercises.resolve("02-linear.jsh"));
        Files.writeString(exercises.resolve("01-tensors.jsh"), "// a stub\n");
        Files.writeString(solutions.resolve("empty.jsh"), "");
        Files.writeString(exercises.resolve("empty.jsh"), "");
        Files.writeString(project.resolve("pom.xml"), "<project/>\n");
        Files.writeString(project.resolve("stale.jsh.orig"), "old\n");

        HandoutCommand.Copy copy = HandoutCommand.write(project, tmp.resolve("copy"));
        assertEquals(4, copy.files());
        assertEquals(List.of(Path.of("jshell-scripts", "exercises", "02-linear.jsh") + " has the content of "
                + GradeCommand.SOLUTIONS.resolve("02-linear.jsh")), copy.leaks());
        assertFalse(Files.exists(tmp.resolve("copy").resolve(GradeCommand.SOLUTIONS)));
        assertFalse(Files.exists(tmp.resolve("copy/stale.jsh.orig")));
    }
}
