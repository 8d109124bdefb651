package layerwise.grade.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * The references lesson 11's grader builds by hand (the convolution as im2col times the weight) agree with the
 * library's own convolution backward, so a learner is judged against what Conv2d really computes.
 */
class Exercises11ReferencesTest {

    private static float[] floats(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextDouble() * 2 - 1);
        return v;
    }

    @RepeatedTest(6)
    @DisplayName("the conv weight gradient by im2col and matmul's backward is ConvolutionBackward0's, with stride and padding")
    void convReferenceIsTheLibrarys(RepetitionInfo info) {
        Random r = new Random(info.getCurrentRepetition());
        int stride = 1 + r.nextInt(2), padding = r.nextInt(3), k = 1 + r.nextInt(3);
        int n = 1 + r.nextInt(2), c = 1 + r.nextInt(3), out = 1 + r.nextInt(3), h = 4 + r.nextInt(5), w = 4 + r.nextInt(5);
        int ho = (h + 2 * padding - k) / stride + 1, wo = (w + 2 * padding - k) / stride + 1;
        float[] x = floats(r, n * c * h * w), g = floats(r, n * out * ho * wo), weight = floats(r, out * c * k * k);
        Tensor reference = Exercises11Backpropagation.conv2dWeightGradByAutograd(x, g, new int[] {n, c, h, w}, out, k, stride, padding);

        Tensor wt = Tensor.of(weight, out, c, k, k).requiresGrad(true);
        Tensor y = Functional.conv2d(Tensor.of(x, n, c, h, w), wt, null, new int[] {stride}, new int[] {padding}, new int[] {1}, 1);
        assertArrayEquals(new int[] {n, out, ho, wo}, y.shape());
        y.backward(Tensor.of(g, n, out, ho, wo));
        assertArrayEquals(wt.shape(), reference.shape());
        assertTrue(reference.allclose(wt.grad, 1e-4, 1e-5), "stride " + stride + ", padding " + padding + ", k " + k);
    }
}
