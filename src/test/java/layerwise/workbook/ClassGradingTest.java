package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import layerwise.grade.Grader;
import layerwise.grade.Limits;
import layerwise.io.Json;
import layerwise.io.OutputDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code ./workbook grade --class DIR}: a class of three learners graded on lesson 02, each in a JVM of its own. */
class ClassGradingTest {
    /** A name with every kind of character the reports must escape: CSV's comma and quote, HTML's markup. */
    static final String ODD = "zo\u00eb \"q\" <b>&, x";

    @TempDir
    Path tmp;
    private String savedOut;

    @BeforeEach
    void outputHere() {
        savedOut = System.getProperty(OutputDirectory.PROPERTY);
        System.setProperty(OutputDirectory.PROPERTY, tmp.resolve("out").toString());
    }

    @AfterEach
    void restoreOutput() {
        if (savedOut == null) System.clearProperty(OutputDirectory.PROPERTY);
        else System.setProperty(OutputDirectory.PROPERTY, savedOut);
    }

    @Test
    @DisplayName("every learner's folder graded in its own JVM: reports per learner, summary.csv, index.html; the class folder untouched")
    void gradesAClass() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(GradeCommand.SOLUTIONS), "the reference solutions are not in this copy");
        Path dir = tmp.resolve("class");
        Files.createDirectories(dir.resolve("ada"));
        Files.createDirectories(dir.resolve("ben"));
        Files.createDirectories(dir.resolve(ODD));
        Files.copy(GradeCommand.SOLUTIONS.resolve("02-linear.jsh"), dir.resolve("ada/02-linear.jsh"));
        Files.copy(GradeCommand.EXERCISES.resolve("02-linear.jsh"), dir.resolve("ben/02-linear.jsh"));
        String stub = Files.readString(GradeCommand.EXERCISES.resolve("02-linear.jsh"));
        String throwing = stub.replaceFirst("throw new UnsupportedOperationException\\(\"Exercise 2\\.1[^\"]*\"\\);",
                "throw new IllegalStateException(\"bad \uFFFF <b>&amp; \\\\\"x\\\\\"\");");
        assertTrue(throwing.contains("\uFFFF") && !throwing.contains("(\"Exercise 2.1"), throwing);
        Files.writeString(dir.resolve(ODD).resolve("02-linear.jsh"), throwing);
        Files.writeString(dir.resolve("notes.txt"), "not a learner");
        Map<String, String> before = hashes(dir);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        int status;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            status = GradeCommand.main(new String[] {"--class", dir.toString(), "02", "--seed", "7"});
        } finally {
            System.setOut(saved);
        }
        String console = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, console);
        assertTrue(console.contains("warning: ignored " + dir.resolve("notes.txt")), console);
        assertTrue(console.lines().anyMatch(l -> l.matches("\\s+ada\\s+8 / 8\\s+[\\d.]+ s")), console);
        assertTrue(console.lines().anyMatch(l -> l.matches("\\s+ben\\s+0 / 8\\s+[\\d.]+ s")), console);
        assertTrue(console.contains("Class: 3 of 3 learners graded in "), console);

        Path root = tmp.resolve("out/class");
        for (String learner : List.of("ada", "ben", ODD)) {
            Path reports = root.resolve(learner);
            assertTrue(Files.isRegularFile(reports.resolve("grade.log")), learner);
            Map<String, Object> json = Json.parseObject(reports.resolve("grade.json"));
            assertEquals(learner, json.get("learner"));
            assertEquals(7L, json.get("seed"));
            Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(Files.readAllBytes(reports.resolve("grade-junit.xml"))));
            assertEquals(5, xml.getElementsByTagName("testcase").getLength(), learner);
        }
        Map<String, Object> odd = Json.parseObject(root.resolve(ODD).resolve("grade.json"));
        Map<?, ?> first = (Map<?, ?>) ((List<?>) odd.get("exercises")).get(0);
        assertEquals(ODD + "/02-linear.jsh", first.get("file"), "the file as handed in, not the temporary copy");
        assertEquals("error", first.get("status"));
        assertTrue(((String) first.get("message")).contains("\uFFFF"), "grade.json keeps the message as it was");
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(root.resolve(ODD).resolve("grade-junit.xml"))));
        String message = ((Element) xml.getElementsByTagName("error").item(0)).getAttribute("message");
        assertTrue(message.endsWith("bad  <b>&amp; \"x\""), message);

        List<String> csv = Files.readString(root.resolve("summary.csv")).lines().toList();
        assertEquals(List.of("learner,2.1,2.2,2.3,2.4,2.5,total,max,status",
                "ada,1,1,3,2,1,8,8,graded",
                "ben,0,0,0,0,0,0,8,graded",
                "\"zo\u00eb \"\"q\"\" <b>&, x\",0,0,0,0,0,0,8,graded"), csv);
        assertTrue(Files.readString(root.resolve("summary.csv")).endsWith("graded\r\n"), "RFC 4180 line ends");

        String html = Files.readString(root.resolve("index.html"));
        assertTrue(html.contains(">ada<") && html.contains(">ben<"), "names in the table");
        assertTrue(html.contains("zo\u00eb &quot;q&quot; &lt;b&gt;&amp;, x"), "the odd name escaped");
        assertFalse(html.contains("<b>&"), "no learner's markup gets through");
        assertFalse(html.contains("\uFFFF"), "no character HTML forbids");
        assertTrue(html.contains("<svg") && html.contains("seed <b>7</b>"));
        assertFalse(html.contains("<script") || html.contains("<link") || html.contains("src="), "self-contained");

        assertEquals(before, hashes(dir), "the class folder is as it was");
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(p -> Files.exists(p.resolve("ada").resolve("02-linear.jsh"))
                    && p.getFileName().toString().startsWith("layerwise-class")), "the private copies are deleted");
        }
    }

    @Test
    @DisplayName("a learner whose grading runs past the limit is stopped with its process tree and reported as not finished")
    void stopsALearnerPastTheLimit() throws Exception {
        Path dir = tmp.resolve("class");
        Files.createDirectories(dir.resolve("slow"));
        Files.copy(GradeCommand.EXERCISES.resolve("02-linear.jsh"), dir.resolve("slow/02-linear.jsh"));
        Path stale = Files.createDirectories(tmp.resolve("out/class/slow")).resolve("grade.json");
        Files.writeString(stale, "{\"learner\":\"slow\",\"points\":8,\"max\":8}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status = ClassGrading.run(new ClassGrading.Options(dir, List.of("02"), 7, true, Limits.DEFAULT, Duration.ofMillis(1500)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String console = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, console);
        assertTrue(console.contains("slow") && console.contains("grading did not finish"), console);
        assertFalse(Files.exists(stale), "an earlier run's report is gone, not passed off as this run's");
        assertEquals(List.of("learner,2.1,2.2,2.3,2.4,2.5,total,max,status", "slow,,,,,,,8,grading did not finish"),
                Files.readString(tmp.resolve("out/class/summary.csv")).lines().toList());
        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive), "the child JVM is gone");
    }

    @Test
    @DisplayName("CSV fields are quoted as RFC 4180 says, HTML text escaped, exercise ids sorted as numbers")
    void escaping() {
        assertEquals("plain", ClassReports.csv("plain"));
        assertEquals("\"a,b\"", ClassReports.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ClassReports.csv("say \"hi\""));
        assertEquals("\"two\nlines\"", ClassReports.csv("two\nlines"));
        assertEquals("&lt;i&gt; &amp; &quot;o&#39;k&quot; \uD83D\uDE00", ClassReports.html("<i> & \"o'k\"\u0000\uFFFF\uD800 \uD83D\uDE00"));
        List<String> ids = new java.util.ArrayList<>(List.of("10.1", "2.10", "2.9", "12.1", "1.2"));
        ids.sort(ClassGrading::compareIds);
        assertEquals(List.of("1.2", "2.9", "2.10", "10.1", "12.1"), ids);
        assertEquals(Duration.ofSeconds(2 * 15 + 60), ClassGrading.limit(Limits.DEFAULT, 2));
        assertFalse(Grader.plan(List.of("02")).isEmpty());
    }

    private static Map<String, String> hashes(Path dir) throws Exception {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                hashes.put(dir.relativize(f).toString(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        assertFalse(hashes.isEmpty());
        return hashes;
    }
}
