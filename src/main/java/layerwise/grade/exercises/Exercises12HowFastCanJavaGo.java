package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code 12-how-fast-can-java-go.jsh}: C = A B in loop order i, p, j and cache-blocked (against the
 * textbook dot product, summed in double), a machine's peak GFLOP/s and a Conv2d forward's flops (both
 * against their formulas).
 */
@ExerciseFile("12-how-fast-can-java-go.jsh")
@ExtendWith(GradingExtension.class)
class Exercises12HowFastCanJavaGo {

    @Test
    @Exercise(id = "12.1", points = 2)
    @DisplayName("12.1 C = A B as loops in the order i, p, j")
    void loopOrder(Learner learner, Cases cases) {
        learner.check("matmulIpj", cases, (i, calls) -> {
            int m = cases.between(1, 12), k = cases.between(2, 12), n = cases.between(1, 12); // k >= 2: a sum over p, not one product
            if (k == n) k++; // B square would hide B read as its transpose
            float[] a = cases.floats(m * k), b = cases.floats(k * n);
            int[] shapeC = shape(m, n);
            float[] expected = product(a, b, m, k, n);
            String where = cases.next("A", shape(m, k), "B", shape(k, n));
            calls.add(where, got -> Expect.floats(where, shapeC, expected, got),
                    Arg.of(a, m, k), Arg.of(b, k, n), Arg.of(m), Arg.of(k), Arg.of(n));
        });
    }

    @Test
    @Exercise(id = "12.2", points = 3, cases = 5)
    @DisplayName("12.2 C = A B over block x block tiles of B, any size")
    void blocked(Learner learner, Cases cases) {
        learner.check("matmulBlocked", cases, (i, calls) -> {
            int block = cases.between(2, 8);
            // the first case divides evenly; the others leave a partial tile in k, in n, or a block larger than both
            int m = cases.between(1, 10);
            int k = i == 0 ? block * cases.between(1, 3) : i == 4 ? cases.between(1, block - 1) : block * cases.between(1, 3) + cases.between(1, block - 1);
            int n = i == 0 ? block * cases.between(1, 3) : i == 4 ? cases.between(1, block) : block * cases.between(0, 3) + cases.between(1, block - 1);
            float[] a = cases.floats(m * k), b = cases.floats(k * n);
            int[] shapeC = shape(m, n);
            float[] expected = product(a, b, m, k, n);
            String where = cases.next("A", shape(m, k), "B", shape(k, n), "block", block);
            calls.add(where, got -> Expect.floats(where, shapeC, expected, got),
                    Arg.of(a, m, k), Arg.of(b, k, n), Arg.of(m), Arg.of(k), Arg.of(n), Arg.of(block));
        });
    }

    @Test
    @Exercise(id = "12.3", points = 1)
    @DisplayName("12.3 A machine's peak GFLOP/s")
    void peak(Learner learner, Cases cases) {
        int[] lanes = {4, 8, 16}; // SSE, AVX2, AVX-512 float lanes
        learner.check("peakGflops", cases, (i, calls) -> {
            int cores = cases.between(1, 64), fmaUnits = cases.between(1, 2), width = lanes[cases.between(0, 2)];
            double ghz = Math.round(cases.uniform(1.0, 5.0) * 10) / 10.0;
            // one fused multiply-add is two flops: a multiply and an add
            double expected = cores * ghz * fmaUnits * width * 2;
            String where = cases.next("cores", cores, "GHz", ghz, "lanes", width, "FMA units", fmaUnits);
            calls.add(where, got -> Expect.number(where, expected, got), Arg.of(cores), Arg.of(ghz), Arg.of(width), Arg.of(fmaUnits));
        });
    }

    @Test
    @Exercise(id = "12.4", points = 2, cases = 5)
    @DisplayName("12.4 The flops of a Conv2d forward")
    void convFlops(Learner learner, Cases cases) {
        learner.check("conv2dFlops", cases, (i, calls) -> {
            int kernel = cases.between(1, 7), stride = cases.between(i == 0 ? 1 : 2, 3), padding = cases.between(0, kernel / 2);
            int batch = cases.between(1, 64), in = cases.between(1, 256), out = cases.between(1, 512);
            int h = cases.between(kernel, 224), w = cases.between(kernel, 224);
            long hOut = (h + 2L * padding - kernel) / stride + 1, wOut = (w + 2L * padding - kernel) / stride + 1;
            // im2col: (batch * hOut * wOut) rows of (in * kernel * kernel) numbers, times the weight's out columns
            long expected = 2L * batch * hOut * wOut * out * in * kernel * kernel;
            String where = cases.next("input", shape(batch, in, h, w), "Conv2d", "(" + in + ", " + out + ", kernel_size=" + kernel
                    + ", stride=" + stride + ", padding=" + padding + ")");
            calls.add(where, got -> Expect.number(where, expected, got), Arg.of(new int[] {batch, in, h, w}), Arg.of(out),
                    Arg.of(kernel), Arg.of(stride), Arg.of(padding));
        });
    }

    /** The textbook product: C[i][j] as one dot product, summed in double. */
    private static float[] product(float[] a, float[] b, int m, int k, int n) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) sum += (double) a[i * k + p] * b[p * n + j];
                c[i * n + j] = (float) sum;
            }
        }
        return c;
    }
}
