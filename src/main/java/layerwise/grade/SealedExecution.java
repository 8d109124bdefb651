package layerwise.grade;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.execution.JdiExecutionControlProvider;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's usual engine (snippets run in a second JVM over JDI) with one change: every class a learner's
 * snippet compiles to passes through here before that JVM loads it, and a class that uses anything
 * {@link Sandbox} does not allow is not loaded at all. The grader's own snippets (which call the learner's
 * methods and report back) are loaded unchecked while {@link #trusted} is on.
 *
 * <p>JShell itself takes a refused class quietly (the snippet still looks defined; calling it would throw
 * NoClassDefFoundError), so this class remembers every refusal, and {@link #refusal} tells the grader, before
 * an exercise runs, whether its method or anything it calls was refused, or uses more than the exercise allows.
 */
final class SealedExecution implements ExecutionControlProvider {
    private final JdiExecutionControlProvider jdi = new JdiExecutionControlProvider();
    /** Every class seen, by internal name: the latest bytes' references. */
    private final Map<String, ClassRefs> seen = new HashMap<>();
    /** When each class was last seen (load or redefine), to find the newest definition of a method. */
    private final Map<String, Long> seenAt = new HashMap<>();
    /** Classes that were not loaded (or not redefined), with the reason. */
    private final Map<String, String> refused = new HashMap<>();
    /** Every refusal's reason, in order. */
    private final java.util.List<String> log = new java.util.ArrayList<>();
    private long clock;
    private volatile boolean trusted;

    /** While on, classes load unchecked: only the grader's own snippets are evaluated then. */
    void trusted(boolean on) {
        trusted = on;
    }

    @Override
    public String name() {
        return "layerwise-sealed";
    }

    @Override
    public Map<String, String> defaultParameters() {
        return jdi.defaultParameters();
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        return new Control(jdi.generate(env, parameters));
    }

    /**
     * Why the exercise whose answer is {@code method} cannot be graded, if it cannot: the method, or a method,
     * class or lambda of the learner's that it reaches, was refused, or uses something {@code allow} does not
     * permit. Empty when the method was never defined (the grader then reports it as missing).
     */
    synchronized Optional<String> refusal(String method, Allow allow) {
        String start = null;
        for (Map.Entry<String, ClassRefs> e : seen.entrySet()) {
            if (!e.getValue().declaredMethods().contains(method)) continue;
            if (start == null || seenAt.get(e.getKey()) > seenAt.get(start)) start = e.getKey();
        }
        if (start == null) return Optional.empty();
        Deque<String> todo = new ArrayDeque<>(Set.of(start));
        Set<String> reached = new HashSet<>();
        while (!todo.isEmpty()) {
            String c = todo.pop();
            if (!reached.add(c)) continue;
            if (refused.containsKey(c)) return Optional.of(method + " uses code the grader refused to load: " + refused.get(c));
            ClassRefs refs = seen.get(c);
            if (refs == null) continue;
            Optional<String> beyond = Sandbox.beyond(refs, allow);
            if (beyond.isPresent()) {
                return Optional.of(method + " uses " + beyond.get() + ", which this exercise does not allow: it asks for "
                        + allow.rule() + ".");
            }
            for (String other : refs.classes()) if (Sandbox.isSnippetClass(other)) todo.push(other);
        }
        return Optional.empty();
    }

    /** How many classes were refused so far: a mark for {@link #refusedSince}. */
    synchronized int refusals() {
        return log.size();
    }

    /** The reason of the first refusal after {@code mark}, if there was one. */
    synchronized Optional<String> refusedSince(int mark) {
        return log.size() > mark ? Optional.of(log.get(mark)) : Optional.empty();
    }

    /**
     * Checks a batch of classes (a snippet's wrapper and the classes declared in it) and records what it saw;
     * returns which of them may be installed. A refused class is left out alone: the rest of its snippet (for a
     * class declaration, an empty wrapper) still loads, so JShell goes on to update the snippets that use it,
     * whose new code then names the refused class, which {@link #refusal} follows.
     */
    private synchronized boolean[] check(ExecutionControl.ClassBytecodes[] classes) {
        boolean[] ok = new boolean[classes.length];
        long now = ++clock;
        for (int i = 0; i < classes.length; i++) {
            String name = classes[i].name().replace('.', '/');
            ClassRefs refs;
            try {
                refs = ClassRefs.read(classes[i].bytecodes());
            } catch (IllegalArgumentException e) {
                refused.put(name, e.getMessage());
                log.add(e.getMessage());
                continue;
            }
            seen.put(name, refs);
            seenAt.put(name, now);
            Optional<String> why = Sandbox.refusal(refs);
            if (why.isPresent()) {
                refused.put(name, why.get());
                log.add(why.get());
            } else {
                refused.remove(name);
            }
            ok[i] = why.isEmpty();
        }
        return ok;
    }

    /** The classes whose flag is set. */
    private static ExecutionControl.ClassBytecodes[] only(ExecutionControl.ClassBytecodes[] classes, boolean[] ok) {
        java.util.List<ExecutionControl.ClassBytecodes> kept = new java.util.ArrayList<>();
        for (int i = 0; i < classes.length; i++) if (ok[i]) kept.add(classes[i]);
        return kept.toArray(ExecutionControl.ClassBytecodes[]::new);
    }

    private static boolean all(boolean[] ok) {
        for (boolean b : ok) if (!b) return false;
        return true;
    }

    /** The JDI engine's control, with {@link #check} before every load and redefinition. */
    private final class Control extends ForwardingExecutionControl {
        Control(ExecutionControl engine) {
            super(engine);
        }

        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            install(classes, false);
        }

        @Override
        public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            install(classes, true);
        }

        private void install(ClassBytecodes[] classes, boolean redefine)
                throws ClassInstallException, NotImplementedException, EngineTerminationException {
            boolean[] ok = trusted ? null : check(classes);
            if (ok == null || all(ok)) {
                if (redefine) engine.redefine(classes);
                else engine.load(classes);
                return;
            }
            ClassBytecodes[] allowed = only(classes, ok);
            if (allowed.length > 0) {
                if (redefine) engine.redefine(allowed);
                else engine.load(allowed);
            }
            throw new ClassInstallException("refused by the grader's sandbox", ok);
        }

        @Override
        public void addToClasspath(String path) throws InternalException {
            throw new InternalException("the grader's class path cannot be changed");
        }
    }
}
