package layerwise.workbook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jdk.jshell.JShell;
import layerwise.io.JvmFlags;
import layerwise.io.ProjectFiles;

/**
 * Runs a lesson script strictly, on the {@code jdk.jshell} API, each run in a fresh JShell.
 *
 * <p>The {@code jshell} tool exits 0 whatever goes wrong in a script, so lessons are proven by this
 * runner instead. It fails a script on the first snippet that
 * <ul>
 *   <li>does not compile (status REJECTED),</li>
 *   <li>throws,</li>
 *   <li>leaves a name unresolved (a method using an undefined name is RECOVERABLE, not an error, in JShell),</li>
 *   <li>runs past the per-snippet time limit (a watchdog calls {@link JShell#stop()}),</li>
 * </ul>
 * and reports {@code file:line: reason} with the snippet (see {@link Failure}).
 *
 * <p>The learner's startup is replayed first, because the API applies none: the DEFAULT imports of the
 * {@code jshell} tool, then {@code jshell-scripts/startup.jsh}. Commands are a feature of the tool, not
 * of the API, so the runner handles them itself: {@code /open FILE} (relative to the working directory,
 * as in the tool) and {@code /exit [status]}; any other command fails the script.
 *
 * <p>Snippets run on the <em>local</em> execution engine, inside this JVM, which is several times faster
 * than the tool's default (a second JVM over JDI). Consequences: snippet output goes to this JVM's
 * {@code System.out}; classes of this class path (and their static state, such as the seeded generator)
 * are shared between runs; {@code System.exit} in a snippet ends this JVM. The {@code jshell} tool's own
 * local-engine quirks on JDK 17 (it needs {@code -J--class-path} and {@code jdk.unsupported}) do not arise
 * here: the snippets run on this JVM's class path and module graph.
 */
public final class LessonRunner {
    /** System property with the per-snippet time limit in seconds. */
    public static final String TIMEOUT_PROPERTY = "layerwise.snippetTimeout";
    /** Default per-snippet time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    /** The startup file the launcher gives {@code jshell}, relative to the project root. */
    public static final Path STARTUP = ProjectFiles.STARTUP;

    /** The {@code jshell} tool's DEFAULT startup: these ten imports. */
    static final List<String> DEFAULT_IMPORTS = ProjectFiles.JSHELL_DEFAULT_PACKAGES.stream().map(p -> p + ".*").toList();

    private final Duration snippetTimeout;
    private final Optional<Path> startup;

    /** A runner with the learner's startup and the time limit of {@value #TIMEOUT_PROPERTY} (default {@link #DEFAULT_TIMEOUT}). */
    public LessonRunner() {
        this(timeoutFromProperty(), Optional.of(STARTUP));
    }

    /**
     * @param snippetTimeout how long one snippet may run before it is stopped
     * @param startup        the startup file replayed after the DEFAULT imports, if any
     */
    public LessonRunner(Duration snippetTimeout, Optional<Path> startup) {
        if (snippetTimeout.isNegative() || snippetTimeout.isZero()) {
            throw new IllegalArgumentException("snippet time limit must be positive, got " + snippetTimeout);
        }
        this.snippetTimeout = snippetTimeout;
        this.startup = startup;
    }

    /** Reads {@value #TIMEOUT_PROPERTY} (seconds); the default when unset. */
    public static Duration timeoutFromProperty() {
        String s = System.getProperty(TIMEOUT_PROPERTY);
        if (s == null || s.isBlank()) return DEFAULT_TIMEOUT;
        return parseTimeout(s, "-D" + TIMEOUT_PROPERTY);
    }

    /**
     * A time limit in seconds, as typed: at least one millisecond (the watchdog's resolution), at most
     * the largest duration there is.
     *
     * @param where what the value was given to, for the message ("--timeout")
     */
    static Duration parseTimeout(String seconds, String where) {
        double v;
        try {
            v = Double.parseDouble(seconds.strip());
        } catch (NumberFormatException e) {
            v = Double.NaN;
        }
        if (!(v >= 0.001)) {
            throw new IllegalArgumentException(where + " needs a number of seconds of at least 0.001, got '"
                    + seconds + "'");
        }
        return Duration.ofMillis(v >= Long.MAX_VALUE / 1000.0 ? Long.MAX_VALUE : Math.round(v * 1000));
    }

    /** Runs {@code script} in a fresh JShell after the startup; stops at the first failure. */
    public LessonResult run(Path script) {
        long start = System.nanoTime();
        LessonThreads threads = new LessonThreads(script);
        ExecutorService evaluator = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(threads, r, "lesson-runner " + script.getFileName());
            t.setDaemon(true); // a snippet the watchdog could not stop must not keep the JVM alive
            return t;
        });
        JShell js = newShell();
        ScriptSession session = new ScriptSession(js, evaluator, snippetTimeout);
        Optional<Failure> failure = Optional.empty();
        try {
            failure = session.evalDefaultImports(DEFAULT_IMPORTS);
            if (failure.isEmpty() && startup.isPresent()) failure = session.runFile(startup.get());
            if (failure.isEmpty() && !session.exited()) failure = session.runFile(script);
        } finally {
            if (!session.abandoned()) js.close(); // closing waits for a snippet that refused to stop
            evaluator.shutdownNow();
            threads.finished = true;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new LessonResult(script, failure, session.snippetCount(), elapsed);
    }

    /**
     * The threads of one run. JShell's local engine runs each snippet in a thread of a group it creates
     * under the caller's, so every thread a lesson starts (and does not stop) descends from this group,
     * and its output can still be told apart after the lesson ended.
     */
    static final class LessonThreads extends ThreadGroup {
        final Path script;
        volatile boolean finished;

        LessonThreads(Path script) {
            super("lesson " + script.getFileName());
            this.script = script;
        }

        /** The run that {@code t} was started by, directly or through threads it started; null if none. */
        static LessonThreads of(Thread t) {
            for (ThreadGroup g = t.getThreadGroup(); g != null; g = g.getParent()) {
                if (g instanceof LessonThreads lesson) return lesson;
            }
            return null;
        }
    }

    /**
     * The local engine loads snippet classes with a loader whose parent is this JVM's application class
     * loader, so the workbook's classes are found at run time; the compiler is given the class path
     * explicitly, since it does not look at this JVM's.
     */
    private static JShell newShell() {
        List<String> options = new ArrayList<>(List.of("--class-path", System.getProperty("java.class.path")));
        // Snippets may use the Vector API when this JVM has it (the launcher and the tests add the module).
        options.addAll(JvmFlags.vectorForCompiler());
        return JShell.builder()
                .executionEngine("local")
                .compilerOptions(options.toArray(String[]::new))
                .out(System.out)
                .err(System.err)
                .build();
    }
}
