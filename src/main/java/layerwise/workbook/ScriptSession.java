package layerwise.workbook;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.UnresolvedReferenceException;

/**
 * One JShell fed script by script: splits a file into snippets the way the {@code jshell} tool does,
 * runs the two commands a lesson may use, and turns the first bad {@link SnippetEvent} into a {@link Failure}.
 */
final class ScriptSession {
    /** A command line: a slash that does not start a comment. */
    private static final Pattern COMMAND = Pattern.compile("/(?![/*])(\\S+)\\s*(.*)");
    /** How long a stopped snippet gets to actually stop before it is abandoned. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final JShell js;
    private final ExecutorService evaluator;
    private final Duration snippetTimeout;
    /** Where each evaluated snippet starts, by snippet id, to place the frames of a stack trace. */
    private final Map<String, Start> starts = new HashMap<>();
    /** The files being run, innermost first: a file that /opens one of them would never end. */
    private final Deque<Path> opening = new ArrayDeque<>();
    private int snippetCount;
    private boolean exited;
    private boolean abandoned;

    ScriptSession(JShell js, ExecutorService evaluator, Duration snippetTimeout) {
        this.js = js;
        this.evaluator = evaluator;
        this.snippetTimeout = snippetTimeout;
    }

    int snippetCount() {
        return snippetCount;
    }

    /** True once a script ran {@code /exit}: nothing more runs, as in the tool. */
    boolean exited() {
        return exited;
    }

    /** True when a snippet ignored {@link JShell#stop()}; the shell is then unusable. */
    boolean abandoned() {
        return abandoned;
    }

