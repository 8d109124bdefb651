package layerwise.grade.exercises;

import layerwise.grade.Allow;
import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import layerwise.init.Fans;
import layerwise.init.Init;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code 03-initialization.jsh}: fans, Xavier and Kaiming, PyTorch's default bound. The fills are
 * compared value by value with {@link Init} drawing after the same {@code Tensor.manualSeed}.
 */
@ExerciseFile("03-initialization.jsh")
@ExtendWith(GradingExtension.class)
class Exercises03Initialization {

    /** A Linear weight (out, in) or a conv weight (out, in, kH, kW). */
    private static int[] weightShape(Cases cases, int i) {
        int out = cases.between(1, 24), in = cases.between(1, 24);
        return i % 2 == 0 ? new int[] {out, in} : new int[] {out, in, cases.between(1, 3), cases.between(1, 3)};
    }

    private static Fans fans(int[] shape) {
        return Init.calculateFanInAndFanOut(Tensor.zeros(shape));
    }

    @Test
    @Exercise(id = "3.1", points = 2, cases = 4)
    @DisplayName("3.1 fan_in and fan_out of a weight")
    void fans(Learner learner, Cases cases) {
        learner.check("fans", cases, (i, calls) -> {
            int[] shape = weightShape(cases, i);
            String where = cases.next("weight", shape);
            Fans f = fans(shape);
            calls.add(where, got -> Expect.ints(where, new int[] {f.fanIn(), f.fanOut()}, got), Arg.of(shape));
        });
    }

    @Test
    @Exercise(id = "3.2", points = 1)
    @DisplayName("3.2 The bound of xavier_uniform_")
    void xavierBound(Learner learner, Cases cases) {
        learner.check("xavierUniformBound", cases, (i, calls) -> {
            int fanIn = cases.between(1, 1024), fanOut = cases.between(1, 1024);
            double gain = i == 0 ? 1.0 : cases.uniform(0.5, 2.0);
            String where = cases.next("fan_in", fanIn, "fan_out", fanOut, "gain", gain);
            calls.add(where, got -> Expect.number(where, gain * Math.sqrt(6.0 / (fanIn + fanOut)), got),
                    Arg.of(fanIn), Arg.of(fanOut), Arg.of(gain));
        });
    }

    @Test
    @Exercise(id = "3.3", points = 2, allows = Allow.TENSOR_OPS)
    @DisplayName("3.3 xavier_uniform_ in place")
    void xavierUniform(Learner learner, Cases cases) {
        learner.check("xavierUniform_", cases, (i, calls) -> {
            int[] shape = weightShape(cases, i);
            double gain = i == 0 ? 1.0 : Init.calculateGain("tanh");
            long seed = cases.seed();
            String where = cases.next("weight", shape, "gain", gain, "seed", seed);
            Tensor.manualSeed(seed);
            Tensor expected = Init.xavierUniform(Tensor.zeros(shape), gain);
            calls.addAfterSeed(seed, where, got -> Expect.floats(where, shape, expected.toFloatArray(), got),
                    Arg.tensor(new float[expected.numel()], shape).writable(), Arg.of(gain));
        });
    }

    @Test
    @Exercise(id = "3.4", points = 2, cases = 4)
    @DisplayName("3.4 The std of kaiming_normal_")
    void kaimingStd(Learner learner, Cases cases) {
        learner.check("kaimingNormalStd", cases, (i, calls) -> {
            int[] shape = weightShape(cases, i);
            double a = i < 2 ? 0 : cases.uniform(0, 0.5);
            String mode = i % 3 == 2 ? "fan_out" : "fan_in";
            String where = cases.next("weight", shape, "a", a, "mode", mode);
            int fan = mode.equals("fan_in") ? fans(shape).fanIn() : fans(shape).fanOut();
            calls.add(where, got -> Expect.number(where, Init.calculateGain("leaky_relu", a) / Math.sqrt(fan), got),
                    Arg.of(shape), Arg.of(a), Arg.of(mode));
        });
    }

    @Test
    @Exercise(id = "3.5", points = 2, allows = Allow.TENSOR_OPS)
    @DisplayName("3.5 kaiming_normal_ in place")
    void kaimingNormal(Learner learner, Cases cases) {
        learner.check("kaimingNormal_", cases, (i, calls) -> {
            int[] shape = weightShape(cases, i);
            double a = i == 0 ? 0 : cases.uniform(0, 0.5);
            String mode = i == 2 ? "fan_out" : "fan_in";
            long seed = cases.seed();
            String where = cases.next("weight", shape, "a", a, "mode", mode, "seed", seed);
            Tensor.manualSeed(seed);
            Tensor expected = Init.kaimingNormal(Tensor.zeros(shape), a, mode);
            calls.addAfterSeed(seed, where, got -> Expect.floats(where, shape, expected.toFloatArray(), got),
                    Arg.tensor(new float[expected.numel()], shape).writable(), Arg.of(a), Arg.of(mode));
        });
    }

    @Test
    @Exercise(id = "3.6", points = 2, cases = 4)
    @DisplayName("3.6 PyTorch's default init bound")
    void defaultBound(Learner learner, Cases cases) {
        learner.check("defaultInitBound", cases, (i, calls) -> {
            int[] shape = weightShape(cases, i);
            String where = cases.next("weight", shape);
            // kaiming_uniform_(w, a=sqrt(5)): bound = gain * sqrt(3 / fan_in)
            double expected = Init.calculateGain("leaky_relu", Math.sqrt(5)) * Math.sqrt(3.0 / fans(shape).fanIn());
            calls.add(where, got -> Expect.number(where, expected, got), Arg.of(shape));
        });
    }
}
