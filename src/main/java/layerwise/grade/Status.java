package layerwise.grade;

/** How one exercise ended, worst news last; {@link #label()} is what the report prints. */
public enum Status {
    PASSED("passed"),
    WRONG_ANSWER("wrong answer"),
    NOT_STARTED("not started"),
    DOES_NOT_COMPILE("does not compile"),
    /** The answer uses something the exercise does not allow (a library call in a "write the loops" exercise, a file, a thread). */
    REFUSED("refused"),
    ERROR("error"),
    TIMED_OUT("timed out");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    /** The words of the report and of grade.json: "wrong answer", "timed out", ... */
    public String label() {
        return label;
    }
}
