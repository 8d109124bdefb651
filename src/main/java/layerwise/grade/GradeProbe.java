package layerwise.grade;

/**
 * What the grader runs in the learner's VM to call one exercise:
 * {@code layerwise.grade.GradeProbe.runEach(a -> linearLoops((float[]) a[0], ...), ",writable indices,", cases)}.
 * It is a class of the workbook, not a snippet, so a learner's file cannot redefine it, and learner code cannot
 * reach it ({@link Sandbox} refuses the grader's package). It only observes and reports; every judgement is made
 * by the grader, in its own VM.
 *
 * <p>Around the call it swallows what the method prints (megabytes cost nothing and reach nobody), keeps a
 * copy of every argument to notice one changed in place, and lists threads the call left running. Its
 * answer is one line of ASCII with no quotes or backslashes, so JShell's value string needs no unescaping:
 * <pre>
 *   R&lt;value&gt; or X&lt;exception class&gt;,&lt;base64 message&gt;,&lt;base64 method&gt;   then  ;M&lt;changed args&gt;;T&lt;base64 threads&gt;;P&lt;bytes printed&gt;
 * </pre>
 * per case, the cases joined by '|', the whole preceded by its length and '#',
 * with values encoded as {@link Value#decode} reads them.
 */
public final class GradeProbe {
    /** At most this many values of a returned array travel back: more than any exercise expects. */
    static final int MAX_VALUES = 50_000;
    /** The longest piece of an answer one value string carries. */
    static final int CHUNK = 20_000;

    private GradeProbe() {
    }

    /** Characters from..to of the last answer, for answers longer than one value string carries. */
    public static String piece(int from, int to) {
        return last.substring(from, to);
    }

    /** The floats whose bit patterns the grader wrote as hex, comma-separated: arguments travel exactly. */
    public static float[] floats(String hex) {
        if (hex.isEmpty()) return new float[0];
        String[] parts = hex.split(",");
        float[] values = new float[parts.length];
        for (int i = 0; i < parts.length; i++) values[i] = Float.intBitsToFloat(Integer.parseUnsignedInt(parts[i], 16));
        return values;
    }

    /** An exception's message travels back up to this long: a report line, not a megabyte. */
    static final int MAX_MESSAGE = 2_000;

    static String shortened(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "... (" + message.length() + " characters)";
    }

    /** The last answer, whole. */
    private static String last = "";

    /** Calls {@code call} on every case and returns the encoded outcomes (their start, when long). */
    public static String runEach(java.util.function.Function<Object[], Object> call, String writable, Object[][] cases) {
        StringBuilder all = new StringBuilder();
        for (Object[] args : cases) all.append(all.length() == 0 ? "" : "|").append(run(call, writable, args));
        last = all.toString();
        return last.length() + "#" + last.substring(0, Math.min(last.length(), CHUNK));
    }

    static String run(java.util.function.Function<Object[], Object> call, String writable, Object[] args) {
        Object[] before = new Object[args.length];
        for (int i = 0; i < args.length; i++) before[i] = snapshot(args[i]);
        java.util.Set<Thread> threadsBefore = new java.util.HashSet<>(Thread.getAllStackTraces().keySet());
        java.io.PrintStream out = System.out, err = System.err;
        long[] printed = {0};
        java.io.PrintStream sink = new java.io.PrintStream(new java.io.OutputStream() {
            public void write(int b) { printed[0]++; }
            public void write(byte[] b, int off, int len) { printed[0] += len; }
        });
        System.setOut(sink);
        System.setErr(sink);
        String outcome;
        try {
            outcome = "R" + encode(call.apply(args));
        } catch (Throwable t) {
            outcome = "X" + t.getClass().getName() + "," + b64(shortened(String.valueOf(t.getMessage()))) + "," + b64(where(t));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            boolean same = java.util.Objects.equals(before[i], snapshot(args[i]));
            if (!same && !writable.contains("," + i + ",")) changed.append(changed.length() == 0 ? "" : ",").append(i);
        }
        return outcome + ";M" + changed + ";T" + b64(leftRunning(threadsBefore)) + ";P" + printed[0];
    }

    static Object snapshot(Object arg) {
        if (arg instanceof float[] f) return java.util.Arrays.toString(f);
        if (arg instanceof int[] n) return java.util.Arrays.toString(n);
        if (arg instanceof byte[] b) return java.util.Arrays.toString(b);
        if (arg instanceof layerwise.tensor.Tensor t) return java.util.Arrays.toString(t.shape()) + java.util.Arrays.toString(t.toFloatArray());
        return arg;
    }

    static String leftRunning(java.util.Set<Thread> before) {
        StringBuilder names = new StringBuilder();
        long deadline = System.nanoTime() + 300_000_000L;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (before.contains(t) || kernelWorker(t)) continue;
            try { t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000)); } catch (InterruptedException e) { break; }
            if (t.isAlive()) names.append(names.length() == 0 ? "" : ", ").append(t.getName());
        }
        return names.toString();
    }

    /**
     * A worker of the fast kernels' own pool, which a large matmul starts once and keeps for the next: the
     * workbook's, not the answer's (graded code can neither start nor name a thread).
     */
    static boolean kernelWorker(Thread t) {
        return t.isDaemon() && t instanceof java.util.concurrent.ForkJoinWorkerThread && t.getName().startsWith("layerwise-kernel-");
    }

    static String where(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            boolean learners = e.getClassName().startsWith("REPL.") && !e.getClassName().contains("GradeProbe");
            if (learners && !e.getMethodName().startsWith("lambda$")) return e.getMethodName();
        }
        return "";
    }

    static String b64(String s) {
        return java.util.Base64.getEncoder().encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String hex(float[] values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(values.length, MAX_VALUES); i++) {
            sb.append(i == 0 ? "" : ",").append(Integer.toHexString(Float.floatToRawIntBits(values[i])));
        }
        return sb.toString();
    }

    static String encode(Object v) {
        if (v == null) return "N";
        if (v instanceof float[] f) return "F" + f.length + ":" + hex(f);
        if (v instanceof layerwise.tensor.Tensor t) {
            StringBuilder dims = new StringBuilder();
            for (int d : t.shape()) dims.append(dims.length() == 0 ? "" : "x").append(d);
            return "T" + dims + ":" + hex(t.toFloatArray());
        }
        if (v instanceof int[] n) {
            StringBuilder sb = new StringBuilder("I" + n.length + ":");
            for (int i = 0; i < Math.min(n.length, MAX_VALUES); i++) sb.append(i == 0 ? "" : ",").append(n[i]);
            return sb.toString();
        }
        if (v instanceof Boolean b) return b ? "B1" : "B0";
        if (v instanceof Number x) return "D" + Long.toHexString(Double.doubleToRawLongBits(x.doubleValue()));
        String text = String.valueOf(v);
        return "O" + v.getClass().getSimpleName() + "," + b64(text.length() > 200 ? text.substring(0, 200) + "..." : text);
    }
}
