package layerwise.grade;

/**
 * The probe's report of one call (see {@link Probe}), parsed: what came back or what was thrown, which
 * arguments changed, which threads were left running.
 */
record Outcome(Value value, String thrown, String message, String thrownIn, String changedArgs, String threads, long printed) {
    /** What an exercise may print while graded: debugging lines are fine, a loop that prints is not. */
    static final long PRINT_LIMIT = 1 << 20;

    static Outcome parse(String quoted) {
        String s = quoted.startsWith("\"") ? quoted.substring(1, quoted.length() - 1) : quoted;
        String[] parts = s.split(";", -1);
        String changed = parts[1].substring(1);
        String threads = Value.unbase64(parts[2].substring(1));
        long printed = Long.parseLong(parts[3].substring(1));
        if (parts[0].startsWith("R")) return new Outcome(Value.decode(parts[0].substring(1)), null, null, null, changed, threads, printed);
        String[] x = parts[0].substring(1).split(",", -1);
        return new Outcome(null, x[0], Value.unbase64(x[1]), Value.unbase64(x[2]), changed, threads, printed);
    }

    /** The returned value, or the failure that this call earns. */
    Value valueOrFailure(String where, String method, String loadProblem, Limits limits) {
        if (!threads.isEmpty()) {
            throw new GradeFailure(Status.ERROR, where + ": " + method + " left a thread running (" + threads
                    + "). An exercise computes its answer and returns; it must not start threads that outlive it.");
        }
        if (thrown != null) throw thrownFailure(where, method, loadProblem, limits);
        if (printed > PRINT_LIMIT) {
            throw new GradeFailure(Status.ERROR, String.format(java.util.Locale.ROOT,
                    "%s: %s printed %.1f MB (the limit is %d MB). An exercise returns its answer; printing that much is a loop that prints.",
                    where, method, printed / 1048576.0, PRINT_LIMIT >> 20));
        }
        if (!changedArgs.isEmpty()) {
            throw new GradeFailure(Status.WRONG_ANSWER, where + ": " + method + " changed its argument "
                    + ordinals(changedArgs) + " in place. A layer reads its input and weights; it must not write into them.");
        }
        return value;
    }

    private GradeFailure thrownFailure(String where, String method, String loadProblem, Limits limits) {
        String in = thrownIn.isEmpty() || thrownIn.equals(method) ? "" : " (in " + thrownIn + ")";
        String simple = thrown.substring(thrown.lastIndexOf('.') + 1);
        if (thrown.equals("java.lang.UnsupportedOperationException") && message.startsWith("Exercise ")) {
            return new GradeFailure(Status.NOT_STARTED, message);
        }
        if (thrown.equals("jdk.jshell.spi.SPIResolutionException")) {
            return new GradeFailure(Status.DOES_NOT_COMPILE, loadProblem != null ? loadProblem : where + ": " + message);
        }
        if (thrown.equals("java.lang.StackOverflowError")) {
            return new GradeFailure(Status.ERROR, where + ": " + method + " overflowed the stack" + in
                    + ": a recursion that never reaches its base case?");
        }
        if (thrown.equals("java.lang.OutOfMemoryError")) {
            return new GradeFailure(Status.ERROR, where + ": " + method + " ran out of memory" + in + " (" + message
                    + "; the limit is " + limits.heapMegabytes() + " MB). Does it allocate without bound?");
        }
        return new GradeFailure(Status.ERROR, where + ": " + method + " threw " + simple
                + (message.equals("null") ? "" : ": " + firstLine(message)) + in);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }

    private static String ordinals(String indices) {
        StringBuilder sb = new StringBuilder();
        for (String i : indices.split(",")) sb.append(sb.length() == 0 ? "" : " and ").append("#").append(Integer.parseInt(i) + 1);
        return sb.toString();
    }
}
