package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import layerwise.nn.GRU;
import layerwise.nn.LSTM;
import layerwise.nn.RNNBase;
import layerwise.nn.RNNOutput;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grades {@code 08-lstm-and-gru.jsh}: the stacked gates, one LSTM step, one GRU step, the LSTM's parameter count. */
@ExerciseFile("08-lstm-and-gru.jsh")
@ExtendWith(GradingExtension.class)
class Exercises08LstmAndGru {

    /** One step's random weights, loaded into a layer of the library as its layer-0 parameters. */
    private record Weights(int in, int hidden, int gates, float[] x, float[] h, float[] c, float[] wIh, float[] wHh, float[] bIh, float[] bHh) {
        static Weights draw(Cases cases, int gates) {
            int in = cases.between(2, 7), hidden = cases.between(2, 6);
            if (in == hidden) in++;
            int g = gates * hidden;
            return new Weights(in, hidden, gates, cases.floats(in), cases.floats(hidden), cases.floats(hidden),
                    cases.floats(g * in), cases.floats(g * hidden), cases.floats(g), cases.floats(g));
        }

        <T extends RNNBase> T load(T layer) {
            int g = gates * hidden;
            try (var noGrad = Autograd.noGrad()) {
                layer.getParameter("weight_ih_l0").copy_(Tensor.of(wIh, g, in));
                layer.getParameter("weight_hh_l0").copy_(Tensor.of(wHh, g, hidden));
                layer.getParameter("bias_ih_l0").copy_(Tensor.of(bIh, g));
                layer.getParameter("bias_hh_l0").copy_(Tensor.of(bHh, g));
            }
            return layer;
        }

        String describe(Cases cases) {
            int g = gates * hidden;
            return cases.next("x", shape(in), "h", shape(hidden), "weight_ih", shape(g, in), "weight_hh", shape(g, hidden));
        }

        Arg[] args(boolean withCell) {
            int g = gates * hidden;
            Arg[] weights = {Arg.of(wIh, g, in), Arg.of(wHh, g, hidden), Arg.of(bIh, g), Arg.of(bHh, g), Arg.of(in), Arg.of(hidden)};
            Arg[] states = withCell ? new Arg[] {Arg.of(x, in), Arg.of(h, hidden), Arg.of(c, hidden)} : new Arg[] {Arg.of(x, in), Arg.of(h, hidden)};
            Arg[] all = new Arg[states.length + weights.length];
            System.arraycopy(states, 0, all, 0, states.length);
            System.arraycopy(weights, 0, all, states.length, weights.length);
            return all;
        }
    }

    @Test
    @Exercise(id = "8.1", points = 1)
    @DisplayName("8.1 The shape of an LSTM's weight_ih_l0")
    void weightShape(Learner learner, Cases cases) {
        learner.check("lstmWeightIhShape", cases, (i, calls) -> {
            int in = cases.between(1, 32), hidden = cases.between(1, 32);
            String where = cases.next("LSTM", "(" + in + ", " + hidden + ")");
            calls.add(where, got -> Expect.ints(where, new LSTM(in, hidden).getParameter("weight_ih_l0").shape(), got),
                    Arg.of(in), Arg.of(hidden));
        });
    }

    @Test
    @Exercise(id = "8.2", points = 2)
    @DisplayName("8.2 The forget gate's rows of weight_ih")
    void forgetGate(Learner learner, Cases cases) {
        learner.check("forgetGateWeights", cases, (i, calls) -> {
            int in = cases.between(1, 6), hidden = cases.between(1, 5);
            float[] w = cases.floats(4 * hidden * in);
            String where = cases.next("weight_ih", shape(4 * hidden, in));
            float[] expected = Tensor.of(w, 4 * hidden, in).chunk(4, 0).get(1).toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(hidden, in), expected, got),
                    Arg.of(w, 4 * hidden, in), Arg.of(in), Arg.of(hidden));
        });
    }

    @Test
    @Exercise(id = "8.3", points = 4)
    @DisplayName("8.3 One LSTM step, gates in the order i|f|g|o")
    void lstmStep(Learner learner, Cases cases) {
        learner.check("lstmStep", cases, (i, calls) -> {
            Weights w = Weights.draw(cases, 4);
            String where = w.describe(cases);
            RNNOutput out = w.load(new LSTM(w.in(), w.hidden())).forward(Tensor.of(w.x(), 1, 1, w.in()),
                    Tensor.of(w.h(), 1, 1, w.hidden()), Tensor.of(w.c(), 1, 1, w.hidden()));
            float[] expected = Tensor.cat(out.hN().flatten(), out.cN().flatten()).toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(2 * w.hidden()), expected, got), w.args(true));
        });
    }

    @Test
    @Exercise(id = "8.4", points = 4)
    @DisplayName("8.4 One GRU step, with b_hn inside the reset product")
    void gruStep(Learner learner, Cases cases) {
        learner.check("gruStep", cases, (i, calls) -> {
            Weights w = Weights.draw(cases, 3);
            String where = w.describe(cases);
            RNNOutput out = w.load(new GRU(w.in(), w.hidden())).forward(Tensor.of(w.x(), 1, 1, w.in()), Tensor.of(w.h(), 1, 1, w.hidden()));
            calls.add(where, got -> Expect.floats(where, shape(w.hidden()), out.hN().toFloatArray(), got),
                    w.args(false));
        });
    }

    @Test
    @Exercise(id = "8.5", points = 2, cases = 4)
    @DisplayName("8.5 The parameter count of a whole LSTM layer")
    void parameterCount(Learner learner, Cases cases) {
        learner.check("lstmParameterCount", cases, (i, calls) -> {
            int in = cases.between(1, 64), hidden = cases.between(1, 64), layers = i == 0 ? 1 : cases.between(1, 3);
            boolean bidirectional = i >= 2;
            String where = cases.next("LSTM", "(" + in + ", " + hidden + ", num_layers=" + layers + ", bidirectional=" + bidirectional + ")");
            long expected = new LSTM(in, hidden, RNNBase.options().numLayers(layers).bidirectional(bidirectional)).numParameters();
            calls.add(where, got -> Expect.number(where, expected, got),
                    Arg.of(in), Arg.of(hidden), Arg.of(layers), Arg.of(bidirectional));
        });
    }
}
