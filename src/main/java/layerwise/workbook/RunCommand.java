package layerwise.workbook;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * {@code ./workbook run NN... | all | FILE.jsh... [--timeout SECONDS] [--quiet]}: runs lesson scripts
 * with the {@link LessonRunner}, one progress line per script:
 * <pre>
 * [2/8] 01-tensors ... ok (2.1 s)
 * </pre>
 * What a lesson prints appears indented under its name (with {@code --quiet}, only when it fails).
 * Exit status 1 if any script failed, 2 for an unknown lesson or file.
 */
final class RunCommand {
    private RunCommand() {
    }

    static int main(String[] args) {
        Duration timeout = LessonRunner.timeoutFromProperty();
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
        return runAll(scripts, new LessonRunner(timeout, Optional.of(LessonRunner.STARTUP)), quiet);
    }

    private static Duration seconds(String s) {
        try {
            double v = Double.parseDouble(s);
            if (v > 0) return Duration.ofMillis(Math.round(v * 1000));
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new Command.UsageError("--timeout needs a positive number of seconds, got '" + s + "'");
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
                Path p = Path.of(t);
                if (!Files.isRegularFile(p)) {
                    throw new Command.UsageError("'" + t + "' is neither a lesson number, all, nor an existing file");
                }
                scripts.add(belowWorkingDirectory(p));
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

    private static int runAll(List<Path> scripts, LessonRunner runner, boolean quiet) {
        PrintStream console = System.out;
        List<String> failed = new ArrayList<>();
        AtomicReference<String> running = new AtomicReference<>();
        Thread exitGuard = new Thread(() -> { // a snippet's System.exit(0) must not pass for success
            console.flush();
            System.err.println("\nworkbook run: the JVM is exiting while " + running.get() + " runs"
                    + " (System.exit in a snippet, or Ctrl-C); counted as a failure");
            Runtime.getRuntime().halt(1);
        });
        Runtime.getRuntime().addShutdownHook(exitGuard);
        try {
            for (int i = 0; i < scripts.size(); i++) {
                Path script = scripts.get(i);
                running.set(script.toString());
                String head = String.format(Locale.ROOT, "[%d/%d] %s ...", i + 1, scripts.size(), name(script));
                console.print(head);
                console.flush();
                LessonOutput output = new LessonOutput(console, quiet);
                LessonResult result;
                System.setOut(new PrintStream(output, true, Charset.defaultCharset()));
                try {
                    result = runner.run(script);
                } finally {
                    System.out.flush();
                    System.setOut(console);
                }
                if (!result.ok() && quiet) output.replay();
                console.println(output.finish(head, result.status()));
                result.failure().ifPresent(f -> console.println(indent(f.toString())));
                if (!result.ok()) failed.add(name(script));
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(exitGuard);
        }
        if (scripts.size() > 1) {
            console.println(failed.isEmpty() ? "All " + scripts.size() + " scripts ran clean."
                    : failed.size() + " of " + scripts.size() + " failed: " + String.join(", ", failed));
        }
        Gallery.write(layerwise.io.OutputDirectory.path(), Lesson.all())
                .ifPresent(page -> console.println("Pictures: " + page.toUri()));
        return failed.isEmpty() ? 0 : 1;
    }

    private static String name(Path script) {
        String file = script.getFileName().toString();
        return file.endsWith(".jsh") ? file.substring(0, file.length() - 4) : file;
    }

    private static String indent(String text) {
        return "    " + text.replace("\n", "\n    ");
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
