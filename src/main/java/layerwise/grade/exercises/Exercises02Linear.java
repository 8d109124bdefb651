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
import layerwise.nn.Linear;
import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grades {@code 02-linear.jsh}: parameter shapes, the forward as loops and as one matmul, the parameter count. */
@ExerciseFile("02-linear.jsh")
@ExtendWith(GradingExtension.class)
class Exercises02Linear {

    @Test
    @Exercise(id = "2.1", points = 1)
    @DisplayName("2.1 The weight shape of Linear(in, out)")
    void weightShape(Learner learner, Cases cases) {
        learner.check("linearWeightShape", cases, (i, calls) -> {
            int in = i == 0 ? 20 : cases.between(1, 64), out = i == 0 ? 8 : cases.between(1, 64);
            String where = cases.next("Linear", "(" + in + ", " + out + ")");
            calls.add(where, got -> Expect.ints(where, new Linear(in, out).weight.shape(), got),
                    Arg.of(in), Arg.of(out));
        });
    }

    @Test
    @Exercise(id = "2.2", points = 1)
    @DisplayName("2.2 The bias shape of Linear(in, out)")
    void biasShape(Learner learner, Cases cases) {
        learner.check("linearBiasShape", cases, (i, calls) -> {
            int in = i == 0 ? 20 : cases.between(1, 64), out = i == 0 ? 8 : cases.between(1, 64);
            String where = cases.next("Linear", "(" + in + ", " + out + ")");
            calls.add(where, got -> Expect.ints(where, new Linear(in, out).bias.shape(), got), Arg.of(in), Arg.of(out));
        });
    }

    @Test
    @Exercise(id = "2.3", points = 3)
    @DisplayName("2.3 Linear forward as loops")
    void forwardLoops(Learner learner, Cases cases) {
        learner.check("linearLoops", cases, (i, calls) -> {
            int batch = cases.between(1, 4), in = cases.between(2, 12), out = cases.between(2, 10);
            if (in == out) in++; // a square weight would hide a transposed one's shape
            float[] x = cases.floats(batch * in), w = cases.floats(out * in), b = cases.floats(out);
            String where = cases.next("x", shape(batch, in), "weight", shape(out, in), "bias", shape(out));
            float[] expected = Functional.linear(Tensor.of(x, batch, in), Tensor.of(w, out, in), Tensor.of(b, out)).toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(batch, out), expected, got),
                    Arg.of(x, batch, in), Arg.of(w, out, in), Arg.of(b, out), Arg.of(batch), Arg.of(in), Arg.of(out));
        });
    }

    @Test
    @Exercise(id = "2.4", points = 2, allows = Allow.TENSOR_OPS)
    @DisplayName("2.4 Linear forward as one matmul, any leading dims")
    void forwardMatmul(Learner learner, Cases cases) {
        learner.check("linearMatmul", cases, (i, calls) -> {
            int in = cases.between(2, 12), out = cases.between(2, 10);
            int[] xShape = i == 0 ? shape(cases.between(1, 4), in) : i == 1 ? shape(in) : shape(2, cases.between(1, 3), in);
            Tensor x = Tensor.of(cases.floats(Tensor.zeros(xShape).numel()), xShape);
            float[] w = cases.floats(out * in), b = cases.floats(out);
            String where = cases.next("x", xShape, "weight", shape(out, in), "bias", shape(out));
            Tensor expected = Functional.linear(x, Tensor.of(w, out, in), Tensor.of(b, out));
            calls.add(where, got -> Expect.floats(where, expected.shape(), expected.toFloatArray(), got),
                    Arg.tensor(x.toFloatArray(), xShape), Arg.tensor(w, out, in), Arg.tensor(b, out));
        });
    }

    @Test
    @Exercise(id = "2.5", points = 1)
    @DisplayName("2.5 The parameter count of Linear(in, out, bias)")
    void parameterCount(Learner learner, Cases cases) {
        learner.check("linearParameterCount", cases, (i, calls) -> {
            int in = cases.between(1, 512), out = cases.between(1, 512);
            boolean bias = i != 1;
            String where = cases.next("Linear", "(" + in + ", " + out + ", bias=" + bias + ")");
            calls.add(where, got -> Expect.number(where, new Linear(in, out, bias).numParameters(), got),
                    Arg.of(in), Arg.of(out), Arg.of(bias));
        });
    }
}
