package layerwise.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cases of one exercise: each call's arguments and the check of its answer. {@link #check()} runs them
 * all in the learner's VM in one go (one snippet, one time limit for the exercise), then checks the answers
 * in order, so the first failing case is the one reported.
 * <pre>
 * Calls calls = learner.calls("linearLoops");
 * for (...) calls.add(where, got -&gt; Expect.floats(where, shape, expected, got), Arg.of(x, batch, in), ...);
 * calls.check();
 * </pre>
 */
public final class Calls {
    /** One call: its label, its arguments, the seed to set first (or -1), and what its answer must satisfy. */
    record Call(String where, Arg[] args, long seed, Consumer<Value> check) {
    }

    private final Learner learner;
    private final String method;
    private final List<Call> calls = new ArrayList<>();

    Calls(Learner learner, String method) {
        this.learner = learner;
        this.method = method;
    }

    public Calls add(String where, Consumer<Value> check, Arg... args) {
        calls.add(new Call(where, args, -1, check));
        return this;
    }

    /**
     * A call made after {@code Tensor.manualSeed(seed)} in the learner's VM, for an exercise that draws random
     * numbers and is compared with the library drawing after the same seed.
     */
    public Calls addAfterSeed(long seed, String where, Consumer<Value> check, Arg... args) {
        if (seed < 0) throw new IllegalArgumentException("seeds are not negative, got " + seed);
        calls.add(new Call(where, args, seed, check));
        return this;
    }

    /** Runs every call, then fails with the first case that did not come back right. */
    public void check() {
        List<Outcome> outcomes = learner.run(method, calls);
        for (int i = 0; i < calls.size(); i++) {
            Call call = calls.get(i);
            call.check().accept(learner.valueOrFailure(outcomes.get(i), call.where(), method));
        }
    }
}
