package layerwise.grade;

/**
 * Why an exercise earned nothing: its {@link Status} and one message for the learner (which case, what was
 * expected, what came back). Thrown by the grading tests; an {@link AssertionError} so JUnit reports a failure.
 */
public final class GradeFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final Status status;

    public GradeFailure(Status status, String message) {
        super(message);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    static GradeFailure wrong(String message) {
        return new GradeFailure(Status.WRONG_ANSWER, message);
    }
}
