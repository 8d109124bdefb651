package layerwise.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import layerwise.io.JvmFlags;

/**
 * {@code ./workbook bench --session}: the bench cases timed where a learner's code runs, in the second JVM
 * of a JShell session, twice: in a fresh session, and in a session that has first opened every lesson, one
 * after another, as a learner does. A JIT's speed depends on what ran before it in the same JVM (what it
 * profiled, what it compiled and threw away), so a kernel that is fast in a fresh JVM can be slow after a
 * lesson; the ratio of the two figures shows it.
 */
final class SessionBench {
    private SessionBench() {
    }

    /** How long one lesson snippet may run in the session (the runner's default). */
    private static final Duration SNIPPET_TIMEOUT = LessonRunner.DEFAULT_TIMEOUT;

    static int main(Bench.Options options, List<BenchCase> cases) throws IOException {
        List<Lesson> lessons = Lesson.all();
        System.out.println(Bench.machine(options.threads()));
        System.out.println("Session: each case in a fresh JShell session, then in one that has opened "
                + lessons.size() + " lessons (" + lessons.stream().map(Lesson::number).collect(Collectors.joining(", "))
                + ") first; timed inside JShell's second JVM, as ./workbook bench times them (median).");
        Map<String, Long> fresh = measure(cases, List.of(), options.threads());
        Map<String, Long> session = measure(cases, lessons, options.threads());
        System.out.println();
        System.out.printf(Locale.ROOT, "%-15s %-42s %14s %14s %9s%n", "case", "shape", "fresh GFLOP/s", "session", "ratio");
        List<String> lines = new ArrayList<>();
        for (BenchCase c : cases) {
            double f = c.flops() / fresh.get(c.name()), s = c.flops() / session.get(c.name());
            System.out.printf(Locale.ROOT, "%-15s %-42s %14.1f %14.1f %8.2fx%n", c.name(), c.shape(), f, s, s / f);
            lines.add(String.format(Locale.ROOT, "bench %s layerwise_gflops=%.2f fresh_gflops=%.2f session_ratio=%.2f",
                    c.name(), s, f, s / f));
        }
        System.out.println();
        System.out.println("ratio: the session's GFLOP/s over the fresh session's; near 1, the lessons left the kernels as fast as they were.");
        lines.forEach(System.out::println);
        return 0;
    }

    /** Median nanoseconds per case in a new JShell session that has first opened {@code lessons}. */
    private static Map<String, Long> measure(List<BenchCase> cases, List<Lesson> lessons, int threads) throws IOException {
        Path out = Files.createTempDirectory("layerwise-session");
        ExecutorService evaluator = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "session-bench");
            t.setDaemon(true);
            return t;
        });
        try (JShell js = remoteShell(out)) {
            ScriptSession script = new ScriptSession(js, evaluator, SNIPPET_TIMEOUT);
            Optional<Failure> failure = openLessons(script, lessons.stream().map(Lesson::script).toList());
            if (failure.isPresent()) throw new IllegalStateException("a lesson failed in the session: " + failure.get());
            Map<String, Long> medians = new LinkedHashMap<>();
            for (BenchCase c : cases) {
                System.out.println("  " + (lessons.isEmpty() ? "fresh  " : "session") + " " + c.name() + "...");
                medians.put(c.name(), Long.parseLong(value(js, "layerwise.workbook.SessionProbe.medianNanos(\""
                        + c.name() + "\", " + threads + ")")));
            }
            return medians;
        } finally {
            evaluator.shutdownNow();
            deleteTree(out);
        }
    }

    /** The startup a learner's session replays (the DEFAULT imports, startup.jsh), then each script in turn. */
    static Optional<Failure> openLessons(ScriptSession script, List<Path> scripts) {
        Optional<Failure> failure = script.evalDefaultImports(LessonRunner.DEFAULT_IMPORTS);
        if (failure.isEmpty()) failure = script.runFile(LessonRunner.STARTUP);
        for (int i = 0; i < scripts.size() && failure.isEmpty(); i++) failure = script.runFile(scripts.get(i));
        return failure;
    }

    /**
     * A JShell whose snippets run as in {@code ./workbook}: in a second JVM over JDI, started with this JVM's
     * flags (the Vector API module, the heap), the workbook's class path, headless, plots written to {@code out};
     * what the snippets print is dropped.
     */
    static JShell remoteShell(Path out) {
        String cp = System.getProperty("java.class.path");
        List<String> vm = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!arg.startsWith("-agentlib:jdwp") && !arg.startsWith("-Dlayerwise.out=")) vm.add(arg);
        }
        vm.addAll(List.of("--class-path", cp, JvmFlags.get("headless"), "-Dlayerwise.banner=off",
                "-Dlayerwise.out=" + out));
        List<String> compiler = new ArrayList<>(List.of("--class-path", cp, "-Xlint:none"));
        compiler.addAll(JvmFlags.vectorForCompiler());
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return JShell.builder().out(quiet).err(quiet)
                .compilerOptions(compiler.toArray(String[]::new))
                .remoteVMOptions(vm.toArray(String[]::new))
                .build();
    }

    /** The value of one expression evaluated in the session, as JShell shows it (a string without quotes). */
    static String value(JShell js, String expression) {
        List<SnippetEvent> events = js.eval(expression);
        for (SnippetEvent e : events) {
            if (e.exception() != null) throw new IllegalStateException(expression + " threw " + e.exception(), e.exception());
            if (e.value() != null && e.causeSnippet() == null) return e.value().replaceAll("^\"|\"$", "");
        }
        throw new IllegalStateException(expression + " gave no value: " + events);
    }

    private static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
