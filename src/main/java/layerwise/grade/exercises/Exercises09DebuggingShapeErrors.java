package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import layerwise.grade.Allow;
import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import layerwise.nn.RNN;
import layerwise.nn.RNNBase;
import layerwise.nn.RNNOutput;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code 09-debugging-shape-errors.jsh}: each exercise repairs a mis-shaped input the way lesson 09's
 * fix says. The expected tensors are built here with plain index loops (and, for h_n, read from the
 * library's bidirectional RNN output), on random shapes, so reshaping to the right shape is not enough.
 */
@ExerciseFile("09-debugging-shape-errors.jsh")
@ExtendWith(GradingExtension.class)
class Exercises09DebuggingShapeErrors {

    @Test
    @Exercise(id = "9.1", points = 2, allows = Allow.TENSOR_OPS)
    @DisplayName("9.1 Channels last to channels first")
    void channelsFirst(Learner learner, Cases cases) {
        learner.check("channelsFirst", cases, (i, calls) -> {
            int n = cases.between(1, 3), h = cases.between(2, 6), w = cases.between(2, 6), c = cases.between(2, 4);
            float[] x = cases.floats(n * h * w * c);
            float[] expected = new float[x.length];
            for (int b = 0; b < n; b++)
                for (int ch = 0; ch < c; ch++)
                    for (int r = 0; r < h; r++)
                        for (int q = 0; q < w; q++) expected[((b * c + ch) * h + r) * w + q] = x[((b * h + r) * w + q) * c + ch];
            String where = cases.next("x", shape(n, h, w, c));
            calls.add(where, got -> Expect.floats(where, shape(n, c, h, w), expected, got), Arg.tensor(x, n, h, w, c));
        });
    }

    @Test
    @Exercise(id = "9.2", points = 2, cases = 4, allows = Allow.TENSOR_OPS)
    @DisplayName("9.2 One image, or one grey image, as a batch")
    void asBatch(Learner learner, Cases cases) {
        learner.check("asBatch", cases, (i, calls) -> {
            boolean grey = i % 2 == 1;
            int c = grey ? 1 : cases.between(2, 4), h = cases.between(2, 7), w = cases.between(2, 7);
            float[] x = cases.floats(c * h * w);
            // the values stay in order: only the dims of size 1 are new
            int[] given = grey ? shape(h, w) : shape(c, h, w);
            String where = cases.next("image", given);
            calls.add(where, got -> Expect.floats(where, shape(1, c, h, w), x, got), Arg.tensor(x, given));
        });
    }

    @Test
    @Exercise(id = "9.3", points = 2, allows = Allow.TENSOR_OPS)
    @DisplayName("9.3 The two directions of a bidirectional h_n, side by side")
    void bothDirections(Learner learner, Cases cases) {
        learner.check("bothDirections", cases, (i, calls) -> {
            int layers = i == 0 ? 2 : cases.between(1, 3), steps = cases.between(2, 5), batch = cases.between(1, 4);
            int in = cases.between(2, 5), hidden = cases.between(2, 5);
            Tensor.manualSeed(cases.seed());
            RNN rnn = new RNN(in, hidden, RNNBase.options().numLayers(layers).bidirectional(true));
            RNNOutput run = rnn.forward(Tensor.of(cases.floats(steps * batch * in), steps, batch, in));
            // the last layer's forward state is its output at the last step, the reverse state its output at step 0
            float[] expected = new float[batch * 2 * hidden];
            for (int b = 0; b < batch; b++)
                for (int j = 0; j < hidden; j++) {
                    expected[b * 2 * hidden + j] = run.output().get(steps - 1, b, j);
                    expected[b * 2 * hidden + hidden + j] = run.output().get(0, b, hidden + j);
                }
            String where = cases.next("h_n", run.hN().shape(), "num_layers", layers);
            calls.add(where, got -> Expect.floats(where, shape(batch, 2 * hidden), expected, got),
                    Arg.tensor(run.hN().toFloatArray(), run.hN().shape()));
        });
    }

    @Test
    @Exercise(id = "9.4", points = 2, allows = Allow.TENSOR_OPS)
    @DisplayName("9.4 A weight written as (in, out), made Linear's")
    void weightFromInOut(Learner learner, Cases cases) {
        learner.check("linearWeightFrom", cases, (i, calls) -> {
            int in = cases.between(2, 9), out = cases.between(2, 9);
            if (in == out) in++; // a square weight would hide a missing transpose in the shape
            float[] w = cases.floats(in * out);
            float[] expected = new float[w.length];
            for (int o = 0; o < out; o++)
                for (int j = 0; j < in; j++) expected[o * in + j] = w[j * out + o];
            String where = cases.next("w", shape(in, out));
            int rows = out, cols = in;
            calls.add(where, got -> Expect.floats(where, shape(rows, cols), expected, got), Arg.tensor(w, in, out));
        });
    }
}