    Optional<Failure> evalDefaultImports(List<String> packages) {
        for (String p : packages) {
            Optional<Failure> f = eval("import " + p + ";", Path.of("DEFAULT"), 1);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /**
     * Feeds {@code file} line by line. A snippet ends where {@code analyzeCompletion} says the input is
     * complete, exactly as in the tool, so a line that begins with {@code .} fails here as it does there.
     */
    Optional<Failure> runFile(Path file) {
        List<String> lines;
        try {
            lines = readLines(file);
        } catch (Unreadable e) {
            return fail(file, e.line, Failure.Kind.UNREADABLE, e.getMessage(), "");
        }
        opening.push(identity(file));
        try {
            return runLines(file, lines);
        } finally {
            opening.pop();
        }
    }

    private Optional<Failure> runLines(Path file, List<String> lines) {
        StringBuilder buffer = new StringBuilder();
        int bufferLine = 1; // line of the first character in buffer
        for (int i = 0; i < lines.size() && !exited; i++) {
            String line = lines.get(i);
            int lineNumber = i + 1;
            if (buffer.length() == 0) {
                Matcher command = COMMAND.matcher(line.strip());
                if (command.matches()) {
                    Optional<Failure> f = command(command.group(1), command.group(2).strip(), file, lineNumber, line);
                    if (f.isPresent()) return f;
                    continue;
                }
                bufferLine = lineNumber;
            }
            buffer.append(line).append('\n');
            boolean lastLine = i == lines.size() - 1;
            while (buffer.length() > 0) {
                String input = buffer.toString();
                CompletionInfo info = js.sourceCodeAnalysis().analyzeCompletion(input);
                Completeness completeness = info.completeness();
                int snippetLine = bufferLine + leadingNewlines(input);
                if (completeness == Completeness.EMPTY) { // blank lines and comments
                    buffer.setLength(0);
                } else if (!completeness.isComplete()) {
                    if (!lastLine) break; // read the next line
                    return eval(input, file, snippetLine).map(f -> new Failure(f.file(), snippetLine, f.kind(),
                            "unfinished at the end of the file (a missing } or ) ?): " + f.reason(), f.source()));
                } else {
                    Optional<Failure> f = eval(info.source(), file, snippetLine);
                    if (f.isPresent()) return f;
                    String rest = info.remaining().length() < input.length() ? info.remaining() : "";
                    bufferLine += newlines(input.substring(0, input.length() - rest.length()));
                    buffer.setLength(0);
                    buffer.append(rest);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Failure> command(String name, String argument, Path file, int line, String text) {
        switch (name) {
            case "open" -> {
                if (argument.isEmpty()) return fail(file, line, Failure.Kind.COMMAND, "/open needs a file name", text);
                Path target = Path.of(argument);
                if (!Files.isRegularFile(target)) {
                    return fail(file, line, Failure.Kind.COMMAND,
                            "/open: file '" + argument + "' not found (paths are relative to "
                                    + Path.of("").toAbsolutePath() + ")", text);
                }
                if (opening.contains(identity(target))) {
                    return fail(file, line, Failure.Kind.COMMAND, "/open: " + argument + " is already being run"
                            + " (a script cannot /open itself, directly or through the files it opens)", text);
                }
                return runFile(target);
            }
            case "exit" -> {
                exited = true;
                return exitStatus(argument, file, line, text);
            }
            default -> {
                return fail(file, line, Failure.Kind.COMMAND, "/" + name + " is a command of the jshell tool; "
                        + "scripts run by the workbook may only use /open and /exit", text);
            }
        }
    }

    /** One name per file, whatever path reached it (symbolic links, {@code ./}, {@code ../}). */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * The lines of a UTF-8 script. The tool reads scripts in the platform charset, which is UTF-8 from
     * JDK 18 on; a file in another encoding is reported at the line of its first undecodable byte.
     */
    private static List<String> readLines(Path file) throws Unreadable {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Unreadable(1, "cannot read the script: " + e);
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(in, out, true);
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) if (bytes[i] == '\n') line++;
            throw new Unreadable(line, String.format(Locale.ROOT, "the script is not UTF-8 text (byte 0x%02X at"
                    + " offset %d cannot be decoded); save it as UTF-8", bytes[at] & 0xff, at));
        }
        return out.flip().toString().lines().toList();
    }

    /** A script file that cannot be read as text, with the line where reading failed. */
    private static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        Unreadable(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    /** {@code /exit} ends the run; a non-zero status, as {@code /exit 3} gives the tool, is a failure. */
    private static Optional<Failure> exitStatus(String argument, Path file, int line, String text) {
        if (argument.isEmpty() || argument.equals("0")) return Optional.empty();
        String reason = argument.matches("-?\\d+") ? "/exit with status " + argument
                : "/exit takes an integer status here, got '" + argument + "'";
        return fail(file, line, Failure.Kind.EXIT_STATUS, reason, text);
    }

    /** Evaluates one snippet; the failure it causes, if any. */
    private Optional<Failure> eval(String source, Path file, int line) {
        snippetCount++;
        List<SnippetEvent> events;
        try {
            events = evalGuarded(source);
        } catch (TimedOut t) {
            return fail(file, line, Failure.Kind.TIMEOUT, t.getMessage(), source);
        }
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) continue; // a dependent being updated, not this snippet
            starts.put(e.snippet().id(), new Start(file, line));
            Optional<Failure> f = classify(e, source, file, line);
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    private Optional<Failure> classify(SnippetEvent e, String source, Path file, int line) {
        Snippet s = e.snippet();
        switch (e.status()) {
            case REJECTED -> {
                List<Diag> errors = js.diagnostics(s).filter(Diag::isError).collect(Collectors.toList());
                if (errors.isEmpty()) return fail(file, line, Failure.Kind.COMPILE_ERROR, "does not compile", source);
                Diag d = errors.get(0);
                int position = (int) Math.max(0, Math.min(d.getStartPosition(), source.length()));
                int at = line + newlines(source.substring(0, position)); // the error's own line in a multi-line snippet
                return fail(file, at, Failure.Kind.COMPILE_ERROR, "does not compile: " + oneLine(d.getMessage(null)), source);
            }
            case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> {
                String missing = js.unresolvedDependencies((DeclarationSnippet) s).collect(Collectors.joining(", "));
                return fail(file, line, Failure.Kind.UNRESOLVED, "unresolved: " + describe(s) + " refers to " + missing
                        + ", which is not defined", source);
            }
            default -> { }
        }
        if (e.exception() instanceof UnresolvedReferenceException u) {
            DeclarationSnippet d = u.getSnippet();
            String missing = js.unresolvedDependencies(d).collect(Collectors.joining(", "));
            return fail(file, line, Failure.Kind.UNRESOLVED, "unresolved: " + describe(d) + " was called but refers to "
                    + missing + ", which is not defined", source);
        }
        if (e.exception() instanceof EvalException x) {
            return fail(file, line + lineInSnippet(x, s), Failure.Kind.EXCEPTION, "threw " + x.getExceptionClassName()
                    + (x.getMessage() == null ? "" : ": " + x.getMessage()) + thrownAt(x, s), source);
        }
        if (e.exception() != null) {
            return fail(file, line, Failure.Kind.EXCEPTION, "threw " + e.exception(), source);
        }
        return Optional.empty();
    }

    /** Runs one eval under the watchdog: stop() after the time limit, abandon it if it will not stop. */
    private List<SnippetEvent> evalGuarded(String source) {
        Future<List<SnippetEvent>> running = evaluator.submit(() -> js.eval(source));
        try {
            return running.get(snippetTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException timeout) {
            js.stop();
            String message = "timed out: still running after " + seconds(snippetTimeout) + " (limit: -D"
                    + LessonRunner.TIMEOUT_PROPERTY + "=SECONDS or ./workbook run --timeout SECONDS); stopped";
            try {
                running.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                abandoned = true;
                exited = true;
                message += ", but it did not stop and was abandoned";
            } catch (ExecutionException | InterruptedException ignored) {
                // it stopped one way or another; the time-out is the failure to report
            }
            throw new TimedOut(message);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed on: " + source, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            js.stop();
            throw new TimedOut("interrupted");
        }
    }

    /** Line of the failing statement inside the snippet, from the stack frame JShell gives snippet code ("#12"). */
    private static int lineInSnippet(Throwable t, Snippet s) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (("#" + s.id()).equals(frame.getFileName()) && frame.getLineNumber() > 0) return frame.getLineNumber() - 1;
        }
        return 0;
    }

    /** " (thrown in method m at file:line)" when the deepest script frame is another snippet, e.g. a method. */
    private String thrownAt(Throwable t, Snippet failing) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String name = frame.getFileName();
            if (name == null || !name.startsWith("#")) continue;
            String id = name.substring(1);
            Start start = starts.get(id);
            if (id.equals(failing.id()) || start == null) return "";
            int line = start.line() + Math.max(frame.getLineNumber() - 1, 0);
            return "\n    (thrown in " + frame.getMethodName() + " at " + Failure.location(start.file(), line) + ")";
        }
        return "";
    }

    private static String describe(Snippet s) {
        return s instanceof DeclarationSnippet d ? d.kind().toString().toLowerCase(Locale.ROOT) + " " + d.name() : "snippet";
    }

    private static Optional<Failure> fail(Path file, int line, Failure.Kind kind, String reason, String source) {
        return Optional.of(new Failure(file, line, kind, reason, source));
    }

    private static String oneLine(String message) {
        return message.strip().replaceAll("\\s*\\n\\s*", "; ");
    }

    private static int newlines(String s) {
        return (int) s.chars().filter(c -> c == '\n').count();
    }

    /** Blank lines before the first code in {@code s}. */
    private static int leadingNewlines(String s) {
        int n = 0;
        for (int i = 0; i < s.length() && Character.isWhitespace(s.charAt(i)); i++) if (s.charAt(i) == '\n') n++;
        return n;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** Where a snippet starts. */
    private record Start(Path file, int line) {
    }

    /** A snippet ran past the limit; carries the sentence to report. */
    private static final class TimedOut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TimedOut(String message) {
            super(message, null, false, false);
        }
    }
}
