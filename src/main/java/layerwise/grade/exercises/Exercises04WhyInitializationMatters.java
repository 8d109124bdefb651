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
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grades {@code 04-why-initialization-matters.jsh}: the variance rule and activation statistics through depth. */
@ExerciseFile("04-why-initialization-matters.jsh")
@ExtendWith(GradingExtension.class)
class Exercises04WhyInitializationMatters {

    @Test
    @Exercise(id = "4.1", points = 1)
    @DisplayName("4.1 The variance rule of one layer")
    void varianceRule(Learner learner, Cases cases) {
        learner.check("outputVariance", cases, (i, calls) -> {
            int fanIn = cases.between(1, 1024);
            double varW = cases.uniform(0.001, 2), varX = cases.uniform(0.1, 4);
            String where = cases.next("fan_in", fanIn, "Var(w)", varW, "Var(x)", varX);
            calls.add(where, got -> Expect.number(where, fanIn * varW * varX, got),
                    Arg.of(fanIn), Arg.of(varW), Arg.of(varX));
        });
    }

    @Test
    @Exercise(id = "4.2", points = 1)
    @DisplayName("4.2 The std of xavier_normal_")
    void xavierNormalStd(Learner learner, Cases cases) {
        learner.check("xavierNormalStd", cases, (i, calls) -> {
            int fanIn = cases.between(1, 1024), fanOut = cases.between(1, 1024);
            String where = cases.next("fan_in", fanIn, "fan_out", fanOut);
            calls.add(where, got -> Expect.number(where, Math.sqrt(2.0 / (fanIn + fanOut)), got),
                    Arg.of(fanIn), Arg.of(fanOut));
        });
    }

    @Test
    @Exercise(id = "4.3", points = 3, allows = Allow.TENSOR_OPS)
    @DisplayName("4.3 The std after each layer of a deep stack")
    void layerStds(Learner learner, Cases cases) {
        learner.check("layerStds", cases, (i, calls) -> {
            int batch = cases.between(4, 12), width = cases.between(3, 10), depth = cases.between(2, 5);
            String activation = i == 1 ? "relu" : "tanh";
            float[] x = cases.floats(batch * width), w = cases.floats(depth * width * width);
            String where = cases.next("x", shape(batch, width), "weights", shape(depth, width, width), "activation", activation);
            float[] expected = new float[depth];
            Tensor h = Tensor.of(x, batch, width);
            for (int l = 0; l < depth; l++) {
                float[] wl = java.util.Arrays.copyOfRange(w, l * width * width, (l + 1) * width * width);
                Tensor pre = h.matmul(Tensor.of(wl, width, width).t());
                h = activation.equals("relu") ? pre.relu() : pre.tanh();
                expected[l] = h.std().item();
            }
            calls.add(where, got -> Expect.floats(where, shape(depth), expected, got),
                    Arg.of(x, batch, width), Arg.of(batch), Arg.of(width), Arg.of(w, depth, width, width), Arg.of(depth), Arg.of(activation));
        });
    }
}
