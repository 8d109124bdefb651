package layerwise.grade.exercises;

import static layerwise.grade.Cases.shape;

import java.util.List;
import layerwise.grade.Allow;
import layerwise.grade.Arg;
import layerwise.grade.Cases;
import layerwise.grade.Exercise;
import layerwise.grade.ExerciseFile;
import layerwise.grade.Expect;
import layerwise.grade.GradingExtension;
import layerwise.grade.Learner;
import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Grades {@code 11-backpropagation.jsh}: the chain rule, Linear's three gradients, the activations' and
 * cross-entropy's backward, a broadcast's, Conv2d's weight gradient and one LSTM step's backward. Every
 * expected answer is autograd's: the forward is built from the workbook's ops on tensors that require grad,
 * {@code backward(g)} runs, and the leaf's {@code grad} is the reference.
 */
@ExerciseFile("11-backpropagation.jsh")
@ExtendWith(GradingExtension.class)
class Exercises11Backpropagation {

    private static String num(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }

    /** A leaf of the case's values that requires grad. */
    private static Tensor leaf(float[] values, int... shape) {
        return Tensor.of(values.clone(), shape).requiresGrad(true);
    }

    @Test
    @Exercise(id = "11.1", points = 1)
    @DisplayName("11.1 The chain rule on tanh(w·x + b)")
    void chainRule(Learner learner, Cases cases) {
        learner.check("tanhNeuronGrads", cases, (i, calls) -> {
            double x = (float) cases.uniform(-2, 2), w = (float) cases.uniform(-2, 2), b = (float) cases.uniform(-1, 1);
            String where = cases.next("x", num(x), "w", num(w), "b", num(b));
            Tensor tx = Tensor.scalar((float) x).requiresGrad(true), tw = Tensor.scalar((float) w).requiresGrad(true);
            Tensor tb = Tensor.scalar((float) b).requiresGrad(true);
            tw.mul(tx).add(tb).tanh().backward();
            float[] expected = {tx.grad.item(), tw.grad.item(), tb.grad.item()};
            calls.add(where, got -> Expect.floats(where, shape(3), expected, got), Arg.of(x), Arg.of(w), Arg.of(b));
        });
    }

    /** One Linear case: x, W, b and g = dL/dy, with autograd's three gradients. */
    private record LinearCase(int batch, int in, int out, float[] x, float[] w, float[] g, Tensor dx, Tensor dw, Tensor db) {
        static LinearCase draw(Cases cases) {
            // two rows at least: with one, a mean over the batch would pass for the sum
            int batch = cases.between(2, 6), in = cases.between(2, 9), out = cases.between(2, 8);
            if (in == out) in++; // a square weight would hide a transposed answer
            float[] x = cases.floats(batch * in), w = cases.floats(out * in), b = cases.floats(out), g = cases.floats(batch * out);
            Tensor tx = leaf(x, batch, in), tw = leaf(w, out, in), tb = leaf(b, out);
            Functional.linear(tx, tw, tb).backward(Tensor.of(g, batch, out));
            return new LinearCase(batch, in, out, x, w, g, tx.grad, tw.grad, tb.grad);
        }

        String describe(Cases cases) {
            return cases.next("x", shape(batch, in), "weight", shape(out, in), "g", shape(batch, out));
        }
    }

    @Test
    @Exercise(id = "11.2", points = 2)
    @DisplayName("11.2 Linear's weight gradient as loops")
    void linearWeightGrad(Learner learner, Cases cases) {
        learner.check("linearWeightGrad", cases, (i, calls) -> {
            LinearCase c = LinearCase.draw(cases);
            String where = c.describe(cases);
            calls.add(where, got -> Expect.floats(where, c.dw().shape(), c.dw().toFloatArray(), got),
                    Arg.of(c.x(), c.batch(), c.in()), Arg.of(c.g(), c.batch(), c.out()), Arg.of(c.batch()), Arg.of(c.in()), Arg.of(c.out()));
        });
    }

