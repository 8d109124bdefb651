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
import layerwise.nn.Conv2d;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.nn.TensorModule;
import layerwise.tensor.Functional;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Grades {@code 05-conv2d.jsh}: weight shape, output size, the forward as loops, im2col, sizing the Linear after. */
@ExerciseFile("05-conv2d.jsh")
@ExtendWith(GradingExtension.class)
class Exercises05Conv2d {

    @Test
    @Exercise(id = "5.1", points = 1, cases = 4)
    @DisplayName("5.1 The weight shape of Conv2d(in, out, k, groups)")
    void weightShape(Learner learner, Cases cases) {
        learner.check("conv2dWeightShape", cases, (i, calls) -> {
            int groups = i < 2 ? 1 : cases.between(2, 4);
            int in = i == 0 ? 3 : groups * cases.between(1, 8), out = i == 0 ? 16 : groups * cases.between(1, 8);
            int k = i == 0 ? 3 : cases.between(1, 7);
            String where = cases.next("Conv2d", "(" + in + ", " + out + ", " + k + ", groups=" + groups + ")");
            calls.add(where, got -> Expect.ints(where, new Conv2d(in, out, k, Conv2d.options().groups(groups)).weight.shape(), got),
                    Arg.of(in), Arg.of(out), Arg.of(k), Arg.of(groups));
        });
    }

    @Test
    @Exercise(id = "5.2", points = 2, cases = 5)
    @DisplayName("5.2 The output size with stride, padding and dilation")
    void outputSize(Learner learner, Cases cases) {
        learner.check("convOutputSize", cases, (i, calls) -> {
            int k = cases.between(1, 5), s = i == 0 ? 1 : cases.between(1, 3), p = cases.between(0, 2);
            int d = i < 2 ? 1 : cases.between(1, 3);
            int size = Math.max(cases.between(5, 40), d * (k - 1) + 1);
            String where = cases.next("size", size, "kernel", k, "stride", s, "padding", p, "dilation", d);
            // the library's conv on a (1, 1, size, 1) image answers for one dim
            int expected = Functional.conv2d(Tensor.zeros(1, 1, size, 1), Tensor.zeros(1, 1, k, 1), null,
                    new int[] {s, 1}, new int[] {p, 0}, new int[] {d, 1}, 1).size(2);
            calls.add(where, got -> Expect.number(where, expected, got),
                    Arg.of(size), Arg.of(k), Arg.of(s), Arg.of(p), Arg.of(d));
        });
    }

    @Test
    @Exercise(id = "5.3", points = 4, cases = 4, allows = Allow.TENSOR_OPS)
    @DisplayName("5.3 Conv2d forward as loops: stride, padding, dilation, groups")
    void forwardLoops(Learner learner, Cases cases) {
        learner.check("conv2dLoops", cases, (i, calls) -> {
            // case 1 plain, then stride and padding, then dilation, then groups
            int groups = i == 3 ? 2 : 1, stride = i == 1 ? 2 : 1, padding = i >= 1 ? cases.between(1, 2) : 0, dilation = i == 2 ? 2 : 1;
            int n = cases.between(1, 2), c = groups * cases.between(1, 2), out = groups * cases.between(1, 3);
            int k = cases.between(2, 3), h = cases.between(5, 8), w = cases.between(5, 8);
            float[] x = cases.floats(n * c * h * w), weight = cases.floats(out * (c / groups) * k * k), bias = cases.floats(out);
            String where = cases.next("x", shape(n, c, h, w), "weight", shape(out, c / groups, k, k), "bias", shape(out),
                    "stride", stride, "padding", padding, "dilation", dilation, "groups", groups);
            Tensor expected = Functional.conv2d(Tensor.of(x, n, c, h, w), Tensor.of(weight, out, c / groups, k, k), Tensor.of(bias, out),
                    new int[] {stride}, new int[] {padding}, new int[] {dilation}, groups);
            calls.add(where, got -> Expect.floats(where, expected.shape(), expected.toFloatArray(), got),
                    Arg.tensor(x, n, c, h, w), Arg.tensor(weight, out, c / groups, k, k), Arg.tensor(bias, out),
                    Arg.of(stride), Arg.of(padding), Arg.of(dilation), Arg.of(groups));
        });
    }

