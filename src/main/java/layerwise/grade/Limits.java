package layerwise.grade;

import java.time.Duration;

/**
 * What one exercise may use in the learner's VM: wall-clock time per call and heap. Defaults suit a laptop
 * grading a class's worth of files; {@code ./workbook grade --timeout S --memory MB} and the tests change them.
 */
public record Limits(Duration timeout, int heapMegabytes) {
    public static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), 256);

    public Limits {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("the time limit must be positive, got " + timeout);
        if (heapMegabytes < 32) throw new IllegalArgumentException("the heap limit must be at least 32 MB, got " + heapMegabytes);
    }
}
