package layerwise.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitXmlTest {

    @Test
    @DisplayName("the XML parses, one testsuite per file, statuses as failure, error and skipped, text escaped")
    void wellFormed() throws Exception {
        Report report = new Report(7, List.of(
                new ExerciseResult("2.1", "Shape", "a/02-linear.jsh", 1, 1, Status.PASSED, "", 0.1),
                new ExerciseResult("2.3", "Loops", "a/02-linear.jsh", 0, 3, Status.WRONG_ANSWER, "at [0] expected <1> & \"2\"\nnext", 0.2),
                new ExerciseResult("2.4", "Matmul", "a/02-linear.jsh", 0, 2, Status.TIMED_OUT, "loop\u0007", 3.0),
                new ExerciseResult("5.1", "Conv", "a/05-conv2d.jsh", 0, 1, Status.NOT_STARTED, "Exercise 5.1: ...", 0.1)), 3.4);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(JunitXml.of(report).getBytes(StandardCharsets.UTF_8)));
        assertEquals(2, doc.getElementsByTagName("testsuite").getLength());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertEquals("a/02-linear.jsh", suite.getAttribute("name"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("errors"));
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertEquals("at [0] expected <1> & \"2\"\nnext", failure.getAttribute("message"));
        assertEquals("wrong answer", failure.getAttribute("type"));
        assertEquals("loop", ((Element) doc.getElementsByTagName("error").item(0)).getAttribute("message"));
        assertEquals(1, doc.getElementsByTagName("skipped").getLength());
        assertTrue(JunitXml.of(report).contains("<property name=\"points\" value=\"0\"/><property name=\"max\" value=\"3\"/>"));
    }

    @Test
    @DisplayName("characters XML 1.0 forbids are dropped from every attribute, valid surrogate pairs kept")
    void forbiddenCharacters() throws Exception {
        String message = "a\uFFFFb\uFFFEc\uD800d\u0000e\uDC00f \uD83D\uDE00 g\u000B\u000C\u001Fh\ti\rj";
        Report report = new Report(7, List.of(
                new ExerciseResult("2.1", "Shape\uFFFF", "x\u0000/02-linear.jsh", 0, 1, Status.ERROR, message, 0.1)), 0.1,
                "o'brien \"&\" <\uD801>");
        String xml = JunitXml.of(report);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element error = (Element) doc.getElementsByTagName("error").item(0);
        assertEquals("abcdef \uD83D\uDE00 gh\ti\rj", error.getAttribute("message"));
        assertEquals("x/02-linear.jsh", ((Element) doc.getElementsByTagName("testsuite").item(0)).getAttribute("name"));
        assertEquals("2.1 Shape", ((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("name"));
        assertEquals("layerwise grade: o'brien \"&\" <>", doc.getDocumentElement().getAttribute("name"));
        Element learner = (Element) doc.getElementsByTagName("property").item(1);
        assertEquals("learner", learner.getAttribute("name"));
        assertEquals("o'brien \"&\" <>", learner.getAttribute("value"));
    }
}
