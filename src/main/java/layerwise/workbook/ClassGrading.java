package layerwise.workbook;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import layerwise.grade.Grader;
import layerwise.grade.Markup;
import layerwise.grade.Limits;
import layerwise.io.Json;
import layerwise.io.OutputDirectory;

/**
 * {@code ./workbook grade --class DIR}: grades a whole class, one learner per folder of DIR (named by the
 * folder, holding that learner's exercise files named as shipped; a missing file grades as "not started").
 *
 * <p>Each learner is graded by the ordinary single-learner {@code grade} command in a JVM of its own (the same
 * java, JVM flags and class path as this one) on a private copy of the learner's files in a fresh temporary
 * folder, so nothing a grading does reaches DIR or another learner's files. Every learner gets the same seed.
 * The child writes {@code grade.json} and {@code grade-junit.xml} into {@code out/class/LEARNER/}, its output
 * goes to {@code grade.log} there. A child that runs past a generous limit is killed with its whole process
 * tree. Then this writes {@code out/class/summary.csv} and {@code out/class/index.html} from the reports.
 */
final class ClassGrading {
    static final String GRADED = "graded";
    static final String UNFINISHED = "grading did not finish";
    static final String NO_REPORT = "no report";

    /**
     * What to grade: the class folder, the lessons (empty: all), the seed (drawn unless given) and the limits;
     * {@code learnerLimit} how long one learner's grading may take, null for {@link #limit}.
     */
    record Options(Path classDir, List<String> lessons, long seed, boolean seedGiven, Limits limits, Duration learnerLimit) {
        Options(Path classDir, List<String> lessons, long seed, boolean seedGiven, Limits limits) {
            this(classDir, lessons, seed, seedGiven, limits, null);
        }
    }

    /** One exercise's line in a learner's grade.json. */
    record Mark(int points, int max, String status, String message) {
    }

    /**
     * How one learner's grading ended.
     *
     * @param status  {@link #GRADED}, {@link #UNFINISHED} or {@link #NO_REPORT}
     * @param marks   by exercise id, from grade.json (empty unless graded)
     * @param seconds the child JVM's wall time
     */
    record Outcome(String learner, String status, Map<String, Mark> marks, int points, int max, double seconds) {
    }

