package layerwise.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import layerwise.io.Json;

/**
 * The outcome of one grading run: every exercise's result, the seed that drew the cases, and the total.
 * Prints itself as the table the learner reads and writes the JSON an instructor collects.
 *
 * @param learner whose exercises these are (an instructor's name for the submission), or null when unnamed
 */
public record Report(long seed, List<ExerciseResult> results, double seconds, String learner) {

    /** An unnamed learner's report. */
    public Report(long seed, List<ExerciseResult> results, double seconds) {
        this(seed, results, seconds, null);
    }

    /** The same report, named as {@code learner}'s. */
    public Report withLearner(String learner) {
        return new Report(seed, results, seconds, learner);
    }

    /**
     * The same report with every mention of {@code from} (a folder's path as the files and messages show it)
     * replaced by {@code to}: a learner's files graded from a temporary copy are shown where they came from.
     */
    public Report withFolderShownAs(String from, String to) {
        List<ExerciseResult> shown = results.stream().map(r -> new ExerciseResult(r.id(), r.title(), r.file().replace(from, to),
                r.points(), r.max(), r.status(), r.message().replace(from, to), r.seconds())).toList();
        return new Report(seed, shown, seconds, learner);
    }

    public int points() {
        return results.stream().mapToInt(ExerciseResult::points).sum();
    }

    public int max() {
        return results.stream().mapToInt(ExerciseResult::max).sum();
    }

    public Optional<ExerciseResult> result(String id) {
        return results.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The table: one line per exercise (points, status, title), then for each one that did not pass its
     * reason and, from {@code hint}, the next hint to read; then the total and the seed.
     */
    public String table(Function<String, Optional<String>> hint) {
        StringBuilder sb = new StringBuilder();
        String file = null;
        for (ExerciseResult r : results) {
            if (!r.file().equals(file)) {
                file = r.file();
                sb.append(file).append('\n');
            }
            sb.append(String.format(Locale.ROOT, "  %-5s %2d / %-2d  %-16s  %s%n", r.id(), r.points(), r.max(), r.status().label(), r.title()));
            if (r.status() != Status.PASSED) {
                sb.append(indent(r.message()));
                if (r.status() != Status.NOT_STARTED) {
                    hint.apply(r.id()).ifPresent(h -> sb.append(indent(h + "   (more: ./workbook hint " + r.id() + ")")));
                }
            }
        }
        long passed = results.stream().filter(r -> r.status() == Status.PASSED).count();
        sb.append(String.format(Locale.ROOT, "Total: %d / %d points, %d of %d exercises passed, in %.1f s.%n",
                points(), max(), passed, results.size(), seconds));
        sb.append("Seed: ").append(seed).append(" (./workbook grade ... --seed ").append(seed).append(" draws the same cases)\n");
        return sb.toString();
    }

    private static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) sb.append("          ").append(line).append('\n');
        return sb.toString();
    }

    /** grade.json: {"learner" (when named), "seed", "points", "max", "exercises": [{"id", "file", "title", "points", "max", "status", "message"}]}. */
    public String json() {
        List<Object> exercises = new ArrayList<>();
        for (ExerciseResult r : results) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", r.id());
            e.put("file", r.file());
            e.put("title", r.title());
            e.put("points", r.points());
            e.put("max", r.max());
            e.put("status", r.status().label());
            e.put("message", r.message());
            exercises.add(e);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        if (learner != null) root.put("learner", learner);
        root.put("seed", seed);
        root.put("points", points());
        root.put("max", max());
        root.put("exercises", exercises);
        return Json.write(root) + "\n";
    }
}