    @Test
    @Exercise(id = "11.3", points = 1)
    @DisplayName("11.3 Linear's bias gradient")
    void linearBiasGrad(Learner learner, Cases cases) {
        learner.check("linearBiasGrad", cases, (i, calls) -> {
            LinearCase c = LinearCase.draw(cases);
            String where = c.describe(cases);
            calls.add(where, got -> Expect.floats(where, c.db().shape(), c.db().toFloatArray(), got),
                    Arg.of(c.g(), c.batch(), c.out()), Arg.of(c.batch()), Arg.of(c.out()));
        });
    }

    @Test
    @Exercise(id = "11.4", points = 2)
    @DisplayName("11.4 Linear's input gradient")
    void linearInputGrad(Learner learner, Cases cases) {
        learner.check("linearInputGrad", cases, (i, calls) -> {
            LinearCase c = LinearCase.draw(cases);
            String where = c.describe(cases);
            calls.add(where, got -> Expect.floats(where, c.dx().shape(), c.dx().toFloatArray(), got),
                    Arg.of(c.g(), c.batch(), c.out()), Arg.of(c.w(), c.out(), c.in()), Arg.of(c.batch()), Arg.of(c.in()), Arg.of(c.out()));
        });
    }

    private static final String[] ACTIVATIONS = {"relu", "tanh", "sigmoid"};