    /** Child JVMs still running, killed (with their process trees) if this JVM is stopped. */
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();
    private static final Set<Path> TEMPORARY = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            RUNNING.forEach(ClassGrading::killTree);
            TEMPORARY.forEach(ClassGrading::deleteQuietly);
        }, "class-grading-cleanup"));
    }

    private ClassGrading() {
    }

    /** Grades the class, prints a line per learner and the total wall time; exit status 0 when every learner got a report. */
    static int run(Options o, PrintStream out) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Path> learners = new ArrayList<>();
        try (Stream<Path> entries = Files.list(o.classDir())) {
            for (Path p : entries.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                String name = p.getFileName().toString();
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.println("warning: ignored " + printable(o.classDir().resolve(name).toString())
                            + ": not in a learner's folder (each learner's files go in a folder named after the learner)");
                } else if (name.startsWith(".")) {
                    out.println("warning: ignored the hidden folder " + printable(name));
                } else {
                    learners.add(p);
                }
            }
        }
        if (learners.isEmpty()) throw new Command.UsageError(o.classDir() + " holds no learner's folder");
        List<Grader.Planned> plan = new ArrayList<>(Grader.plan(o.lessons()));
        if (plan.isEmpty()) throw new Command.UsageError("no graded exercises for lessons " + o.lessons());
        plan.sort(Comparator.comparing(Grader.Planned::id, ClassGrading::compareIds));
        int max = plan.stream().mapToInt(Grader.Planned::points).sum();
        Duration limit = o.learnerLimit() != null ? o.learnerLimit() : limit(o.limits(), plan.size());
        Path root = OutputDirectory.path().resolve("class");
        Files.createDirectories(root);
        int parallel = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        out.printf(Locale.ROOT, "Grading %d learner%s, %d at a time, %d exercises each; seed %d%s; reports in %s%n",
                learners.size(), learners.size() == 1 ? "" : "s", parallel, plan.size(), o.seed(),
                o.seedGiven() ? "" : " (--seed " + o.seed() + " draws the same cases)", root);

        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (Path learner : learners) {
                futures.add(pool.submit(() -> {
                    Outcome outcome = gradeOne(learner, root, o, max, limit);
                    synchronized (out) {
                        out.println(line(outcome, limit, root));
                    }
                    return outcome;
                }));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                try {
                    outcomes.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) throw io;
                    throw new IllegalStateException("grading a learner failed", e.getCause());
                }
            }
            String date = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT));
            double wall = (System.nanoTime() - t0) / 1e9;
            Path csv = root.resolve("summary.csv");
            Files.writeString(csv, summaryCsv(plan, outcomes), StandardCharsets.UTF_8);
            Path html = root.resolve("index.html");
            Files.writeString(html, indexHtml(plan, outcomes, o, date, wall), StandardCharsets.UTF_8);
            long graded = outcomes.stream().filter(r -> r.status().equals(GRADED)).count();
            out.printf(Locale.ROOT, "Class: %d of %d learners graded in %.1f s (wall time). Wrote %s and %s.%n",
                    graded, outcomes.size(), wall, csv, html);
            return graded == outcomes.size() ? 0 : 1;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How long one learner's grading may take: (time limit + 5 s) per exercise, plus a minute to start up. */
    static Duration limit(Limits limits, int exercises) {
        return limits.timeout().plusSeconds(5).multipliedBy(exercises).plusSeconds(60);
    }

    /** Grades one learner in a JVM of its own, on a private copy of the folder; never throws for the learner's doing. */
    private static Outcome gradeOne(Path learnerDir, Path root, Options o, int max, Duration limit)
            throws IOException, InterruptedException {
        String name = learnerDir.getFileName().toString();
        Path reports = root.resolve(name).toAbsolutePath();
        Files.createDirectories(reports);
        Path json = reports.resolve("grade.json");
        // a report from an earlier run must not pass for this run's
        Files.deleteIfExists(json);
        Files.deleteIfExists(reports.resolve("grade-junit.xml"));
        Path tmp = Files.createTempDirectory("layerwise-class");
        TEMPORARY.add(tmp);
        long t0 = System.nanoTime();
        try {
            Path copy = Files.createDirectory(tmp.resolve(name));
            try (Stream<Path> files = Files.list(learnerDir)) {
                for (Path f : files.toList()) {
                    // regular files only: a link could lead the grading out of the copy
                    if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) Files.copy(f, copy.resolve(f.getFileName().toString()));
                }
            }
            List<String> command = LessonJvm.sameJvm();
            command.addAll(List.of(Main.class.getName(), "grade", copy.toString()));
            command.addAll(o.lessons());
            command.addAll(List.of("--seed", Long.toString(o.seed()),
                    "--timeout", Long.toString(o.limits().timeout().toSeconds()),
                    "--memory", Integer.toString(o.limits().heapMegabytes()),
                    "--learner", name, "--report", reports.toString()));
            Process child = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(reports.resolve("grade.log").toFile()).start();
            RUNNING.add(child);
            boolean finished;
            try {
                child.getOutputStream().close();
                finished = child.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } finally {
                if (child.isAlive()) killTree(child);
                RUNNING.remove(child);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            if (!finished) return new Outcome(name, UNFINISHED, Map.of(), 0, max, seconds);
            if (!Files.isRegularFile(json)) return new Outcome(name, NO_REPORT, Map.of(), 0, max, seconds);
            return read(name, json, seconds);
        } finally {
            deleteQuietly(tmp);
            TEMPORARY.remove(tmp);
        }
    }

    private static Outcome read(String name, Path json, double seconds) throws IOException {
        Map<String, Object> report;
        try {
            report = Json.parseObject(json);
        } catch (IllegalArgumentException e) {
            return new Outcome(name, NO_REPORT, Map.of(), 0, 0, seconds);
        }
        Map<String, Mark> marks = new LinkedHashMap<>();
        for (Object e : (List<?>) report.get("exercises")) {
            Map<?, ?> m = (Map<?, ?>) e;
            marks.put((String) m.get("id"), new Mark(((Number) m.get("points")).intValue(), ((Number) m.get("max")).intValue(),
                    (String) m.get("status"), (String) m.get("message")));
        }
        return new Outcome(name, GRADED, marks, ((Number) report.get("points")).intValue(),
                ((Number) report.get("max")).intValue(), seconds);
    }

    /** "alice               8 / 8     12.3 s", or why there are no points. */
    private static String line(Outcome r, Duration limit, Path root) {
        String name = String.format(Locale.ROOT, "  %-24s ", printable(r.learner()));
        return switch (r.status()) {
            case GRADED -> name + String.format(Locale.ROOT, "%3d / %-3d %7.1f s", r.points(), r.max(), r.seconds());
            case UNFINISHED -> name + String.format(Locale.ROOT, "grading did not finish in %d s, stopped (see %s)",
                    limit.toSeconds(), root.resolve(r.learner()).resolve("grade.log"));
            default -> name + String.format(Locale.ROOT, "no report after %.1f s (see %s)", r.seconds(),
                    root.resolve(r.learner()).resolve("grade.log"));
        };
    }

    /** Ends a JVM and everything it started (the learner's JShell VM), children first. */
    private static void killTree(Process p) {
        List<ProcessHandle> descendants = p.descendants().toList();
        p.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("warning: could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** Exercise ids in lesson, then exercise order: 2.9 before 2.10 before 10.1. */
    static int compareIds(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c;
            try {
                c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            } catch (NumberFormatException e) {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) return c;
        }
        return Integer.compare(x.length, y.length);
    }

    /** A name for the console: control characters as \\uXXXX, so a folder name cannot move the cursor. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0xFFFE || c == 0xFFFF || Character.getType(c) == Character.SURROGATE) {
                sb.append(String.format(Locale.ROOT, "\\u%04X", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
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
            boolean graded = r.status().equals(GRADED);
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
        List<Outcome> graded = outcomes.stream().filter(r -> r.status().equals(GRADED)).toList();
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
            if (!r.status().equals(GRADED)) {
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
