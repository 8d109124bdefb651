package layerwise.workbook;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import layerwise.grade.Grader;
import layerwise.grade.Hints;
import layerwise.grade.Limits;
import layerwise.grade.Report;
import layerwise.io.OutputDirectory;
import layerwise.io.ProjectFiles;

/**
 * {@code ./workbook grade [NN... | all | FILE.jsh... | DIR] [--seed N] [--solutions] [--timeout S] [--memory MB]
 * [--report DIR] [--learner NAME]}: grades exercise files and prints the score table, then writes {@code grade.json}
 * and {@code grade-junit.xml} (under {@code out/} unless {@code --report} says otherwise; {@code --learner} names
 * whose they are in both). Exit status 0 when every exercise graded passed, 1 otherwise, 2 for bad usage.
 *
 * <p>{@code ./workbook grade --class DIR [NN... | all] [--seed N] [--timeout S] [--memory MB]} grades every
 * learner's folder in DIR instead, each in a JVM of its own: see {@link ClassGrading}.
 */
final class GradeCommand {
    /** Where the reference solutions live: with the tests, not in the learner's tree. */
    static final Path SOLUTIONS = Path.of("src", "test", "resources", "solutions");
    static final Path EXERCISES = ProjectFiles.EXERCISES;

    private GradeCommand() {
    }

    static int main(String[] args) throws Exception {
        Path dir = EXERCISES;
        Map<String, Path> files = new LinkedHashMap<>();
        List<String> lessons = new ArrayList<>();
        long seed = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        boolean seedGiven = false;
        Duration timeout = Limits.DEFAULT.timeout();
        int memory = Limits.DEFAULT.heapMegabytes();
        Path reportDir = null;
        String learner = null;
        Path classDir = null;
        List<String> notForClass = new ArrayList<>(); // what --class grades by itself
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--seed" -> {
                    seed = number(args, ++i, "--seed");
                    seedGiven = true;
                }
                case "--timeout" -> timeout = Duration.ofSeconds(number(args, ++i, "--timeout"));
                case "--memory" -> memory = (int) number(args, ++i, "--memory");
                case "--report" -> {
                    reportDir = typed(value(args, ++i, "--report"));
                    notForClass.add("--report");
                }
                case "--learner" -> learner = value(args, ++i, "--learner");
                case "--class" -> {
                    classDir = typed(value(args, ++i, "--class"));
                    if (!Files.isDirectory(classDir)) throw new Command.UsageError("--class needs a folder with a folder per learner, got '" + args[i] + "'");
                }
                case "--solutions" -> {
                    notForClass.add("--solutions");
                    if (!Files.isDirectory(SOLUTIONS)) throw new Command.UsageError(SOLUTIONS + " not found: the reference solutions are"
                            + " in the instructor's project, not in a learner's copy (./workbook handout leaves them out)");
                    dir = SOLUTIONS;
                }
                case "all" -> lessons.clear();
                default -> {
                    if (a.startsWith("-")) throw new Command.UsageError("unknown option " + a);
                    Path p = typed(a);
                    if (a.matches("\\d{1,2}")) {
                        lessons.add(a.length() == 1 ? "0" + a : a);
                    } else if (Files.isDirectory(p)) {
                        dir = p;
                        notForClass.add(a);
                    } else if (Files.isRegularFile(p) && p.getFileName().toString().matches("\\d\\d\\D.*\\.jsh")) {
                        notForClass.add(a);
                        String lesson = p.getFileName().toString().substring(0, 2);
                        files.put(lesson, p);
                        lessons.add(lesson);
                    } else {
                        throw new Command.UsageError("'" + a + "' is neither a lesson number, all, a folder, nor an exercise file"
                                + " named like NN-topic.jsh");
                    }
                }
            }
        }
        Limits limits;
        try {
            limits = new Limits(timeout, memory);
        } catch (IllegalArgumentException e) {
            throw new Command.UsageError(e.getMessage());
        }
        if (classDir != null) {
            if (!notForClass.isEmpty() || learner != null) {
                if (learner != null) notForClass.add("--learner");
                throw new Command.UsageError("--class grades each learner's folder and writes the reports under "
                        + OutputDirectory.path().resolve("class") + "; it takes lesson numbers, --seed, --timeout and --memory, not "
                        + String.join(" ", notForClass));
            }
            return ClassGrading.run(new ClassGrading.Options(classDir, List.copyOf(lessons), seed, seedGiven, limits), System.out);
        }
        // The reference solutions' reports go apart, so they never stand in for the learner's own out/grade.json.
        if (reportDir == null) reportDir = dir == SOLUTIONS ? OutputDirectory.path().resolve("solutions") : OutputDirectory.path();
        // a grading that crashes or is killed leaves no report rather than an earlier one that looks current
        Files.deleteIfExists(reportDir.resolve("grade.json"));
        Files.deleteIfExists(reportDir.resolve("grade-junit.xml"));
        Report report = Grader.grade(new Grader.Request(dir, files, lessons, seed, limits,
                ProjectFiles.STARTUP, System.err));
        if (report.results().isEmpty()) throw new Command.UsageError("no graded exercises for lessons " + lessons);
        if (learner != null) {
            // a class's learner is graded from a temporary copy of the folder: show it by the learner's name
            report = report.withLearner(learner).withFolderShownAs(dir.toString() + java.io.File.separator, learner + "/");
        }
        Hints hints = new Hints(HintCommand.shownFile());
        System.out.print(report.table(hints::peek));
        List<Path> written = Grader.write(report, reportDir);
        System.out.println("Wrote " + written.get(0) + " and " + written.get(1) + ".");
        return report.points() == report.max() ? 0 : 1;
    }

    /** A path as the user typed it (relative to where they ran ./workbook), shown relative to the project when inside it. */
    private static Path typed(String path) {
        Path p = CallerPaths.resolve(path);
        Path root = Path.of("").toAbsolutePath();
        return p.isAbsolute() && p.startsWith(root) ? root.relativize(p) : p;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) throw new Command.UsageError(option + " needs a value");
        return args[i];
    }

    private static long number(String[] args, int i, String option) {
        String v = value(args, i, option);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Command.UsageError(option + " needs a whole number, got '" + v + "'");
        }
    }
}
