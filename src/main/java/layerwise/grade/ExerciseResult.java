package layerwise.grade;

/**
 * One exercise's line of the report.
 *
 * @param id      "2.3"
 * @param title   "Linear forward as loops"
 * @param file    the exercise file graded, as given
 * @param points  points earned: all of {@code max} for a pass, none otherwise
 * @param status  how it ended
 * @param message why it did not pass (the first failing case), empty for a pass
 * @param seconds how long grading it took
 */
public record ExerciseResult(String id, String title, String file, int points, int max, Status status, String message,
                             double seconds) {
}
