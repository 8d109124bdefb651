package layerwise.grade;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report in the JUnit XML layout every CI server reads: one {@code <testsuite>} per exercise file, one
 * {@code <testcase>} per exercise with its points as properties; a wrong answer is a {@code <failure>}, a
 * learner's program that fails to compile, throws or times out is an {@code <error>}, and "not started" is
 * {@code <skipped>}.
 */
final class JunitXml {
    private JunitXml() {
    }

    static String of(Report report) {
        Map<String, List<ExerciseResult>> byFile = new LinkedHashMap<>();
        for (ExerciseResult r : report.results()) byFile.computeIfAbsent(r.file(), f -> new java.util.ArrayList<>()).add(r);
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append(String.format(Locale.ROOT, "<testsuites name=\"%s\" tests=\"%d\" time=\"%.3f\">%n",
                esc(report.learner() == null ? "layerwise grade" : "layerwise grade: " + report.learner()),
                report.results().size(), report.seconds()));
        for (var file : byFile.entrySet()) {
            List<ExerciseResult> rs = file.getValue();
            sb.append(String.format(Locale.ROOT, "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                    esc(file.getKey()), rs.size(), count(rs, Status.WRONG_ANSWER),
                    rs.stream().filter(r -> isError(r.status())).count(), count(rs, Status.NOT_STARTED),
                    rs.stream().mapToDouble(ExerciseResult::seconds).sum()));
            sb.append("    <properties>").append(property("seed", Long.toString(report.seed())));
            if (report.learner() != null) sb.append(property("learner", report.learner()));
            sb.append("</properties>\n");
            for (ExerciseResult r : rs) {
                sb.append(String.format(Locale.ROOT, "    <testcase classname=\"%s\" name=\"%s %s\" time=\"%.3f\">%n",
                        esc(file.getKey()), esc(r.id()), esc(r.title()), r.seconds()));
                sb.append("      <properties>").append(property("points", Integer.toString(r.points())))
                        .append(property("max", Integer.toString(r.max()))).append(property("status", r.status().label()))
                        .append("</properties>\n");
                String tag = r.status() == Status.WRONG_ANSWER ? "failure" : isError(r.status()) ? "error" : r.status() == Status.NOT_STARTED ? "skipped" : null;
                if (tag != null) {
                    sb.append("      <").append(tag).append(" message=\"").append(esc(r.message())).append("\" type=\"")
                            .append(esc(r.status().label())).append("\"/>\n");
                }
                sb.append("    </testcase>\n");
            }
            sb.append("  </testsuite>\n");
        }
        return sb.append("</testsuites>\n").toString();
    }

    private static String property(String name, String value) {
        return "<property name=\"" + esc(name) + "\" value=\"" + esc(value) + "\"/>";
    }

    private static boolean isError(Status s) {
        return s == Status.ERROR || s == Status.TIMED_OUT || s == Status.DOES_NOT_COMPILE || s == Status.REFUSED;
    }

    private static long count(List<ExerciseResult> rs, Status s) {
        return rs.stream().filter(r -> r.status() == s).count();
    }

    /** XML attribute or text: see {@link Markup#xml}. */
    static String esc(String s) {
        return Markup.xml(s);
    }
}
