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
            Files.writeString(csv, ClassReports.summaryCsv(plan, outcomes), StandardCharsets.UTF_8);
            Path html = root.resolve("index.html");
            Files.writeString(html, ClassReports.indexHtml(plan, outcomes, o, date, wall), StandardCharsets.UTF_8);
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
}
