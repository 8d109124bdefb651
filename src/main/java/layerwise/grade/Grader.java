package layerwise.grade;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Grades exercise files: runs the grading tests of {@code layerwise.grade.exercises} (JUnit Jupiter, one class
 * per exercise file, {@code ExercisesNNTopic}) on the JUnit Platform launcher and collects a {@link Report}.
 *
 * <pre>
 * Report r = Grader.grade(new Grader.Request(Path.of("jshell-scripts/exercises"), Map.of(), List.of("02"), 42,
 *         Limits.DEFAULT, Path.of("jshell-scripts/startup.jsh"), System.err));
 * </pre>
 */
public final class Grader {
    static final String PACKAGE = "layerwise.grade.exercises";

    /**
     * What to grade and how.
     *
     * @param dir      the folder of exercise files named as shipped ({@code 02-linear.jsh}, ...)
     * @param files    files to grade instead of the folder's, by lesson number ("02" -&gt; alice-linear.jsh)
     * @param lessons  the lesson numbers to grade; empty for all
     * @param seed     draws every random case
     * @param startup  the startup file whose imports the learner's JShell had
     * @param progress where the progress lines go
     */
    public record Request(Path dir, Map<String, Path> files, List<String> lessons, long seed, Limits limits,
                          Path startup, PrintStream progress) {
    }

    private Grader() {
    }

    public static Report grade(Request request) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(Settings.DIR, request.dir().toString());
        request.files().forEach((lesson, file) -> config.put(Settings.FILE_PREFIX + lesson, file.toString()));
        config.put(Settings.SEED, Long.toString(request.seed()));
        config.put(Settings.TIMEOUT, Double.toString(request.limits().timeout().toMillis() / 1000.0));
        config.put(Settings.MEMORY, Integer.toString(request.limits().heapMegabytes()));
        config.put(Settings.STARTUP, request.startup().toString());
        // exercise files in lesson order, exercises in id order ("2.1 ..." sorts before "2.2 ...")
        config.put("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName");
        config.put("junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$DisplayName");

        LauncherDiscoveryRequest discovery = discovery(request.lessons()).configurationParameters(config).build();
        Settings settings = Settings.from(key -> Optional.ofNullable(config.get(key)));
        ScoreListener listener = new ScoreListener(settings, request.progress());
        long t0 = System.nanoTime();
        LauncherFactory.create().execute(discovery, listener);
        return new Report(request.seed(), List.copyOf(listener.results()), (System.nanoTime() - t0) / 1e9);
    }

    /** The grading classes of {@code lessons} (empty: all). */
    private static LauncherDiscoveryRequestBuilder discovery(List<String> lessons) {
        String pattern = lessons.isEmpty() ? "\\d\\d" : "(" + String.join("|", lessons) + ")";
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectPackage(PACKAGE))
                .filters(ClassNameFilter.includeClassNamePatterns(PACKAGE.replace(".", "\\.") + "\\.Exercises" + pattern + "[A-Z]\\w*"));
    }

    /**
     * One exercise that grading {@code lessons} would grade.
     *
     * @param id     "2.3"
     * @param title  "Linear forward as loops"
     * @param file   the exercise file's name as shipped, "02-linear.jsh"
     * @param points what a pass earns
     */
    public record Planned(String id, String title, String file, int points) {
    }

    /** The exercises that grading {@code lessons} (empty: all) would grade, found without grading anything. */
    public static List<Planned> plan(List<String> lessons) {
        TestPlan plan = LauncherFactory.create().discover(discovery(lessons).build());
        List<Planned> planned = new ArrayList<>();
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier t : plan.getDescendants(root)) {
                t.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(m -> {
                    Exercise e = m.getJavaMethod().getAnnotation(Exercise.class);
                    ExerciseFile f = m.getJavaClass().getAnnotation(ExerciseFile.class);
                    if (e == null || f == null) return;
                    String name = t.getDisplayName();
                    int space = name.indexOf(' ');
                    planned.add(new Planned(e.id(), space > 0 ? name.substring(space + 1) : name, f.value(), e.points()));
                });
            }
        }
        return planned;
    }

    /**
     * Writes {@code grade.json} and {@code grade-junit.xml} into {@code dir}; returns the two paths. Each is
     * written to a temporary file in {@code dir} first and then moved into place, so a reader (or a grading run
     * that is killed) never sees half a report.
     */
    public static List<Path> write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = replace(dir.resolve("grade.json"), report.json());
        Path xml = replace(dir.resolve("grade-junit.xml"), JunitXml.of(report));
        return List.of(json, xml);
    }

    /** Replaces {@code target} with {@code text} in one step: atomically where the file system can. */
    private static Path replace(Path target, String text) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + ThreadLocalRandom.current().nextLong(1L << 62) + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
