package layerwise.grade;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import layerwise.io.JvmFlags;
import layerwise.io.ProjectFiles;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * A JShell whose code runs in a separate JVM (JShell's default JDI engine) with its own heap limit, holding
 * one learner's exercise file at a time. The grader runs one exercise's cases at a time ({@link #calls}): a run
 * past the time limit is stopped, and when it will not stop, or the VM dies (System.exit, a crash), the VM
 * is killed and a fresh one loads the file again for the next exercise.
 *
 * <p>Starting the VM and replaying the imports costs seconds, so one learner serves a whole grading run:
 * {@link #use} drops the previous file's declarations and loads the next file's. Only declarations are loaded
 * (imports, methods, classes, variables); the calls a learner left in the file to try things out are
 * skipped, so they cannot hang or end the grading.
 */
public final class Learner implements AutoCloseable {
    /** How long a stopped call gets to unwind before its VM is killed. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private Path file;
    /** The current file's snippets, dropped when the next file is loaded. */
    private final List<Snippet> fileSnippets = new ArrayList<>();
    private final List<String> imports;
    private final Limits limits;
    private final String marker = "-Dlayerwise.grade.vm=" + UUID.randomUUID();
    /** Runs each evaluation, so that the grader can wait for it with a time limit. */
    private ExecutorService evaluator = newEvaluator();
    /** Problems JShell reported while loading, by declared name: "02-linear.jsh:34: cannot find symbol ...". */
    private final Map<String, String> problems = new LinkedHashMap<>();
    /** What each declaration referred to that was not defined yet when it loaded: "Saver", "helper". */
    private final Map<String, List<String>> unresolved = new LinkedHashMap<>();
    /** Declarations the sandbox refused (a class, a method), by name, with the reason. */
    private final Map<String, String> refusedDeclarations = new LinkedHashMap<>();
    private final RecentOutput output = new RecentOutput();
    private JShell js;
    private SealedExecution sealed;
    private volatile boolean vmEnded;
    /** What stops the whole file from being graded (too large, empty, not UTF-8), or null. */
    private GradeFailure fileProblem;
    /** What stopped the file from being read to its end (a declaration that never closes), or null. */
    private String loadProblem;
    /** Lines of declarations that hung while loading: skipped when the file is loaded again. */
    private final Set<Integer> hung = new HashSet<>();
    /** What the answer of the exercise being graded may use. */
    private Allow allow = Allow.WORKBOOK;

    /**
     * @param imports lines such as {@code import layerwise.tensor.*;} evaluated before a file (the workbook's startup)
     */
    public Learner(List<String> imports, Limits limits) {
        this.imports = List.copyOf(imports);
        this.limits = limits;
    }

    /** Grades this exercise file from now on: the previous file's declarations are dropped. */
    public void use(Path next) {
        if (next.equals(file)) return;
        file = next;
        hung.clear();
        if (js == null || vmEnded) return; // loaded when the VM starts
        for (Snippet s : fileSnippets) if (js.status(s).isActive()) js.drop(s);
        if (!load()) shutDown();
    }

    /** What the answers graded from now on may use (the exercise's {@link Exercise#allows()}). */
    public void allow(Allow allow) {
        this.allow = allow;
    }

    /** The cases of one exercise, to be run with {@link Calls#check()}. */
    public Calls calls(String method) {
        return new Calls(this, method);
    }

    /** Adds case i (0 .. cases.count()-1) of an exercise to its calls: the arguments and the check of the answer. */
    @FunctionalInterface
    public interface CaseMaker {
        void add(int i, Calls calls);
    }

    /**
     * An exercise's usual run: {@code cases.count()} cases, each made by {@code maker}, then every call of
     * {@code method} run in one go and the answers checked in order ({@link Calls#check()}).
     */
    public void check(String method, Cases cases, CaseMaker maker) {
        Calls calls = calls(method);
        for (int i = 0; i < cases.count(); i++) maker.add(i, calls);
        calls.check();
    }

    /**
     * Runs every call of one exercise in one snippet, under one time limit, and returns each call's outcome.
     * What ends them all is a {@link GradeFailure} naming the first case: a compile problem (the method is
     * missing or its signature changed), a time-out, the VM ending.
     */
    List<Outcome> run(String method, List<Calls.Call> calls) {
        ensureStarted();
        if (fileProblem != null) throw new GradeFailure(fileProblem.status(), fileProblem.getMessage());
        Optional<String> refused = sealed.refusal(method, allow).or(() -> refusedDependency(method));
        if (refused.isPresent()) {
            throw new GradeFailure(Status.REFUSED, refused.get());
        }
        Arg[] first = calls.get(0).args();
        int n = first.length;
        // the last element of each case's array is its seed (-1: none)
        StringBuilder src = new StringBuilder("layerwise.grade.GradeProbe.runEach(a -> { long seed = (Long) a[").append(n)
                .append("]; if (seed >= 0) layerwise.tensor.Tensor.manualSeed(seed); return ").append(method).append('(');
        for (int i = 0; i < n; i++) src.append(i == 0 ? "" : ", ").append('(').append(first[i].type()).append(") a[").append(i).append(']');
        src.append("); }, \",");
        for (int i = 0; i < n; i++) if (first[i].inPlace()) src.append(i).append(',');
        src.append("\", new Object[][] {");
        for (Calls.Call c : calls) {
            src.append("\n{");
            for (Arg a : c.args()) src.append(a.source()).append(", ");
            src.append(c.seed()).append("L},");
        }
        src.append("});");
        String where = calls.size() == 1 ? calls.get(0).where() : "one of cases 1 to " + calls.size();
        String signature = method + "(" + java.util.Arrays.stream(first).map(Arg::type).collect(Collectors.joining(", ")) + ")";

        List<SnippetEvent> events = evalTrusted(src.toString(), where, method);
        SnippetEvent event = events.stream().filter(e -> e.causeSnippet() == null).findFirst().orElse(null);
        if (event == null || vmEnded) throw vmEnded(where, method);
        if (event.status() == Snippet.Status.REJECTED) {
            String problem = problems.get(method);
            if (problem != null) throw new GradeFailure(Status.DOES_NOT_COMPILE, problem);
            if (loadProblem != null) throw new GradeFailure(Status.DOES_NOT_COMPILE, loadProblem);
            String diag = js.diagnostics(event.snippet()).filter(Diag::isError).map(d -> d.getMessage(null))
                    .findFirst().orElse("rejected");
            throw new GradeFailure(Status.DOES_NOT_COMPILE, "the grader calls " + signature + " and JShell says: "
                    + firstLine(diag) + ". Keep the stub's name and parameter types.");
        }
        if (event.exception() != null) {
            throw new GradeFailure(Status.ERROR, "the grader could not call " + method + ": " + event.exception());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String one : fetch(event.value(), where, method).split("\\|")) outcomes.add(Outcome.parse(one));
        // a thread left spinning would slow every later exercise: the next one gets a fresh VM
        if (outcomes.stream().anyMatch(o -> !o.threads().isEmpty())) shutDown();
        return outcomes;
    }

    /**
     * The whole answer of a run: JShell cuts a value string near 21,800 characters, so a long answer stays in
     * the probe and comes over in pieces.
     */
    private String fetch(String value, String where, String method) {
        String head = value.substring(1, value.length() - 1); // strip the quotes; the text has no escapes
        int hash = head.indexOf('#');
        int length = Integer.parseInt(head.substring(0, hash));
        StringBuilder all = new StringBuilder(head.substring(hash + 1));
        while (all.length() < length) {
            int to = Math.min(length, all.length() + GradeProbe.CHUNK);
            List<SnippetEvent> piece = evalTrusted("layerwise.grade.GradeProbe.piece(" + all.length() + ", " + to + ")", where, method);
            String v = piece.get(0).value();
            if (v == null || vmEnded) throw vmEnded(where, method);
            all.append(v, 1, v.length() - 1);
        }
        return all.toString();
    }

    /** A call's answer, or the failure it earns (see {@link Outcome#valueOrFailure}). */
    Value valueOrFailure(Outcome outcome, String where, String method) {
        return outcome.valueOrFailure(where, method, problems.get(method), limits);
    }

    /**
     * A refusal the class files cannot show: the method names a class or method declared further down the
     * file (so it was compiled before it, against a placeholder) which the sandbox then refused.
     */
    private Optional<String> refusedDependency(String method) {
        for (String name : unresolved.getOrDefault(method, List.of())) {
            String why = refusedDeclarations.get(name);
            if (why != null) return Optional.of(method + " uses " + name + ", which the grader refused to load: " + why);
        }
        return Optional.empty();
    }

    /** Evaluates one of the grader's own snippets: its classes load unchecked. */
    private List<SnippetEvent> evalTrusted(String source, String where, String method) {
        sealed.trusted(true);
        try {
            return evalWithLimit(source, where, method);
        } finally {
            sealed.trusted(false);
        }
    }

    private List<SnippetEvent> evalWithLimit(String source, String where, String method) {
        Future<List<SnippetEvent>> pending = evaluator.submit(() -> js.eval(source));
        try {
            return pending.get(limits.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            stopOrKill(pending);
            throw new GradeFailure(Status.TIMED_OUT, where + ": " + method + " did not return within "
                    + seconds(limits.timeout()) + " s (the limit per exercise). An endless loop, or a loop that never reaches its end?");
        } catch (ExecutionException e) {
            if (vmEnded || e.getCause() instanceof IllegalStateException) throw vmEnded(where, method);
            throw new GradeFailure(Status.ERROR, where + ": grading " + method + " failed: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GradeFailure(Status.ERROR, "grading was interrupted");
        }
    }

    private static ExecutorService newEvaluator() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "learner-eval");
            t.setDaemon(true);
            return t;
        });
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
    }

    /** Asks JShell to stop the call; a call that catches the stop (or never checks) costs its VM. */
    private void stopOrKill(Future<List<SnippetEvent>> pending) {
        try {
            js.stop();
            pending.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notStopped) {
            killVm();
            try {
                pending.get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception stillWaiting) {
                // the VM could not be killed or JShell did not notice: abandon that thread, evaluate on a new one
                evaluator.shutdownNow();
                evaluator = newEvaluator();
            }
            shutDown();
        }
    }

    private GradeFailure vmEnded(String where, String method) {
        String recent = output.text();
        shutDown();
        if (recent.contains("OutOfMemoryError")) {
            return new GradeFailure(Status.ERROR, where + ": " + method + " ran out of memory (the limit is "
                    + limits.heapMegabytes() + " MB) and took its VM down. Does it allocate without bound?");
        }
        return new GradeFailure(Status.ERROR, where + ": " + method + " ended the grading VM (System.exit, or a crash)."
                + " An exercise returns its answer; it must not call System.exit.");
    }

    /** How often the VM is started again after a declaration hung it while loading, before giving up. */
    private static final int MAX_RESTARTS = 5;

    /** Starts a VM and loads the file when there is none (the first call, or after one ended). */
    private void ensureStarted() {
        for (int attempt = 0; js == null || vmEnded; attempt++) {
            if (attempt > MAX_RESTARTS) {
                throw new GradeFailure(Status.ERROR, file.getFileName() + ": loading the file ended the grading VM "
                        + attempt + " times; nothing more of it can be graded.");
            }
            shutDown();
            vmEnded = false;
            String cp = System.getProperty("java.class.path");
            PrintStream sink = new PrintStream(output, true, StandardCharsets.UTF_8);
            sealed = new SealedExecution();
            js = JShell.builder()
                    .in(new ByteArrayInputStream(new byte[0])).out(sink).err(sink)
                    .executionEngine(sealed, null)
                    .compilerOptions("--class-path", cp)
                    .remoteVMOptions(vmOptions(cp))
                    .build();
            js.onShutdown(j -> vmEnded = true);
            sealed.trusted(true);
            try {
                for (String pkg : ProjectFiles.JSHELL_DEFAULT_PACKAGES) js.eval("import " + pkg + ".*;");
                for (String line : imports) js.eval(line);
            } finally {
                sealed.trusted(false);
            }
            if (!load()) shutDown();
        }
    }

    /**
     * The learner VM's flags: the workbook's own (layerwise.io.JvmFlags), headless, and small and quick to
     * start: its heap limit, a small stack, one GC thread, C1 only (grading calls are short), and the marker
     * by which it is found and killed.
     */
    private String[] vmOptions(String cp) {
        List<String> options = new ArrayList<>(List.of("--class-path", cp, "-Xmx" + limits.heapMegabytes() + "m", "-Xss1m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", JvmFlags.get("headless")));
        options.addAll(JvmFlags.forThisJdk());
        options.add(marker);
        return options.toArray(String[]::new);
    }

    /**
     * Evaluates the file's declarations (imports, methods, classes), snippet by snippet, and remembers what
     * JShell rejected and what the sandbox refused. Variables and statements are not evaluated: they are
     * top-level code that would run while loading. A declaration that does not finish loading in time is
     * recorded and skipped. Returns false when that ended the VM (it is then started again without it).
     */
    private boolean load() {
        problems.clear();
        unresolved.clear();
        refusedDeclarations.clear();
        fileSnippets.clear();
        fileProblem = null;
        loadProblem = null;
        ExerciseText text = ExerciseText.read(file);
        fileProblem = text.problem();
        if (fileProblem != null) return true;
        SnippetSource.Split split = SnippetSource.split(text.text(), js.sourceCodeAnalysis(), SnippetSource.MAX_CHARS,
                limits.timeout().toNanos());
        loadProblem = split.problem().map(p -> file.getFileName() + ": " + p).orElse(null);
        for (SnippetSource s : split.snippets()) {
            if (hung.contains(s.line())) continue;
            List<Snippet> parsed = js.sourceCodeAnalysis().sourceToSnippets(s.text());
            if (parsed.isEmpty() || !isDeclaration(parsed.get(0))) continue;
            String declared = parsed.get(0) instanceof DeclarationSnippet p ? p.name() : "a declaration";
            String at = file.getFileName() + ":" + s.line() + ": ";
            if (declared.equals("layerwise")) {
                problems.put(declared, at + "the name layerwise is taken by the workbook's packages; rename it.");
                continue;
            }
            List<SnippetEvent> events;
            int mark = sealed.refusals();
            try {
                events = evalWithLimit(s.text(), at.substring(0, at.length() - 2), "a declaration");
            } catch (GradeFailure f) {
                hung.add(s.line());
                problems.put(declared, at + declared + " did not finish loading (" + f.getMessage()
                        + "); it was skipped. A static initializer that never ends?");
                if (js == null || vmEnded) return false;
                continue;
            }
            for (SnippetEvent e : events) {
                if (e.causeSnippet() != null || !(e.snippet() instanceof DeclarationSnippet d)) continue;
                fileSnippets.add(d);
                String problem = switch (e.status()) {
                    case REJECTED -> js.diagnostics(d).filter(Diag::isError).map(x -> firstLine(x.getMessage(null)))
                            .findFirst().orElse("does not compile");
                    case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> "cannot find symbol "
                            + js.unresolvedDependencies(d).collect(Collectors.joining(", "));
                    default -> null;
                };
                String name = declared.equals("a declaration") ? d.name() : declared;
                if (problem != null) problems.put(name, at + name + " does not compile: " + problem);
                if (e.status() == Snippet.Status.RECOVERABLE_DEFINED || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    unresolved.put(name, js.unresolvedDependencies(d).map(u -> u.replaceFirst("^\\w+ ", "")).toList());
                }
            }
            String name = declared;
            sealed.refusedSince(mark).ifPresent(why -> refusedDeclarations.put(name, why));
        }
        return true;
    }

    private static boolean isDeclaration(Snippet s) {
        return switch (s.kind()) {
            case IMPORT, METHOD, TYPE_DECL -> true;
            default -> s.kind() == Snippet.Kind.ERRONEOUS;
        };
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Kills this learner's VM (and only it: found by the marker on its command line), with anything it started. */
    private void killVm() {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> java.util.Arrays.asList(a).contains(marker)).orElse(false))
                .forEach(vm -> {
                    vm.descendants().forEach(ProcessHandle::destroyForcibly);
                    vm.destroyForcibly();
                });
        vmEnded = true;
    }

    private void shutDown() {
        if (js == null) return;
        JShell closing = js;
        js = null;
        // close() waits for the VM to answer; one that is wedged is killed instead
        Thread closer = new Thread(closing::close, "learner-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(STOP_GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) killVm();
    }

    @Override
    public void close() {
        shutDown();
        killVm();
        evaluator.shutdownNow();
    }
}
