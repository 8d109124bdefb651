/**
 * Graded exercises: points, hints and the score report.
 *
 * <p>A learner's exercise file ({@code jshell-scripts/exercises/NN-topic.jsh}) is loaded into a JShell whose
 * snippets run in a separate JVM ({@link layerwise.grade.Learner}), with a time and a memory limit, so
 * code that loops, recurses, allocates, prints, exits or starts threads without end costs that exercise its
 * points and nothing else. The grading tests in {@code layerwise.grade.exercises} are JUnit Jupiter classes,
 * one per exercise file, with {@link layerwise.grade.Exercise} points on each test; {@link layerwise.grade.Grader}
 * runs them on the JUnit Platform and turns the outcome into a {@link layerwise.grade.Report}.
 */
package layerwise.grade;