    @Test
    @Exercise(id = "11.5", points = 3, cases = 6)
    @DisplayName("11.5 The backward of relu, tanh and sigmoid")
    void activationBackward(Learner learner, Cases cases) {
        learner.check("activationBackward", cases, (i, calls) -> {
            String activation = ACTIVATIONS[i % 3];
            int n = cases.between(3, 20);
            float[] x = cases.floats(n), g = cases.floats(n);
            for (int k = 0; k < n; k++) x[k] *= 3; // out to where tanh and sigmoid flatten
            String where = cases.next("activation", activation, "x", shape(n));
            Tensor tx = leaf(x, n);
            Tensor y = switch (activation) {
                case "relu" -> tx.relu();
                case "tanh" -> tx.tanh();
                default -> tx.sigmoid();
            };
            y.backward(Tensor.of(g, n));
            float[] expected = tx.grad.toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(n), expected, got), Arg.of(activation), Arg.of(x, n), Arg.of(g, n));
        });
    }

    @Test
    @Exercise(id = "11.6", points = 3)
    @DisplayName("11.6 The gradient of softmax + cross-entropy with respect to the logits")
    void crossEntropyGrad(Learner learner, Cases cases) {
        learner.check("crossEntropyGrad", cases, (i, calls) -> {
            int batch = i == 0 ? cases.between(2, 6) : cases.between(1, 6), classes = cases.between(2, 7); // the 1/N shows
            float[] logits = cases.floats(batch * classes);
            for (int k = 0; k < logits.length; k++) logits[k] *= 4;
            int[] labels = new int[batch];
            float[] onehot = new float[batch * classes];
            for (int n = 0; n < batch; n++) {
                labels[n] = cases.between(0, classes - 1);
                onehot[n * classes + labels[n]] = 1f;
            }
            String where = cases.next("logits", shape(batch, classes), "labels", java.util.Arrays.toString(labels));
            // L = -(1/N) Σₙ log softmax(zₙ)[yₙ], with the row max taken out first (it changes nothing)
            Tensor z = leaf(logits, batch, classes);
            Tensor shifted = z.sub(z.max(1, true).detach());
            Tensor logProbs = shifted.sub(shifted.exp().sum(1, true).log());
            logProbs.mul(Tensor.of(onehot, batch, classes)).sum().neg().div(batch).backward();
            float[] expected = z.grad.toFloatArray();
            calls.add(where, got -> Expect.floats(where, shape(batch, classes), expected, got),
                    Arg.of(logits, batch, classes), Arg.of(labels), Arg.of(batch), Arg.of(classes));
        });
    }

    @Test
    @Exercise(id = "11.7", points = 3, cases = 4)
    @DisplayName("11.7 The gradient of a broadcast add: a sum over the broadcast dims")
    void broadcastAddGrad(Learner learner, Cases cases) {
        learner.check("broadcastAddGrad", cases, (i, calls) -> {
            // case 1 a bias over a batch, case 2 a column, then random ranks with dims dropped in front or set to 1
            int rank = i == 0 ? 2 : i == 1 ? 3 : cases.between(2, 4);
            int[] out = new int[rank];
            for (int d = 0; d < rank; d++) out[d] = cases.between(2, 4);
            int[] b;
            if (i == 0) {
                b = shape(out[1]);
            } else if (i == 1) {
                b = shape(out[1], 1);
            } else {
                int kept = cases.between(1, rank);
                b = java.util.Arrays.copyOfRange(out, rank - kept, rank);
                for (int d = 0; d < kept; d++) if (cases.coin()) b[d] = 1;
                if (kept == rank && java.util.Arrays.stream(b).allMatch(s -> s != 1)) b[0] = 1; // something to sum
            }
            int numel = java.util.Arrays.stream(out).reduce(1, (p, q) -> p * q);
            int bNumel = java.util.Arrays.stream(b).reduce(1, (p, q) -> p * q);
            float[] g = cases.floats(numel);
            String where = cases.next("out", out, "b", b);
            Tensor tb = Tensor.zeros(b).requiresGrad(true);
            Tensor.zeros(out).add(tb).backward(Tensor.of(g, out));
            float[] expected = tb.grad.toFloatArray();
            int[] bShape = b;
            calls.add(where, got -> Expect.floats(where, shape(bNumel), expected, got), Arg.of(g, out), Arg.of(out), Arg.of(bShape));
        });
    }

    @Test
    @Exercise(id = "11.8", points = 4, cases = 4, allows = Allow.TENSOR_OPS)
    @DisplayName("11.8 Conv2d's weight gradient as loops: stride and padding")
    void conv2dWeightGrad(Learner learner, Cases cases) {
        learner.check("conv2dWeightGrad", cases, (i, calls) -> {
            // case 1 plain, case 2 padded, then strided and padded
            int stride = i >= 2 ? 2 : 1, padding = i == 0 ? 0 : cases.between(1, 2);
            int n = cases.between(1, 2), c = cases.between(1, 3), out = cases.between(1, 3), k = cases.between(2, 3);
            int h = cases.between(4, 8), w = cases.between(4, 8);
            int ho = (h + 2 * padding - k) / stride + 1, wo = (w + 2 * padding - k) / stride + 1;
            float[] x = cases.floats(n * c * h * w), g = cases.floats(n * out * ho * wo);
            String where = cases.next("x", shape(n, c, h, w), "g", shape(n, out, ho, wo), "kernel", k, "stride", stride,
                    "padding", padding);
            Tensor expected = conv2dWeightGradByAutograd(x, g, new int[] {n, c, h, w}, out, k, stride, padding);
            calls.add(where, got -> Expect.floats(where, expected.shape(), expected.toFloatArray(), got),
                    Arg.tensor(x, n, c, h, w), Arg.tensor(g, n, out, ho, wo), Arg.of(k), Arg.of(stride), Arg.of(padding));
        });
    }

    /**
     * Autograd's dL/dW for y = conv2d(x, W) and dL/dy = g, with the convolution written as one matrix product
     * (lesson 05's im2col, built here in plain Java): y (out, N·Ho·Wo) = W (out, C·k·k) · cols (C·k·k, N·Ho·Wo),
     * so the gradient comes from matmul's backward, independently of the library's convolution kernels.
     */
    static Tensor conv2dWeightGradByAutograd(float[] x, float[] g, int[] xShape, int out, int k, int stride, int padding) {
        int n = xShape[0], c = xShape[1], h = xShape[2], w = xShape[3];
        int ho = (h + 2 * padding - k) / stride + 1, wo = (w + 2 * padding - k) / stride + 1, positions = n * ho * wo;
        float[] cols = new float[c * k * k * positions];
        for (int ch = 0; ch < c; ch++)
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++)
                    for (int b = 0; b < n; b++)
                        for (int oh = 0; oh < ho; oh++)
                            for (int ow = 0; ow < wo; ow++) {
                                int ih = oh * stride + i - padding, iw = ow * stride + j - padding;
                                if (ih < 0 || ih >= h || iw < 0 || iw >= w) continue;
                                int row = (ch * k + i) * k + j, col = (b * ho + oh) * wo + ow;
                                cols[row * positions + col] = x[((b * c + ch) * h + ih) * w + iw];
                            }
        float[] gm = new float[out * positions]; // g (N, out, Ho, Wo) as (out, N·Ho·Wo)
        for (int b = 0; b < n; b++)
            for (int o = 0; o < out; o++)
                for (int p = 0; p < ho * wo; p++) gm[o * positions + b * ho * wo + p] = g[(b * out + o) * ho * wo + p];
        Tensor weight = Tensor.zeros(out, c * k * k).requiresGrad(true);
        weight.matmul(Tensor.of(cols, c * k * k, positions)).backward(Tensor.of(gm, out, positions));
        return weight.grad.reshape(out, c, k, k);
    }

    @Test
    @Exercise(id = "11.9", points = 5)
    @DisplayName("11.9 One LSTM step's backward, gate by gate")
    void lstmStepBackward(Learner learner, Cases cases) {
        learner.check("lstmStepBackward", cases, (i, calls) -> {
            int in = cases.between(2, 6), hidden = cases.between(2, 5);
            if (in == hidden) in++;
            int g4 = 4 * hidden;
            float[] x = cases.floats(in), h = cases.floats(hidden), c = cases.floats(hidden);
            float[] wIh = cases.floats(g4 * in), wHh = cases.floats(g4 * hidden), bIh = cases.floats(g4), bHh = cases.floats(g4);
            float[] dh = cases.floats(hidden), dc = cases.floats(hidden);
            String where = cases.next("x", shape(in), "h", shape(hidden), "weight_ih", shape(g4, in), "weight_hh", shape(g4, hidden));
            float[] expected = lstmStepGradsByAutograd(x, h, c, wIh, wHh, bIh, bHh, dh, dc, in, hidden);
            calls.add(where, got -> Expect.floats(where, shape(6 * hidden), expected, got),
                    Arg.of(x, in), Arg.of(h, hidden), Arg.of(c, hidden), Arg.of(wIh, g4, in), Arg.of(wHh, g4, hidden),
                    Arg.of(bIh, g4), Arg.of(bHh, g4), Arg.of(dh, hidden), Arg.of(dc, hidden), Arg.of(in), Arg.of(hidden));
        });
    }

    /**
     * Autograd's gradients of one LSTM step, written with tensor ops as lesson 08 writes it: the gate sums
     * a = W_ih x + b_ih + W_hh h + b_hh, then c' = σ(a_f) c + σ(a_i) tanh(a_g), h' = σ(a_o) tanh(c'); backward
     * from L = Σ dh ⊙ h' + Σ dc ⊙ c'. dL/da is b_ih's gradient (a bias enters a with derivative 1).
     * Returns [dL/da (4H) | dL/dh (H) | dL/dc (H)].
     */
    static float[] lstmStepGradsByAutograd(float[] x, float[] h, float[] c, float[] wIh, float[] wHh, float[] bIh, float[] bHh,
                                           float[] dh, float[] dc, int in, int hidden) {
        int g4 = 4 * hidden;
        Tensor th = leaf(h, hidden), tc = leaf(c, hidden), tbIh = leaf(bIh, g4);
        Tensor a = Tensor.of(wIh, g4, in).matmul(Tensor.of(x, in)).add(tbIh)
                .add(Tensor.of(wHh, g4, hidden).matmul(th)).add(Tensor.of(bHh, g4));
        List<Tensor> gates = a.chunk(4, 0);
        Tensor cNext = gates.get(1).sigmoid().mul(tc).add(gates.get(0).sigmoid().mul(gates.get(2).tanh()));
        Tensor hNext = gates.get(3).sigmoid().mul(cNext.tanh());
        hNext.mul(Tensor.of(dh, hidden)).sum().add(cNext.mul(Tensor.of(dc, hidden)).sum()).backward();
        return Tensor.cat(tbIh.grad, th.grad, tc.grad).toFloatArray();
    }
}
