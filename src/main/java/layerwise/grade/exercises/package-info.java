/**
 * The grading tests: one JUnit Jupiter class per exercise file ({@code ExercisesNNTopic} grades
 * {@code jshell-scripts/exercises/NN-topic.jsh}), one test per exercise with its {@link layerwise.grade.Exercise}
 * id and points. Each test draws random shapes and values ({@link layerwise.grade.Cases}), calls the learner's
 * method through the {@link layerwise.grade.Learner}, and compares the answer with the library's own layers or
 * with reference code written here. Run them with {@code ./workbook grade}.
 */
package layerwise.grade.exercises;
