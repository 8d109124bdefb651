package layerwise.grade;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the JUnit Platform's events for the grading tests into {@link ExerciseResult}s: a test's
 * {@link Exercise} gives its id and points, its failure (a {@link GradeFailure}) the status and the message.
 * Prints a progress line per exercise as it goes.
 */
final class ScoreListener implements TestExecutionListener {
    private final Settings settings;
    private final PrintStream progress;
    private final List<ExerciseResult> results = new ArrayList<>();
    private final Map<String, Long> started = new HashMap<>();
    private int total;

    ScoreListener(Settings settings, PrintStream progress) {
        this.settings = settings;
        this.progress = progress;
    }

    List<ExerciseResult> results() {
        return results;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        total = (int) plan.countTestIdentifiers(t -> exercise(t).isPresent());
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        started.put(test.getUniqueId(), System.nanoTime());
    }

    /** One line per exercise as it is graded: "[ 8/35] 2.3 wrong answer (0.4 s)". */
    private void progress(ExerciseResult r) {
        progress.printf(java.util.Locale.ROOT, "[%2d/%d] %-4s %s (%.1f s)%n", results.size(), total, r.id(), r.status().label(), r.seconds());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        Optional<Found> found = exercise(test);
        if (found.isEmpty()) {
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && test.isContainer()) {
                progress.println("grading " + test.getDisplayName() + " failed: " + result.getThrowable().map(Throwable::toString).orElse("?"));
            }
            return;
        }
        Exercise e = found.get().exercise();
        String file = settings.file(found.get().file()).toString();
        double seconds = (System.nanoTime() - started.getOrDefault(test.getUniqueId(), System.nanoTime())) / 1e9;
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
            results.add(new ExerciseResult(e.id(), title(test), file, e.points(), e.points(), Status.PASSED, "", seconds));
            progress(results.get(results.size() - 1));
            return;
        }
        Throwable t = result.getThrowable().orElse(null);
        GradeFailure failure = gradeFailure(t);
        Status status = failure != null ? failure.status() : Status.ERROR;
        String message = failure != null ? failure.getMessage() : "the grader failed: " + t;
        results.add(new ExerciseResult(e.id(), title(test), file, 0, e.points(), status, message, seconds));
        progress(results.get(results.size() - 1));
    }

    private static GradeFailure gradeFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof GradeFailure g) return g;
        }
        return null;
    }

    /** "Linear forward as loops" from the display name "2.3 Linear forward as loops". */
    private static String title(TestIdentifier test) {
        String name = test.getDisplayName();
        int space = name.indexOf(' ');
        return space > 0 && Character.isDigit(name.charAt(0)) ? name.substring(space + 1) : name;
    }

    private record Found(Exercise exercise, String file) {
    }

    private static Optional<Found> exercise(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).flatMap(m -> {
            Exercise e = m.getJavaMethod().getAnnotation(Exercise.class);
            ExerciseFile f = m.getJavaClass().getAnnotation(ExerciseFile.class);
            return e == null || f == null ? Optional.empty() : Optional.of(new Found(e, f.value()));
        });
    }
}
