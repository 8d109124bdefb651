package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import java.util.Arrays;
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

/** Grades {@code 01-tensors.jsh}: shapes, strides, broadcasting, matmul and a reduction, against {@link Tensor}. */
@ExerciseFile("01-tensors.jsh")
@ExtendWith(GradingExtension.class)
class Exercises01Tensors {

    private static int[] randomShape(Cases cases, int maxRank) {
        int[] s = new int[cases.between(0, maxRank)];
        for (int d = 0; d < s.length; d++) s[d] = cases.between(1, 6);
        return s;
    }

    @Test
    @Exercise(id = "1.1", points = 1, cases = 4)
    @DisplayName("1.1 Number of elements of a shape")
    void numel(Learner learner, Cases cases) {
        learner.check("numel", cases, (i, calls) -> {
            int[] s = randomShape(cases, 4);
            if (i == 1 && s.length > 0) s[s.length - 1] = 0; // a zero-size dim: no elements at all
            String where = cases.next("shape", s);
            calls.add(where, got -> Expect.number(where, Tensor.zeros(s).numel(), got), Arg.of(s));
        });
    }

    @Test
    @Exercise(id = "1.2", points = 2, cases = 4)
    @DisplayName("1.2 Strides of a contiguous tensor")
    void contiguousStrides(Learner learner, Cases cases) {
        learner.check("contiguousStrides", cases, (i, calls) -> {
            int[] s = randomShape(cases, 4);
            String where = cases.next("shape", s);
            calls.add(where, got -> Expect.ints(where, Tensor.zeros(s).stride(), got), Arg.of(s));
        });
    }

    @Test
    @Exercise(id = "1.3", points = 2, cases = 4)
    @DisplayName("1.3 The shape two tensors broadcast to")
    void broadcastShape(Learner learner, Cases cases) {
        learner.check("broadcastShape", cases, (i, calls) -> {
            int[] full = randomShape(cases, 4);
            int[] a = Arrays.copyOfRange(full, cases.between(0, full.length), full.length);
            int[] b = Arrays.copyOfRange(full, cases.between(0, full.length), full.length);
            for (int d = 0; d < a.length; d++) if (cases.coin()) a[d] = 1; // size-1 dims stretch
            for (int d = 0; d < b.length; d++) if (cases.coin()) b[d] = 1;
            String where = cases.next("a", a, "b", b);
            int[] expected = Tensor.zeros(a).add(Tensor.zeros(b)).shape();
            calls.add(where, got -> Expect.ints(where, expected, got), Arg.of(a), Arg.of(b));
        });
    }

    @Test
    @Exercise(id = "1.4", points = 2)
    @DisplayName("1.4 Matrix product as three loops")
    void matmul(Learner learner, Cases cases) {
        learner.check("matmul", cases, (i, calls) -> {
            int n = cases.between(1, 6), k = cases.between(1, 7), m = cases.between(1, 6);
            float[] a = cases.floats(n * k), b = cases.floats(k * m);
            String where = cases.next("a", shape(n, k), "b", shape(k, m));
            float[] expected = Tensor.of(a, n, k).matmul(Tensor.of(b, k, m)).toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(n, m), expected, got),
                    Arg.of(a, n, k), Arg.of(b, k, m), Arg.of(n), Arg.of(k), Arg.of(m));
        });
    }

    @Test
    @Exercise(id = "1.5", points = 2, cases = 4)
    @DisplayName("1.5 Sum over one dim of a matrix")
    void sumDim(Learner learner, Cases cases) {
        learner.check("sumDim", cases, (i, calls) -> {
            int rows = cases.between(1, 6), cols = cases.between(1, 6), dim = i % 2;
            float[] x = cases.floats(rows * cols);
            String where = cases.next("x", shape(rows, cols), "dim", dim);
            float[] expected = Tensor.of(x, rows, cols).sum(dim).toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(dim == 0 ? cols : rows), expected, got),
                    Arg.of(x, rows, cols), Arg.of(rows), Arg.of(cols), Arg.of(dim));
        });
    }
}
