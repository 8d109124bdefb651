package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import layerwise.nn.RNN;
import layerwise.nn.RNNBase;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code 07-rnn.jsh}: parameter shapes, one step (against a tensor-op reference written here), the
 * unrolled loop (against the library's {@link RNN}), the parameter count and the shape of h_n.
 */
@ExerciseFile("07-rnn.jsh")
@ExtendWith(GradingExtension.class)
class Exercises07Rnn {
    private static final String[] NAMES = {"weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"};

    @Test
    @Exercise(id = "7.1", points = 2, cases = 4)
    @DisplayName("7.1 The shapes of an RNN's weights and biases")
    void parameterShapes(Learner learner, Cases cases) {
        learner.check("rnnParameterShape", cases, (i, calls) -> {
            int in = cases.between(1, 32), hidden = cases.between(1, 32);
            if (in == hidden) in++; // square weights would hide swapped dims
            String where = cases.next("RNN", "(" + in + ", " + hidden + ")", "parameter", NAMES[i]);
            int[] expected = new RNN(in, hidden).getParameter(NAMES[i]).shape();
            calls.add(where, got -> Expect.ints(where, expected, got), Arg.of(NAMES[i]), Arg.of(in), Arg.of(hidden));
        });
    }

    @Test
    @Exercise(id = "7.2", points = 3)
    @DisplayName("7.2 One RNN step")
    void step(Learner learner, Cases cases) {
        learner.check("rnnStep", cases, (i, calls) -> {
            int in = cases.between(2, 8), hidden = cases.between(2, 8);
            if (in == hidden) in++;
            float[] x = cases.floats(in), h = cases.floats(hidden), wIh = cases.floats(hidden * in), wHh = cases.floats(hidden * hidden);
            float[] bIh = cases.floats(hidden), bHh = cases.floats(hidden);
            String where = cases.next("x", shape(in), "h", shape(hidden), "weight_ih", shape(hidden, in), "weight_hh", shape(hidden, hidden));
            // h' = tanh(W_ih x + b_ih + W_hh h + b_hh)
            Tensor expected = Tensor.of(wIh, hidden, in).matmul(Tensor.of(x, in)).add(Tensor.of(bIh, hidden))
                    .add(Tensor.of(wHh, hidden, hidden).matmul(Tensor.of(h, hidden))).add(Tensor.of(bHh, hidden)).tanh();
            calls.add(where, got -> Expect.floats(where, shape(hidden), expected.toFloatArray(), got),
                    Arg.of(x, in), Arg.of(h, hidden), Arg.of(wIh, hidden, in), Arg.of(wHh, hidden, hidden),
                    Arg.of(bIh, hidden), Arg.of(bHh, hidden), Arg.of(in), Arg.of(hidden));
        });
    }

    @Test
    @Exercise(id = "7.3", points = 3)
    @DisplayName("7.3 The unrolled loop over a sequence")
    void sequence(Learner learner, Cases cases) {
        learner.check("rnnForward", cases, (i, calls) -> {
            int steps = cases.between(2, 6), in = cases.between(2, 6), hidden = cases.between(2, 6);
            float[] xs = cases.floats(steps * in), h0 = cases.floats(hidden), wIh = cases.floats(hidden * in);
            float[] wHh = cases.floats(hidden * hidden), bIh = cases.floats(hidden), bHh = cases.floats(hidden);
            String where = cases.next("xs", shape(steps, in), "h0", shape(hidden), "weight_ih", shape(hidden, in), "weight_hh", shape(hidden, hidden));
            RNN rnn = new RNN(in, hidden);
            try (var noGrad = Autograd.noGrad()) {
                rnn.getParameter("weight_ih_l0").copy_(Tensor.of(wIh, hidden, in));
                rnn.getParameter("weight_hh_l0").copy_(Tensor.of(wHh, hidden, hidden));
                rnn.getParameter("bias_ih_l0").copy_(Tensor.of(bIh, hidden));
                rnn.getParameter("bias_hh_l0").copy_(Tensor.of(bHh, hidden));
            }
            float[] expected = rnn.forward(Tensor.of(xs, steps, 1, in), Tensor.of(h0, 1, 1, hidden)).output().toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(steps, hidden), expected, got),
                    Arg.of(xs, steps, in), Arg.of(h0, hidden), Arg.of(wIh, hidden, in), Arg.of(wHh, hidden, hidden),
                    Arg.of(bIh, hidden), Arg.of(bHh, hidden), Arg.of(steps), Arg.of(in), Arg.of(hidden));
        });
    }

    @Test
    @Exercise(id = "7.4", points = 2, cases = 4)
    @DisplayName("7.4 The parameter count of a whole RNN layer")
    void parameterCount(Learner learner, Cases cases) {
        learner.check("rnnParameterCount", cases, (i, calls) -> {
            int in = cases.between(1, 64), hidden = cases.between(1, 64), layers = i == 0 ? 1 : cases.between(1, 3);
            boolean bidirectional = i >= 2;
            String where = cases.next("RNN", "(" + in + ", " + hidden + ", num_layers=" + layers + ", bidirectional=" + bidirectional + ")");
            long expected = new RNN(in, hidden, RNNBase.options().numLayers(layers).bidirectional(bidirectional)).numParameters();
            calls.add(where, got -> Expect.number(where, expected, got),
                    Arg.of(in), Arg.of(hidden), Arg.of(layers), Arg.of(bidirectional));
        });
    }

    @Test
    @Exercise(id = "7.5", points = 1)
    @DisplayName("7.5 The shape of h_n")
    void hiddenShape(Learner learner, Cases cases) {
        learner.check("hiddenStateShape", cases, (i, calls) -> {
            int layers = cases.between(1, 3), batch = cases.between(1, 5), hidden = cases.between(1, 8);
            boolean bidirectional = i != 0;
            String where = cases.next("num_layers", layers, "bidirectional", bidirectional, "batch", batch, "hidden_size", hidden);
            RNN rnn = new RNN(2, hidden, RNNBase.options().numLayers(layers).bidirectional(bidirectional));
            int[] expected = rnn.forward(Tensor.zeros(1, batch, 2)).hN().shape();
            calls.add(where, got -> Expect.ints(where, expected, got),
                    Arg.of(layers), Arg.of(bidirectional), Arg.of(batch), Arg.of(hidden));
        });
    }
}
