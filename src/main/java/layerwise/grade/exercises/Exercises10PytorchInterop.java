package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import layerwise.grade.Allow;
import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import layerwise.nn.LSTM;
import layerwise.nn.Linear;
import layerwise.nn.RNNBase;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code 10-pytorch-interop.jsh}: an LSTM's state-dict shapes by key (against the library's LSTM), the
 * float32 little-endian values of a safetensors byte range (against {@link ByteBuffer}), a Linear's bias after
 * a seed (against the library's default init after the same seed) and the parity tolerance (the formula).
 */
@ExerciseFile("10-pytorch-interop.jsh")
@ExtendWith(GradingExtension.class)
class Exercises10PytorchInterop {
    private static final String[] KINDS = {"weight_ih", "weight_hh", "bias_ih", "bias_hh"};

    @Test
    @Exercise(id = "10.1", points = 2, cases = 6)
    @DisplayName("10.1 The shape of an LSTM's state-dict entry, by key")
    void lstmShapes(Learner learner, Cases cases) {
        learner.check("lstmParameterShape", cases, (i, calls) -> {
            int in = cases.between(1, 32), hidden = cases.between(1, 32);
            if (in == hidden || in == 2 * hidden) in++; // square weights would hide swapped dims
            // the later cases are deep and bidirectional: layer 1 reads both directions of layer 0
            int layers = i < 2 ? 1 : cases.between(2, 3);
            boolean bidirectional = i >= 1;
            int layer = i < 2 ? 0 : cases.between(1, layers - 1);
            String key = KINDS[i % 4] + "_l" + layer + (bidirectional && cases.coin() ? "_reverse" : "");
            int[] expected = new LSTM(in, hidden, RNNBase.options().numLayers(layers).bidirectional(bidirectional)).getParameter(key).shape();
            String where = cases.next("LSTM", "(" + in + ", " + hidden + ", num_layers=" + layers + ", bidirectional=" + bidirectional + ")", "key", key);
            calls.add(where, got -> Expect.ints(where, expected, got),
                    Arg.of(key), Arg.of(in), Arg.of(hidden), Arg.of(layers), Arg.of(bidirectional));
        });
    }

    @Test
    @Exercise(id = "10.2", points = 2)
    @DisplayName("10.2 Float32 values from a safetensors byte range")
    void littleEndian(Learner learner, Cases cases) {
        learner.check("readF32", cases, (i, calls) -> {
            // three tensors back to back, as in a file's data section; the learner reads the middle one
            int before = cases.between(0, 6), count = cases.between(2, 12), after = cases.between(0, 6);
            float[] values = cases.floats(before + count + after);
            ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float v : values) data.putFloat(v * 100); // beyond [-1, 1), so the exponent bytes vary too
            float[] expected = new float[count];
            for (int j = 0; j < count; j++) expected[j] = data.getFloat(4 * (before + j));
            int begin = 4 * before, end = 4 * (before + count);
            String where = cases.next("data", "byte[" + data.capacity() + "]", "data_offsets", "[" + begin + ", " + end + "]");
            calls.add(where, got -> Expect.floats(where, shape(count), expected, got), Arg.of(data.array()), Arg.of(begin), Arg.of(end));
        });
    }

    @Test
    @Exercise(id = "10.3", points = 3, allows = Allow.TENSOR_OPS)
    @DisplayName("10.3 The bias of Linear(in, out) after a seed, as PyTorch draws it")
    void biasAfterSeed(Learner learner, Cases cases) {
        learner.check("linearBiasAfterSeed", cases, (i, calls) -> {
            int in = cases.between(1, 12), out = cases.between(1, 8);
            long seed = cases.seed();
            Tensor.manualSeed(seed);
            float[] expected = new Linear(in, out).bias.toFloatArray();
            String where = cases.next("Linear", "(" + in + ", " + out + ")", "seed", seed);
            calls.addAfterSeed(seed, where, got -> Expect.floats(where, shape(out), expected, got), Arg.of(in), Arg.of(out));
        });
    }

    @Test
    @Exercise(id = "10.4", points = 2, cases = 6)
    @DisplayName("10.4 The parity check: within 1e-5 + 1e-4·|expected|")
    void parity(Learner learner, Cases cases) {
        learner.check("parityPasses", cases, (i, calls) -> {
            int n = cases.between(3, 12);
            // large values in half the cases: there the relative part of the tolerance is what lets them pass
            double scale = i % 2 == 0 ? 1 : 1000;
            float[] theirs = cases.floats(n), ours = new float[n];
            for (int j = 0; j < n; j++) {
                theirs[j] *= (float) scale;
                ours[j] = theirs[j] + (float) (0.3 * tolerance(theirs[j]) * (cases.coin() ? 1 : -1));
            }
            if (i % 3 != 0) { // one value off by three times its tolerance
                int j = cases.between(0, n - 1);
                ours[j] = theirs[j] + (float) (3 * tolerance(theirs[j]) * (cases.coin() ? 1 : -1));
            }
            boolean expected = true;
            for (int j = 0; j < n; j++) expected &= Math.abs((double) ours[j] - theirs[j]) <= tolerance(theirs[j]);
            boolean verdict = expected;
            String where = cases.next("ours", shape(n), "theirs", shape(n), "|theirs| below", scale);
            calls.add(where, got -> Expect.bool(where, verdict, got), Arg.of(ours, n), Arg.of(theirs, n));
        });
    }

    /** parity's tolerance for one expected value. */
    private static double tolerance(float expected) {
        return 1e-5 + 1e-4 * Math.abs(expected);
    }
}
