package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A class of learners who want the points: src/test/resources/class holds one honest learner and learners whose
 * files attack the grader (files, reflection, processes, exiting, threads, loading, the library where loops are
 * asked for), each attack in its own exercise beside honest answers; more are made here (a 0.9 MB file, a
 * method that never closes, a file that is not UTF-8, an empty file, a message the XML report cannot hold).
 * Every learner is graded as an instructor grades them; then every attack has scored zero with its reason, every
 * honest answer has its points, the project and the other submissions are byte for byte as before, no process
 * is left behind, and every report is well-formed.
 */
class SealedGradingTest {
    static final Path CLASS = Path.of("src", "test", "resources", "class");

    @TempDir
    static Path submissions;
    private static final Map<String, Report> reports = new TreeMap<>();
    private static Map<String, String> before, after;
    private static Set<Long> survivors;

    @BeforeAll
    static void gradeTheClass() throws IOException, InterruptedException {
        assumeTrue(Files.isDirectory(CLASS), "the hostile class is not in a learner's copy (./workbook handout leaves it out)");
        try (Stream<Path> files = Files.walk(CLASS)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path to = submissions.resolve(CLASS.relativize(f).toString());
                Files.createDirectories(to.getParent());
                Files.copy(f, to);
            }
        }
        generated();
        before = hashes();
        Set<Long> running = ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
        try (Stream<Path> learners = Files.list(submissions)) {
            for (Path learner : learners.sorted().toList()) {
                List<String> lessons;
                try (Stream<Path> files = Files.list(learner)) {
                    lessons = files.map(f -> f.getFileName().toString().substring(0, 2)).sorted().toList();
                }
                reports.put(learner.getFileName().toString(), GradeRuns.grade(learner, lessons,
                        new Limits(Duration.ofSeconds(3), 128)));
            }
        }
        after = hashes();
        // JShell's VMs end a moment after the grader closes them
        for (int i = 0; i < 50; i++) {
            survivors = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid)
                    .filter(p -> !running.contains(p)).collect(Collectors.toSet());
            if (survivors.isEmpty()) break;
            Thread.sleep(100);
        }
    }

    /** The attacks that are made rather than stored: sizes, encodings and characters that do not belong in a repository. */
    private static void generated() throws IOException {
        String honest = Files.readString(CLASS.resolve("ana").resolve("02-linear.jsh"));
        StringBuilder huge = new StringBuilder(honest).append("\nint[] unfinished(int n) {\n");
        while (huge.length() < 900_000) huge.append("    n = n + 1; // a line of a method that never closes\n");
        write("mallory-huge", huge.toString());
        int cut = honest.indexOf("float[] linearLoops(");
        StringBuilder unclosed = new StringBuilder(honest.substring(0, cut)).append("int[] unfinished(int n) {\n");
        while (unclosed.length() < 200_000) unclosed.append("    n = n + 1; // a line of a method that never closes\n");
        write("mallory-unclosed", unclosed.append(honest.substring(cut)).toString());
        byte[] latin1 = ("// caf\u00e9 in ISO-8859-1\n" + honest).getBytes(StandardCharsets.ISO_8859_1);
        Files.createDirectories(submissions.resolve("mallory-encoding"));
        Files.write(submissions.resolve("mallory-encoding").resolve("02-linear.jsh"), latin1);
        write("mallory-empty", "");
        write("mallory-xml", honest.replace("    return new int[] {outFeatures, inFeatures};",
                "    throw new IllegalStateException(\"bad \\uFFFF\\uFFFE\\u0000\\uD800 text\");"));
    }

    private static void write(String learner, String text) throws IOException {
        Files.createDirectories(submissions.resolve(learner));
        Files.writeString(submissions.resolve(learner).resolve("02-linear.jsh"), text);
    }

    /** A hash of every file a learner's code could want to change: the project's sources, build and the submissions. */
    private static Map<String, String> hashes() throws IOException {
        Map<String, String> h = new TreeMap<>();
        for (Path root : List.of(Path.of("src"), Path.of("jshell-scripts"), Path.of("lessons"), Path.of("target", "classes"),
                Path.of("pom.xml"), submissions)) {
            if (!Files.exists(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) h.put(f.toString(), sha256(f));
            }
        }
        h.put("out/grade.json exists", Boolean.toString(Files.exists(Path.of("out", "grade.json"))));
        h.put("stolen.safetensors exists", Boolean.toString(Files.exists(Path.of("stolen.safetensors"))));
        return h;
    }

    private static String sha256(Path f) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ExerciseResult result(String learner, String id) {
        Report r = reports.get(learner);
        assertTrue(r != null, "no report for " + learner);
        return r.result(id).orElseThrow(() -> new AssertionError(learner + ": exercise " + id + " was not graded"));
    }

    @ParameterizedTest(name = "{0} {1}: {2}, \"{3}\"")
    @CsvSource(delimiter = '|', value = {
            "mallory-files      | 2.1 | REFUSED          | graded code may not read or write files",
            "mallory-files      | 2.2 | REFUSED          | graded code may not read or write files",
            "mallory-files      | 2.3 | REFUSED          | graded code may not read or write files",
            "mallory-files      | 2.5 | REFUSED          | graded code may not read or write files",
            "mallory-reflection | 2.1 | REFUSED          | graded code may not reflect, load or define classes",
            "mallory-reflection | 2.2 | REFUSED          | java.lang.ClassLoader cannot be extended",
            "mallory-reflection | 2.3 | REFUSED          | uses layerwise.tensor.Functional.linear, which this exercise does not allow: it asks for plain Java only",
            "mallory-reflection | 2.4 | REFUSED          | uses layerwise.tensor.Functional.linear, which this exercise does not allow",
            "mallory-processes  | 2.1 | REFUSED          | graded code may not start processes",
            "mallory-processes  | 2.2 | REFUSED          | graded code may not start processes",
            "mallory-processes  | 2.4 | REFUSED          | java.lang.System.exit is not allowed",
            "mallory-processes  | 2.5 | REFUSED          | graded code may not start processes or end the VM",
            "mallory-threads    | 1.1 | REFUSED          | graded code may not start threads",
            "mallory-threads    | 1.2 | REFUSED          | parallel streams and sorts run code on threads",
            "mallory-threads    | 1.5 | REFUSED          | graded code may not start threads",
            "mallory-loading    | 1.1 | TIMED_OUT        | did not return within 3 s",
            "mallory-loading    | 1.3 | REFUSED          | layerwise.nn.Module cannot be extended",
            "mallory-huge       | 2.1 | DOES_NOT_COMPILE | an exercise file is a few KB",
            "mallory-huge       | 2.5 | DOES_NOT_COMPILE | an exercise file is a few KB",
            "mallory-unclosed   | 2.3 | DOES_NOT_COMPILE | does not end within 16 KB",
            "mallory-unclosed   | 2.5 | DOES_NOT_COMPILE | does not end within 16 KB",
            "mallory-encoding   | 2.1 | DOES_NOT_COMPILE | is not UTF-8 text",
            "mallory-encoding   | 2.4 | DOES_NOT_COMPILE | is not UTF-8 text",
            "mallory-empty      | 2.1 | NOT_STARTED      | is empty",
            "mallory-xml        | 2.1 | ERROR            | bad",
    })
    @DisplayName("every attack scores zero, with its status and reason")
    void attackScoresZero(String learner, String id, Status status, String reason) {
        ExerciseResult r = result(learner, id);
        assertEquals(status, r.status(), learner + " " + id + ": " + r.message());
        assertEquals(0, r.points(), learner + " " + id);
        assertTrue(r.message().contains(reason), learner + " " + id + ": expected the reason to contain \"" + reason
                + "\", got: " + r.message());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "mallory-files      | 2.4", "mallory-reflection | 2.5", "mallory-processes | 2.3",
            "mallory-threads    | 1.3", "mallory-threads    | 1.4", "mallory-threads | 3.1", "mallory-threads | 3.3",
            "mallory-threads    | 3.5", "mallory-threads | 3.6",
            "mallory-loading    | 1.2", "mallory-loading  | 1.4", "mallory-loading | 1.5",
            "mallory-unclosed   | 2.1", "mallory-unclosed | 2.2",
            "mallory-xml        | 2.2", "mallory-xml      | 2.3", "mallory-xml | 2.4", "mallory-xml | 2.5",
    })
    @DisplayName("an honest answer beside an attack keeps its points (seeded ones too, with a thread's code in the file)")
    void honestAnswersPass(String learner, String id) {
        ExerciseResult r = result(learner, id);
        assertEquals(Status.PASSED, r.status(), learner + " " + id + ": " + r.message());
        assertEquals(r.max(), r.points(), learner + " " + id);
    }

    @Test
    @DisplayName("the honest learner in the same class gets full marks")
    void honestLearnerFullMarks() {
        Report ana = reports.get("ana");
        assertEquals(ana.max(), ana.points(), ana.table(id -> java.util.Optional.empty()));
        assertEquals(10, ana.results().size());
    }

    @Test
    @DisplayName("nothing outside the grader changed: the project, its build and every submission are as they were")
    void nothingChanged() {
        assertEquals(before, after);
    }

    @Test
    @DisplayName("no process outlives the grading")
    void noSurvivors() {
        assertTrue(survivors.isEmpty(), "processes left running: " + survivors.stream().map(p -> ProcessHandle.of(p)
                .flatMap(h -> h.info().commandLine()).orElse("pid " + p)).toList());
    }

    @Test
    @DisplayName("every report is well-formed: the JUnit XML parses, the JSON holds every exercise")
    void reportsWellFormed() throws Exception {
        for (var e : reports.entrySet()) {
            String xml = JunitXml.of(e.getValue());
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            String json = e.getValue().json();
            for (ExerciseResult r : e.getValue().results()) {
                assertTrue(json.contains("\"id\": \"" + r.id() + "\"") || json.contains("\"id\":\"" + r.id() + "\""),
                        e.getKey() + ": " + r.id() + " missing from " + json);
            }
        }
    }
}
