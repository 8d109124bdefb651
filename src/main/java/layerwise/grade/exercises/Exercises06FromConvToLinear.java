package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradeFailure;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import layerwise.grade.Status;
import layerwise.nn.Conv2d;
import layerwise.nn.Linear;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.nn.TensorModule;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code 06-from-conv-to-linear.jsh}: the shape after a conv/pool stack, the classifier's weight after
 * Flatten, a Conv2d chosen for a target size, a whole CNN's parameter count. The stacks are random and run
 * on zeros through the library's layers, which give the expected shapes and counts.
 */
@ExerciseFile("06-from-conv-to-linear.jsh")
@ExtendWith(GradingExtension.class)
class Exercises06FromConvToLinear {

    /** A random conv/pool stack as the exercises encode it ({outChannels, kernel, stride, padding} each), and what it does. */
    private record Stack(int[] layers, List<Module> modules, Tensor output, String text) {
    }

    /** Draws a stack of 2 to 4 layers that fits an input of this shape, pools between convs, and runs it on zeros. */
    private static Stack stack(Cases cases, int[] input) {
        int depth = cases.between(2, 4);
        int[] layers = new int[4 * depth];
        List<Module> modules = new ArrayList<>();
        Tensor x = Tensor.zeros(input);
        int c = input[1];
        StringBuilder text = new StringBuilder("[");
        for (int l = 0; l < depth; l++) {
            int room = Math.min(x.size(2), x.size(3)); // a kernel must fit the image it slides over
            boolean pool = l % 2 == 1 && room >= 2;
            int k = pool ? cases.between(2, Math.min(3, room)) : cases.between(1, Math.min(5, room));
            int s = pool ? 2 : cases.between(1, 2), p = cases.between(0, k / 2);
            int out = pool ? 0 : cases.between(2, 16);
            Module layer = pool ? new MaxPool2d(k, s, p) : new Conv2d(c, out, k, Conv2d.options().stride(s).padding(p));
            c = pool ? c : out;
            System.arraycopy(new int[] {out, k, s, p}, 0, layers, 4 * l, 4);
            modules.add(layer);
            text.append(l == 0 ? "" : ", ").append(layer);
            x = ((TensorModule) layer).forward(x);
        }
        return new Stack(layers, modules, x, text.append(']').toString());
    }

    /** A batched, usually non-square input (N, C, H, W). */
    private static int[] input(Cases cases) {
        return shape(cases.between(1, 4), cases.between(1, 3), cases.between(12, 40), cases.between(12, 40));
    }

    @Test
    @Exercise(id = "6.1", points = 2, cases = 4)
    @DisplayName("6.1 The output shape of a conv/pool stack")
    void stackOutputShape(Learner learner, Cases cases) {
        learner.check("stackOutputShape", cases, (i, calls) -> {
            int[] in = input(cases);
            Stack stack = stack(cases, in);
            String where = cases.next("input", in, "stack", stack.text());
            calls.add(where, got -> Expect.ints(where, stack.output().shape(), got), Arg.of(in), Arg.of(stack.layers()));
        });
    }

    @Test
    @Exercise(id = "6.2", points = 2, cases = 4)
    @DisplayName("6.2 The classifier's weight shape after Flatten")
    void classifierWeight(Learner learner, Cases cases) {
        learner.check("classifierWeightShape", cases, (i, calls) -> {
            int[] in = input(cases);
            Stack stack = stack(cases, in);
            int classes = cases.between(2, 20);
            // Flatten keeps the batch dim: the Linear reads C·H·W features per sample
            Linear classifier = new Linear(stack.output().numel() / in[0], classes);
            String where = cases.next("input", in, "stack", stack.text(), "classes", classes);
            calls.add(where, got -> Expect.ints(where, classifier.weight.shape(), got),
                    Arg.of(in), Arg.of(stack.layers()), Arg.of(classes));
        });
    }

    @Test
    @Exercise(id = "6.3", points = 3, cases = 5)
    @DisplayName("6.3 A Conv2d that maps a size to a target")
    void settingsForTarget(Learner learner, Cases cases) {
        learner.check("convSettings", cases, (i, calls) -> {
            // a target some setting reaches: drawn from one (the learner may find another)
            int size = cases.between(8, 64), k = cases.between(1, 7), s = i == 0 ? 1 : cases.between(1, 4), p = cases.between(0, k - 1);
            int target = new Conv2d(1, 1, k, Conv2d.options().stride(s).padding(p)).forward(Tensor.zeros(1, 1, size, size)).size(2);
            String where = cases.next("size", size, "target", target);
            calls.add(where, got -> checkSettings(where, size, target, got), Arg.of(size), Arg.of(target));
        });
    }

    /** Any {kernel, stride, padding} in range whose Conv2d, run by the library, gives the target. */
    private static void checkSettings(String where, int size, int target, layerwise.grade.Value got) {
        if (!got.kind().equals("int[]") || got.ints().length != 3) {
            throw new GradeFailure(Status.WRONG_ANSWER, where + ": expected {kernel, stride, padding}, got " + got.describe() + ".");
        }
        int k = got.ints()[0], s = got.ints()[1], p = got.ints()[2];
        if (k < 1 || k > 11 || s < 1 || s > 8 || p < 0 || p >= k) {
            throw new GradeFailure(Status.WRONG_ANSWER, where + ": " + Arrays.toString(got.ints())
                    + " is out of range: kernel 1..11, stride 1..8, padding 0..kernel-1.");
        }
        if (size + 2 * p < k) {
            throw new GradeFailure(Status.WRONG_ANSWER, where + ": kernel " + k + " does not fit " + size + " + 2·" + p + ".");
        }
        int reached = new Conv2d(1, 1, k, Conv2d.options().stride(s).padding(p)).forward(Tensor.zeros(1, 1, size, size)).size(2);
        if (reached != target) {
            throw new GradeFailure(Status.WRONG_ANSWER, where + ": Conv2d(kernel_size=" + k + ", stride=" + s + ", padding=" + p
                    + ") maps " + size + " to " + reached + ", not " + target + ".");
        }
    }

    @Test
    @Exercise(id = "6.4", points = 2, cases = 4)
    @DisplayName("6.4 The parameter count of a CNN with its classifier")
    void parameterCount(Learner learner, Cases cases) {
        learner.check("cnnParameterCount", cases, (i, calls) -> {
            int[] in = input(cases);
            Stack stack = stack(cases, in);
            int classes = cases.between(2, 20);
            long expected = stack.modules().stream().mapToLong(Module::numParameters).sum()
                    + new Linear(stack.output().numel() / in[0], classes).numParameters();
            String where = cases.next("input", in, "stack", stack.text(), "classes", classes);
            calls.add(where, got -> Expect.number(where, expected, got), Arg.of(in), Arg.of(stack.layers()), Arg.of(classes));
        });
    }
}
