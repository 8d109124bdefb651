package layerwise.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./workbook run NN... | all | FILE.jsh... [--timeout SECONDS] [--quiet]}: runs lesson scripts
 * with the {@link LessonRunner}, one progress line per script:
 * <pre>
 * [2/8] 01-tensors ... ok (2.1 s)
 * </pre>
 * What a lesson prints appears indented under its name (with {@code --quiet}, only when it fails).
 * Exit status 1 if any script failed, 2 for an unknown lesson or file. The lessons run in a second JVM
 * that this one watches ({@link LessonJvm}), so a snippet that ends its JVM fails the run.
 */
final class RunCommand {
    private RunCommand() {
    }

    static int main(String[] args) throws IOException, InterruptedException {
        Duration timeout;
        try {
            timeout = LessonRunner.timeoutFromProperty();
        } catch (IllegalArgumentException e) {
            throw new Command.UsageError(e.getMessage());
        }
        boolean quiet = false;
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--timeout" -> timeout = seconds(i + 1 < args.length ? args[++i] : "");
                case "--quiet", "-q" -> quiet = true;
                default -> {
                    if (args[i].startsWith("-")) throw new Command.UsageError("unknown option " + args[i]);
                    targets.add(args[i]);
                }
            }
        }
        if (targets.isEmpty()) throw new Command.UsageError("which lessons? Give numbers (00 01), all, or .jsh files.");
        if (!Files.isRegularFile(LessonRunner.STARTUP)) {
            throw new Command.UsageError(LessonRunner.STARTUP + " not found: run from the project root");
        }
        List<Path> scripts = resolve(targets);
        String status = System.getProperty(LessonJvm.STATUS_PROPERTY);
        if (status == null) return LessonJvm.supervise(args);
        return runAll(scripts, new LessonRunner(timeout, Optional.of(LessonRunner.STARTUP)), quiet,
                Path.of(status));
    }

    private static Duration seconds(String s) {
        try {
            return LessonRunner.parseTimeout(s, "--timeout");
        } catch (IllegalArgumentException e) {
            throw new Command.UsageError(e.getMessage());
        }
    }

    /** Lesson numbers, "all" and file paths to scripts, in the order given. */
    static List<Path> resolve(List<String> targets) {
        List<Lesson> lessons = Lesson.all();
        List<Path> scripts = new ArrayList<>();
        for (String t : targets) {
            if (t.equals("all")) {
                if (lessons.isEmpty()) throw new Command.UsageError("no lessons found in " + Lesson.SCRIPTS);
                lessons.forEach(l -> scripts.add(l.script()));
            } else if (t.matches("\\d{1,2}")) {
                String number = t.length() == 1 ? "0" + t : t;
                Lesson lesson = lessons.stream().filter(l -> l.number().equals(number)).findFirst()
                        .orElseThrow(() -> new Command.UsageError("no lesson " + number + ". Lessons: "
                                + lessons.stream().map(Lesson::number).collect(Collectors.joining(", "))
                                + " (or all, or a path to a .jsh file)"));
                scripts.add(lesson.script());
            } else {
                Path p = CallerPaths.resolve(t);
                if (Files.isRegularFile(p)) {
                    scripts.add(belowWorkingDirectory(p));
                } else {
                    // A lesson's name as the banner lists it ("12-how-fast-can-java-go", with or without .jsh).
                    Lesson named = lessons.stream().filter(l -> l.name().equals(t) || (l.name() + ".jsh").equals(t))
                            .findFirst().orElseThrow(() -> new Command.UsageError("'" + t
                                    + "' is neither a lesson number, a lesson name, all, nor an existing file"));
                    scripts.add(named.script());
                }
            }
        }
        return scripts;
    }

    /** A path inside the working directory as a relative one, so reports read {@code jshell-scripts/x.jsh:3}. */
    private static Path belowWorkingDirectory(Path p) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = p.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute) : p;
    }

    /**
     * Runs the scripts one by one, in this JVM. {@code status} receives "running SCRIPT" before each and
     * "finished STATUS" at the end, for the {@link LessonJvm} that started this JVM.
     */
    private static int runAll(List<Path> scripts, LessonRunner runner, boolean quiet, Path status) {
        PrintStream console = System.out;
        List<String> failed = new ArrayList<>();
        RoutedOutput routed = new RoutedOutput(System.err);
        try {
            for (int i = 0; i < scripts.size(); i++) {
                Path script = scripts.get(i);
                // afresh for each lesson: one that closed or replaced System.out does not silence the next
                System.setOut(new PrintStream(routed, true, Charset.defaultCharset()));
                LessonJvm.report(status, "running " + script);
                String head = String.format(Locale.ROOT, "[%d/%d] %s ...", i + 1, scripts.size(), name(script));
                console.print(head);
                console.flush();
                LessonOutput output = new LessonOutput(console, quiet);
                routed.current = output;
                LessonResult result;
                try {
                    result = runner.run(script);
                } finally {
                    System.out.flush();
                    routed.current = null;
                }
                if (!result.ok() && quiet) output.replay();
                console.println(output.finish(head, result.status()));
                result.failure().ifPresent(f -> console.println(indent(f.toString())));
                if (!result.ok()) failed.add(name(script));
            }
        } finally {
            System.setOut(console);
        }
        if (scripts.size() > 1) {
            console.println(failed.isEmpty() ? "All " + scripts.size() + " scripts ran clean."
                    : failed.size() + " of " + scripts.size() + " failed: " + String.join(", ", failed));
        }
        LessonJvm.report(status, "running the picture gallery");
        Gallery.write(layerwise.io.OutputDirectory.path(), Lesson.all())
                .ifPresent(page -> console.println("Pictures: " + page.toUri()));
        console.flush();
        int exit = failed.isEmpty() ? 0 : 1;
        LessonJvm.report(status, "finished " + exit);
        return exit;
    }

    private static String name(Path script) {
        String file = script.getFileName().toString();
        return file.endsWith(".jsh") ? file.substring(0, file.length() - 4) : file;
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
    }

    /**
     * {@code System.out} during a run. Output of the lesson that runs goes to its {@link LessonOutput};
     * output of a thread started by a lesson that has ended (a timer, a pool it did not shut down) goes
     * to stderr, each line labelled with that lesson, so it never shows up under the next one.
     */
    private static final class RoutedOutput extends OutputStream {
        private final PrintStream err;
        private final Map<LessonRunner.LessonThreads, ByteArrayOutputStream> leftover = new HashMap<>();
        volatile LessonOutput current;

        RoutedOutput(PrintStream err) {
            this.err = err;
        }

        @Override
        public synchronized void write(int b) {
            LessonRunner.LessonThreads owner = LessonRunner.LessonThreads.of(Thread.currentThread());
            LessonOutput lesson = current;
            if (owner != null && owner.finished || lesson == null) {
                ByteArrayOutputStream line = leftover.computeIfAbsent(owner, o -> new ByteArrayOutputStream());
                if (b != '\n') {
                    line.write(b);
                    return;
                }
                err.println("workbook run: output of a thread " + (owner == null ? "left running"
                        : "that " + name(owner.script) + " left running") + ": " + line.toString(Charset.defaultCharset()));
                line.reset();
                return;
            }
            lesson.write(b);
        }

        @Override
        public void flush() {
            LessonOutput lesson = current;
            if (lesson != null) lesson.flush();
        }
    }

    /**
     * Where a lesson's {@code System.out} goes while it runs: to the console, each line indented under the
     * progress line, or (quiet) into a buffer shown only if the lesson fails.
     */
    private static final class LessonOutput extends OutputStream {
        private final PrintStream console;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean quiet;
        private boolean atLineStart = true;
        private boolean wroteAny;

        LessonOutput(PrintStream console, boolean quiet) {
            this.console = console;
            this.quiet = quiet;
        }

        @Override
        public void write(int b) {
            if (quiet) {
                kept.write(b);
                return;
            }
            if (!wroteAny) console.write('\n');
            wroteAny = true;
            if (atLineStart && b != '\n') console.print("      ");
            console.write(b);
            atLineStart = b == '\n';
        }

        @Override
        public void flush() {
            console.flush();
        }

        /** Shows what a quiet lesson printed. */
        void replay() {
            quiet = false;
            for (byte b : kept.toByteArray()) write(b);
        }

        /** The end of the progress line: right after it, or repeated below the lesson's output. */
        String finish(String head, String status) {
            if (!wroteAny) return " " + status;
            return (atLineStart ? "" : "\n") + head + " " + status;
        }
    }
}
