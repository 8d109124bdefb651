package layerwise.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import layerwise.grade.Grader;
import layerwise.grade.Markup;
import layerwise.workbook.ClassGrading.Mark;
import layerwise.workbook.ClassGrading.Options;
import layerwise.workbook.ClassGrading.Outcome;

/**
 * The class's own reports, from every learner's outcome: {@code summary.csv} (a row per learner, a column per
 * exercise) and {@code index.html} (one page, viewable offline: how many passed each exercise, as an SVG bar
 * chart, then the learner × exercise table). Every learner-controlled string is quoted or escaped.
 */
final class ClassReports {
    private ClassReports() {
    }

    // ---- summary.csv

    /** learner, one column per exercise id (points), total, max, status; RFC 4180 (CRLF, fields quoted as needed). */
    static String summaryCsv(List<Grader.Planned> plan, List<Outcome> outcomes) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("learner"));
        plan.forEach(p -> header.add(p.id()));
        header.addAll(List.of("total", "max", "status"));
        csvRow(sb, header);
        int max = plan.stream().mapToInt(Grader.Planned::points).sum();
        for (Outcome r : outcomes) {
            List<String> row = new ArrayList<>(List.of(r.learner()));
            boolean graded = r.status().equals(ClassGrading.GRADED);
            for (Grader.Planned p : plan) {
                Mark m = r.marks().get(p.id());
                row.add(m == null ? "" : Integer.toString(m.points()));
            }
            row.add(graded ? Integer.toString(r.points()) : "");
            row.add(Integer.toString(graded ? r.max() : max));
            row.add(r.status());
            csvRow(sb, row);
        }
        return sb.toString();
    }

    private static void csvRow(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) sb.append(',');
            sb.append(csv(fields.get(i)));
        }
        sb.append("\r\n");
    }

    /** One RFC 4180 field: quoted (inner quotes doubled) when it holds a comma, a quote or a line break. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    // ---- index.html

    /** Text for HTML (content or a quoted attribute): see {@link Markup#html}. */
    static String html(String s) {
        return Markup.html(s);
    }

    private static String shortened(String s, int n) {
        return s.length() <= n ? s : s.substring(0, Character.isHighSurrogate(s.charAt(n - 1)) ? n - 1 : n) + "…";
    }

    /** The class page: seed and date, how many passed each exercise (an SVG bar chart), then learner × exercise points. */
    static String indexHtml(List<Grader.Planned> plan, List<Outcome> outcomes, Options o, String date, double wall) {
        int max = plan.stream().mapToInt(Grader.Planned::points).sum();
        List<Outcome> graded = outcomes.stream().filter(r -> r.status().equals(ClassGrading.GRADED)).toList();
        StringBuilder sb = new StringBuilder();
        sb.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Layerwise class grades</title>
                <style>
                body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; margin: 24px; color: #222; }
                h1 { font-size: 22px; margin-bottom: 4px; }
                h2 { font-size: 17px; margin-top: 28px; }
                p.meta { color: #555; margin-top: 0; }
                p.files { color: #555; margin-top: 14px; }
                .scroll { overflow-x: auto; }
                table { border-collapse: collapse; font-size: 12px; }
                th, td { border: 1px solid #d0d0d0; padding: 3px 5px; text-align: right; }
                th { background: #f3f3f3; font-weight: 600; }
                th small { display: block; font-weight: normal; color: #777; }
                .name { text-align: left; white-space: nowrap; max-width: 18em; overflow: hidden; text-overflow: ellipsis;
                        position: sticky; left: 0; background: #fff; }
                thead .name, tfoot .name { background: #f3f3f3; }
                td.passed { background: #d9f2d9; }
                td.wrong { background: #fbdcdc; }
                td.failed { background: #f7e2c6; }
                td.empty { background: #f4f4f4; color: #999; }
                td.missing { background: #fff4c2; text-align: left; font-style: italic; }
                td.total { font-weight: 600; }
                tfoot td, tfoot th { background: #f3f3f3; }
                .legend span { display: inline-block; padding: 1px 6px; margin-right: 6px; border: 1px solid #d0d0d0; font-size: 12px; }
                svg text { font-family: inherit; }
                </style>
                </head>
                <body>
                <h1>Layerwise class grades</h1>
                """);
        sb.append(String.format(Locale.ROOT, "<p class=\"meta\">%d learners (%d graded), %d exercises, %d points each; "
                        + "lessons %s; seed <b>%d</b>; graded %s in %.0f s.</p>%n",
                outcomes.size(), graded.size(), plan.size(), max,
                html(o.lessons().isEmpty() ? "all" : String.join(", ", o.lessons())), o.seed(), html(date), wall));
        sb.append("<h2>What the class found hard</h2>\n");
        chart(sb, plan, graded);
        sb.append("<h2>Points per learner</h2>\n");
        sb.append("<p class=\"legend\"><span class=\"l\" style=\"background:#d9f2d9\">passed</span>"
                + "<span style=\"background:#fbdcdc\">wrong answer</span>"
                + "<span style=\"background:#f7e2c6\">error, time-out, refused, does not compile</span>"
                + "<span style=\"background:#f4f4f4\">not started</span>"
                + " Hover over a cell for its status and message.</p>\n");
        sb.append("<div class=\"scroll\"><table>\n<thead><tr><th class=\"name\">learner</th>");
        for (Grader.Planned p : plan) {
            sb.append("<th title=\"").append(html(p.id() + " " + p.title() + " (" + p.file() + ")")).append("\">")
                    .append(html(p.id())).append("<small>").append(p.points()).append("</small></th>");
        }
        sb.append("<th>total</th><th>max</th></tr></thead>\n<tbody>\n");
        for (Outcome r : outcomes) {
            sb.append("<tr><td class=\"name\" title=\"").append(html(r.learner())).append("\">").append(html(r.learner())).append("</td>");
            if (!r.status().equals(ClassGrading.GRADED)) {
                sb.append("<td class=\"missing\" colspan=\"").append(plan.size()).append("\">").append(html(r.status()))
                        .append(" (see ").append(html(r.learner())).append("/grade.log)</td><td></td><td>").append(max).append("</td></tr>\n");
                continue;
            }
            for (Grader.Planned p : plan) {
                Mark m = r.marks().get(p.id());
                if (m == null) {
                    sb.append("<td class=\"empty\"></td>");
                    continue;
                }
                String cls = switch (m.status()) {
                    case "passed" -> "passed";
                    case "wrong answer" -> "wrong";
                    case "not started" -> "empty";
                    default -> "failed";
                };
                String tip = p.id() + " " + m.status() + (m.message() == null || m.message().isEmpty() ? "" : ": " + shortened(m.message(), 400));
                sb.append("<td class=\"").append(cls).append("\" title=\"").append(html(tip)).append("\">").append(m.points()).append("</td>");
            }
            sb.append("<td class=\"total\">").append(r.points()).append("</td><td>").append(r.max()).append("</td></tr>\n");
        }
        sb.append("</tbody>\n<tfoot><tr><th class=\"name\">passed by</th>");
        for (Grader.Planned p : plan) sb.append("<td>").append(passed(graded, p.id())).append("</td>");
        sb.append("<td></td><td></td></tr></tfoot>\n</table></div>\n");
        sb.append("<p class=\"files\">Each learner's reports: <code>LEARNER/grade.json</code>, <code>LEARNER/grade-junit.xml</code>, "
                + "<code>LEARNER/grade.log</code>; the table as <a href=\"summary.csv\">summary.csv</a>.</p>\n</body>\n</html>\n");
        return sb.toString();
    }

    private static long passed(List<Outcome> graded, String id) {
        return graded.stream().filter(r -> {
            Mark m = r.marks().get(id);
            return m != null && m.status().equals("passed");
        }).count();
    }

    /** One horizontal bar per exercise (sorted by id): how many of the graded learners passed it, coloured red to green. */
    private static void chart(StringBuilder sb, List<Grader.Planned> plan, List<Outcome> graded) {
        int n = graded.size();
        int left = 350, right = 40, top = 44, bar = 14, gap = 5, plotW = 560;
        int plotH = plan.size() * (bar + gap);
        int width = left + plotW + right, height = top + plotH + 56;
        double scale = plotW / (double) Math.max(1, n);
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                + "role=\"img\" aria-label=\"Learners who passed each exercise\">%n", width, height, width, height));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"15\" font-weight=\"600\" text-anchor=\"middle\">"
                + "Learners who passed each exercise (of %d graded)</text>%n", left + plotW / 2, n));
        int step = Math.max(1, (int) Math.ceil(n / 10.0));
        for (int v = 0; v <= n; v += step) {
            double x = left + v * scale;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e2e2e2\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">%d</text>%n",
                    x, top - 4, x, top + plotH, x, top + plotH + 15, v));
        }
        for (int i = 0; i < plan.size(); i++) {
            Grader.Planned p = plan.get(i);
            long count = passed(graded, p.id());
            double frac = n == 0 ? 0 : count / (double) n;
            int y = top + i * (bar + gap);
            String label = shortened(p.id() + "  " + p.title(), 50);
            sb.append("<g><title>").append(html(p.id() + " " + p.title() + ": passed by " + count + " of " + n)).append("</title>");
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\">%s</text>",
                    left - 8, y + bar - 3, html(label)));
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"hsl(%.0f, 62%%, 48%%)\"/>",
                    left, y, count * scale, bar, 120 * frac));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"#333\">%d</text></g>%n",
                    left + count * scale + 4, y + bar - 3, count));
        }
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>"
                + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#444\"/>%n",
                left, top - 4, left, top + plotH, left, top + plotH, left + plotW, top + plotH));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">learners who passed</text>%n",
                left + plotW / 2, top + plotH + 36));
        sb.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">"
                + "exercise</text>%n", top + plotH / 2, top + plotH / 2));
        sb.append("</svg>\n");
    }
}