    @Test
    @Exercise(id = "5.4", points = 3, allows = Allow.TENSOR_OPS)
    @DisplayName("5.4 im2col")
    void im2col(Learner learner, Cases cases) {
        learner.check("im2col", cases, (i, calls) -> {
            int c = cases.between(1, 3), h = cases.between(3, 7), w = cases.between(3, 7), k = cases.between(1, 3);
            int stride = i == 0 ? 1 : cases.between(1, 2), padding = i == 0 ? 0 : cases.between(0, 1);
            float[] x = cases.floats(c * h * w);
            String where = cases.next("x", shape(c, h, w), "kernel", k, "stride", stride, "padding", padding);
            int ho = (h + 2 * padding - k) / stride + 1, wo = (w + 2 * padding - k) / stride + 1;
            // each column is one receptive field, rows in (channel, kernel row, kernel column) order
            float[] cols = new float[c * k * k * ho * wo];
            for (int ch = 0; ch < c; ch++)
                for (int u = 0; u < k; u++)
                    for (int v = 0; v < k; v++)
                        for (int oi = 0; oi < ho; oi++)
                            for (int oj = 0; oj < wo; oj++) {
                                int r = oi * stride - padding + u, q = oj * stride - padding + v;
                                boolean inside = r >= 0 && r < h && q >= 0 && q < w;
                                cols[((ch * k + u) * k + v) * ho * wo + oi * wo + oj] = inside ? x[(ch * h + r) * w + q] : 0f;
                            }
            calls.add(where, got -> Expect.floats(where, shape(c * k * k, ho * wo), cols, got),
                    Arg.tensor(x, c, h, w), Arg.of(k), Arg.of(stride), Arg.of(padding));
        });
    }

    @Test
    @Exercise(id = "5.5", points = 2)
    @DisplayName("5.5 in_features of the Linear after a conv stack")
    void inFeatures(Learner learner, Cases cases) {
        learner.check("inFeaturesAfter", cases, (i, calls) -> {
            int channels = cases.between(1, 3), height = cases.between(16, 40), width = cases.between(16, 40);
            int depth = cases.between(2, 4);
            int[] layers = new int[4 * depth];
            Tensor x = Tensor.zeros(1, channels, height, width);
            StringBuilder stack = new StringBuilder();
            int c = channels;
            for (int l = 0; l < depth; l++) {
                int room = Math.min(x.size(2), x.size(3)); // a kernel must fit the image it slides over
                boolean pool = l % 2 == 1 && room >= 2;
                int k = pool ? 2 : cases.between(1, Math.min(5, room)), s = pool ? 2 : cases.between(1, 2);
                int p = pool ? 0 : cases.between(0, k / 2);
                int out = pool ? 0 : cases.between(2, 16);
                Module layer = pool ? new MaxPool2d(k, s, p) : new Conv2d(c, out, k, Conv2d.options().stride(s).padding(p));
                c = pool ? c : out;
                System.arraycopy(new int[] {out, k, s, p}, 0, layers, 4 * l, 4);
                stack.append(l == 0 ? "" : ", ").append(layer);
                x = ((TensorModule) layer).forward(x);
            }
            String where = cases.next("input", shape(channels, height, width), "stack", "[" + stack + "]");
            int expected = x.numel();
            calls.add(where, got -> Expect.number(where, expected, got),
                    Arg.of(channels), Arg.of(height), Arg.of(width), Arg.of(layers));
        });
    }

    @Test
    @Exercise(id = "5.6", points = 1)
    @DisplayName("5.6 The parameter count of Conv2d")
    void parameterCount(Learner learner, Cases cases) {
        learner.check("conv2dParameterCount", cases, (i, calls) -> {
            int groups = i == 0 ? 1 : cases.between(1, 4);
            int in = groups * cases.between(1, 16), out = groups * cases.between(1, 16), k = cases.between(1, 7);
            boolean bias = i != 1;
            String where = cases.next("Conv2d", "(" + in + ", " + out + ", " + k + ", groups=" + groups + ", bias=" + bias + ")");
            calls.add(where, got -> Expect.number(where, new Conv2d(in, out, k, Conv2d.options().groups(groups).bias(bias)).numParameters(), got),
                    Arg.of(in), Arg.of(out), Arg.of(k), Arg.of(groups), Arg.of(bias));
        });
    }
}
