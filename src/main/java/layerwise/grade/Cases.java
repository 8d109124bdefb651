package layerwise.grade;

import java.util.Arrays;
import java.util.Random;

/**
 * The random cases of one exercise: shapes and values drawn from a generator seeded by the run's seed and the
 * exercise id, so {@code --seed N} replays every exercise exactly, whatever else is graded with it, and a
 * hard-coded answer cannot pass. Values are uniform in [-1, 1).
 */
public final class Cases {
    private final Random random;
    private final int count;
    private int current;
    private String label = "";

    Cases(long seed, String exerciseId, int count) {
        this.random = new Random(seed * 1_000_003L + exerciseId.hashCode());
        this.count = count;
    }

    /** How many cases the exercise checks. */
    public int count() {
        return count;
    }

    /**
     * Starts the next case, described by its inputs, and returns its label for the report:
     * {@code next("x", shape(2, 20), "weight", shape(8, 20))} is "case 1 of 3 (x [2, 20], weight [8, 20])".
     */
    public String next(Object... nameThenShape) {
        current++;
        StringBuilder sb = new StringBuilder("case " + current + " of " + count);
        for (int i = 0; i + 1 < nameThenShape.length; i += 2) {
            String value = nameThenShape[i + 1] instanceof int[] s ? Arrays.toString(s) : String.valueOf(nameThenShape[i + 1]);
            // "x [2, 20]", "stride 2", but "Linear(20, 8)"
            sb.append(i == 0 ? " (" : ", ").append(nameThenShape[i]).append(value.startsWith("(") ? "" : " ").append(value);
        }
        label = sb.append(nameThenShape.length > 1 ? ")" : "").toString();
        return label;
    }

    /** The label of the current case, as the report prints it. */
    public String label() {
        return label;
    }

    public int between(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    public boolean coin() {
        return random.nextBoolean();
    }

    public <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** n values, uniform in [-1, 1). */
    public float[] floats(int n) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float) (random.nextDouble() * 2 - 1);
        return values;
    }

    /** A fresh seed for the learner's and the reference's random draws. */
    public long seed() {
        return random.nextInt(1_000_000);
    }

    public static int[] shape(int... dims) {
        return dims;
    }
}
