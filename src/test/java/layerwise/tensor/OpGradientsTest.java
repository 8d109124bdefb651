package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every differentiable tensor op against finite differences ({@link Autograd#gradcheck}), on inputs kept
 * away from kinks; plus a few gradients written out by hand where the formula is the point.
 */
class OpGradientsTest {

    /** Values in [0.5, 1.5] with random signs away from 0: no kink of relu/abs/clamp, log and sqrt defined for positives. */
    private static Tensor away(int seed, int... shape) {
        Tensor.manualSeed(seed);
        Tensor u = Tensor.rand(shape);
        Tensor s = Tensor.rand(shape);
        float[] v = u.toFloatArray(), sign = s.toFloatArray();
        for (int i = 0; i < v.length; i++) v[i] = (0.5f + v[i]) * (sign[i] < 0.5f ? -1 : 1);
        return Tensor.of(v, shape.length == 0 ? new int[] {1} : shape).reshape(shape).detach().requiresGrad(true);
    }

    private static Tensor positive(int seed, int... shape) {
        return away(seed, shape).detach().abs().requiresGrad(true);
    }

    static Stream<Arguments> unary() {
        return Stream.of(
                Arguments.of("neg", (Function<Tensor, Tensor>) Tensor::neg, false),
                Arguments.of("exp", (Function<Tensor, Tensor>) Tensor::exp, false),
                Arguments.of("log", (Function<Tensor, Tensor>) Tensor::log, true),
                Arguments.of("sqrt", (Function<Tensor, Tensor>) Tensor::sqrt, true),
                Arguments.of("abs", (Function<Tensor, Tensor>) Tensor::abs, false),
                Arguments.of("tanh", (Function<Tensor, Tensor>) Tensor::tanh, false),
                Arguments.of("sigmoid", (Function<Tensor, Tensor>) Tensor::sigmoid, false),
                Arguments.of("relu", (Function<Tensor, Tensor>) Tensor::relu, false),
                Arguments.of("pow 3", (Function<Tensor, Tensor>) x -> x.pow(3), false),
                Arguments.of("pow 0.5", (Function<Tensor, Tensor>) x -> x.pow(0.5f), true),
                Arguments.of("clamp", (Function<Tensor, Tensor>) x -> x.clamp(-1.2f, 1.1f), false),
                Arguments.of("leaky_relu", (Function<Tensor, Tensor>) x -> Functional.leakyRelu(x, 0.1f), false),
                Arguments.of("add 2", (Function<Tensor, Tensor>) x -> x.add(2f), false),
                Arguments.of("sub 2", (Function<Tensor, Tensor>) x -> x.sub(2f), false),
                Arguments.of("mul 3", (Function<Tensor, Tensor>) x -> x.mul(3f), false),
                Arguments.of("div 4", (Function<Tensor, Tensor>) x -> x.div(4f), false),
                Arguments.of("clone", (Function<Tensor, Tensor>) Tensor::clone, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unary")
    @DisplayName("elementwise ops of one tensor: backward equals finite differences")
    void unaryOps(String name, Function<Tensor, Tensor> op, boolean positiveOnly) {
        Tensor x = positiveOnly ? positive(1, 3, 4) : away(1, 3, 4);
        assertTrue(Autograd.gradcheck(op::apply, x));
        Tensor nc = (positiveOnly ? positive(2, 4, 3) : away(2, 4, 3)).detach().t().requiresGrad(true);  // non-contiguous
        assertTrue(Autograd.gradcheck(op::apply, nc));
    }

    static Stream<Arguments> binary() {
        return Stream.of(
                Arguments.of("add", (java.util.function.BinaryOperator<Tensor>) Tensor::add),
                Arguments.of("sub", (java.util.function.BinaryOperator<Tensor>) Tensor::sub),
                Arguments.of("mul", (java.util.function.BinaryOperator<Tensor>) Tensor::mul),
                Arguments.of("div", (java.util.function.BinaryOperator<Tensor>) Tensor::div));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binary")
    @DisplayName("elementwise ops of two tensors, same shape and broadcast both ways: gradients summed over broadcast dims")
    void binaryOps(String name, java.util.function.BinaryOperator<Tensor> op) {
        assertTrue(Autograd.gradcheck(op, away(3, 2, 3), away(4, 2, 3)));
        assertTrue(Autograd.gradcheck(op, away(5, 2, 1, 4), away(6, 3, 1)));      // (2,1,4) with (3,1) -> (2,3,4)
        assertTrue(Autograd.gradcheck(op, away(7, 4), away(8, 3, 4)));
        assertTrue(Autograd.gradcheck(op, away(9), away(10, 2, 2)));              // a 0-d operand
    }

    @Test
    @DisplayName("add(other, alpha) and add_(other, alpha): one fused multiply-add per element, as PyTorch; gradients g and α·g")
    void addWithAlpha() {
        Tensor a = away(14, 3, 5), b = away(15, 5);
        assertTrue(Autograd.gradcheck((x, y) -> x.add(y, -0.3f), a, b));
        Tensor x = away(16, 4, 6).detach(), y = away(17, 4, 6).detach();
        float[] xv = x.toFloatArray(), yv = y.toFloatArray(), want = new float[xv.length];
        for (int i = 0; i < xv.length; i++) want[i] = Math.fma(0.1f, yv[i], xv[i]);
        assertArrayEquals(want, x.add(y, 0.1f).toFloatArray());
        assertArrayEquals(want, x.add_(y, 0.1f).toFloatArray());
        assertArrayEquals(want, x.toFloatArray());
        Tensor nc = away(18, 6, 4).detach().t(), z = Tensor.zeros(4, 6);
        z.add_(nc, 2f);
        assertArrayEquals(nc.mul(2f).toFloatArray(), z.toFloatArray());
    }

    @Test
    @DisplayName("broadcast add by hand: b of shape (3) added to (2, 3) gets the column sums of g")
    void broadcastAddByHand() {
        Tensor a = Tensor.zeros(2, 3).requiresGrad(true);
        Tensor b = Tensor.zeros(3).requiresGrad(true);
        Tensor g = Tensor.of(new float[] {1, 2, 3, 10, 20, 30}, 2, 3);
        a.add(b).backward(g);
        assertArrayEquals(new float[] {11, 22, 33}, b.grad.toFloatArray());
        assertArrayEquals(g.toFloatArray(), a.grad.toFloatArray());
    }

    static Stream<Arguments> views() {
        return Stream.of(
                Arguments.of("view", (Function<Tensor, Tensor>) x -> x.view(4, 6)),
                Arguments.of("reshape (copy)", (Function<Tensor, Tensor>) x -> x.transpose(0, 2).reshape(-1)),
                Arguments.of("transpose", (Function<Tensor, Tensor>) x -> x.transpose(0, 2)),
                Arguments.of("permute", (Function<Tensor, Tensor>) x -> x.permute(2, 0, 1)),
                Arguments.of("t", (Function<Tensor, Tensor>) x -> x.select(0, 1).t()),
                Arguments.of("T", (Function<Tensor, Tensor>) x -> x.select(2, 1).T()),
                Arguments.of("mT", (Function<Tensor, Tensor>) Tensor::mT),
                Arguments.of("squeeze", (Function<Tensor, Tensor>) x -> x.unsqueeze(1).squeeze()),
                Arguments.of("squeeze(dim)", (Function<Tensor, Tensor>) x -> x.unsqueeze(0).squeeze(0)),
                Arguments.of("unsqueeze", (Function<Tensor, Tensor>) x -> x.unsqueeze(-1)),
                Arguments.of("expand", (Function<Tensor, Tensor>) x -> x.select(1, 0).unsqueeze(1).expand(2, 5, 4)),
                Arguments.of("expand new dims", (Function<Tensor, Tensor>) x -> x.expand(3, 2, 3, 4)),
                Arguments.of("flatten", (Function<Tensor, Tensor>) x -> x.flatten(1)),
                Arguments.of("narrow", (Function<Tensor, Tensor>) x -> x.narrow(2, 1, 2)),
                Arguments.of("slice step 2", (Function<Tensor, Tensor>) x -> x.slice(2, 0, 4, 2)),
                Arguments.of("select", (Function<Tensor, Tensor>) x -> x.select(1, -1)),
                Arguments.of("chunk, second piece", (Function<Tensor, Tensor>) x -> x.chunk(3, 2).get(1)),
                Arguments.of("chunk, all pieces", (Function<Tensor, Tensor>) x -> {
                    List<Tensor> p = x.chunk(2, 1);
                    return p.get(0).mul(p.get(1).slice(1, 0, 1));
                }),
                Arguments.of("contiguous", (Function<Tensor, Tensor>) x -> x.transpose(1, 2).contiguous()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("views")
    @DisplayName("views move no numbers: their backward puts g back in place")
    void viewOps(String name, Function<Tensor, Tensor> op) {
        assertTrue(Autograd.gradcheck(op::apply, away(11, 2, 3, 4)));
    }

    static Stream<Arguments> reductions() {
        return Stream.of(
                Arguments.of("sum", (Function<Tensor, Tensor>) Tensor::sum),
                Arguments.of("sum(dim)", (Function<Tensor, Tensor>) x -> x.sum(1)),
                Arguments.of("sum(dim, keepdim)", (Function<Tensor, Tensor>) x -> x.sum(-1, true)),
                Arguments.of("mean", (Function<Tensor, Tensor>) Tensor::mean),
                Arguments.of("mean(dim)", (Function<Tensor, Tensor>) x -> x.mean(0)),
                Arguments.of("mean(dim, keepdim)", (Function<Tensor, Tensor>) x -> x.mean(2, true)),
                Arguments.of("var", (Function<Tensor, Tensor>) Tensor::var),
                Arguments.of("var(dim, biased)", (Function<Tensor, Tensor>) x -> x.var(1, false, false)),
                Arguments.of("var(dim, keepdim)", (Function<Tensor, Tensor>) x -> x.var(2, true)),
                Arguments.of("std", (Function<Tensor, Tensor>) Tensor::std),
                Arguments.of("std(dim)", (Function<Tensor, Tensor>) x -> x.std(0, false)),
                Arguments.of("std(dim, biased, keepdim)", (Function<Tensor, Tensor>) x -> x.std(1, false, true)),
                Arguments.of("max", (Function<Tensor, Tensor>) Tensor::max),
                Arguments.of("min", (Function<Tensor, Tensor>) Tensor::min),
                Arguments.of("max(dim)", (Function<Tensor, Tensor>) x -> x.max(1, false)),
                Arguments.of("min(dim, keepdim)", (Function<Tensor, Tensor>) x -> x.min(2, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reductions")
    @DisplayName("reductions: backward equals finite differences")
    void reductionOps(String name, Function<Tensor, Tensor> op) {
        assertTrue(Autograd.gradcheck(op::apply, away(12, 2, 3, 4)));
        assertTrue(Autograd.gradcheck(op::apply, away(13, 3, 4, 2).detach().permute(2, 0, 1).requiresGrad(true)));
    }

    @Test
    @DisplayName("max() with a tie shares g evenly (PyTorch's rule); max(dim) sends it to the first maximum, the index it returns")
    void maxTies() {
        Tensor x = Tensor.of(new float[] {1, 5, 5, 2}).requiresGrad(true);
        x.max().backward();
        assertArrayEquals(new float[] {0, 0.5f, 0.5f, 0}, x.grad.toFloatArray());
        Tensor y = Tensor.of(new float[][] {{3, 3, 1}, {0, 2, 2}}).requiresGrad(true);
        y.max(1, false).sum().backward();
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, y.grad.toFloatArray());
        Tensor z = Tensor.of(new float[] {4, 1, 1}).requiresGrad(true);
        z.min().backward();
        assertArrayEquals(new float[] {0, 0.5f, 0.5f}, z.grad.toFloatArray());
    }

    @Test
    @DisplayName("matmul in every form (1-D·1-D, 2-D·1-D, 1-D·2-D, 2-D·2-D, batched and broadcast), mm and bmm")
    void products() {
        java.util.function.BinaryOperator<Tensor> mm = Tensor::matmul;
        assertTrue(Autograd.gradcheck(mm, away(20, 4), away(21, 4)));
        assertTrue(Autograd.gradcheck(mm, away(22, 3, 4), away(23, 4)));
        assertTrue(Autograd.gradcheck(mm, away(24, 4), away(25, 4, 5)));
        assertTrue(Autograd.gradcheck(mm, away(26, 3, 4), away(27, 4, 5)));
        assertTrue(Autograd.gradcheck(mm, away(28, 2, 3, 4), away(29, 4, 5)));
        assertTrue(Autograd.gradcheck(mm, away(30, 2, 1, 3, 4), away(31, 3, 4, 2)));
        assertTrue(Autograd.gradcheck(mm, away(32, 4), away(33, 2, 4, 3)));
        assertTrue(Autograd.gradcheck(mm, away(34, 2, 3, 4), away(35, 4)));
        assertTrue(Autograd.gradcheck(Tensor::mm, away(36, 3, 4), away(37, 4, 2)));
        assertTrue(Autograd.gradcheck(Tensor::bmm, away(38, 2, 3, 4), away(39, 2, 4, 2)));
        Tensor a = away(40, 4, 3);
        assertTrue(Autograd.gradcheck(x -> x.t().matmul(x), a));                  // one tensor used twice, transposed
    }

    @Test
    @DisplayName("cat and stack: each input gets its own piece of g, including an empty (0,) input cat skips")
    void joins() {
        assertTrue(Autograd.gradcheck(xs -> Tensor.cat(List.of(xs.get(0), xs.get(1), xs.get(2)), 1),
                List.of(away(41, 2, 3), away(42, 2, 1), away(43, 2, 4))));
        assertTrue(Autograd.gradcheck(xs -> Tensor.stack(List.of(xs.get(0), xs.get(1)), 1),
                List.of(away(44, 2, 3), away(45, 2, 3))));
        Tensor empty = Tensor.zeros(0).requiresGrad(true);
        Tensor x = away(46, 2, 2);
        Tensor.cat(List.of(empty, x), 0).sum().backward();
        assertArrayEquals(new int[] {0}, empty.grad.shape());
        assertArrayEquals(new float[] {1, 1, 1, 1}, x.grad.toFloatArray());
    }

    @Test
    @DisplayName("F.linear: gradcheck on 1-D, 2-D and 3-D inputs, with and without bias")
    void linear() {
        assertTrue(Autograd.gradcheck(xs -> Functional.linear(xs.get(0), xs.get(1), xs.get(2)),
                List.of(away(50, 3, 4), away(51, 2, 4), away(52, 2))));
        assertTrue(Autograd.gradcheck(xs -> Functional.linear(xs.get(0), xs.get(1), null),
                List.of(away(53, 2, 3, 4), away(54, 5, 4))));
        assertTrue(Autograd.gradcheck(xs -> Functional.linear(xs.get(0), xs.get(1), xs.get(2)),
                List.of(away(55, 4), away(56, 3, 4), away(57, 3))));
    }

    @Test
    @DisplayName("Linear by hand: dW = gᵀ·x, db = Σ g over rows, dx = g·W")
    void linearByHand() {
        Tensor x = Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}).requiresGrad(true);      // (3, 2)
        Tensor w = Tensor.of(new float[][] {{1, 0}, {2, -1}}).requiresGrad(true);              // (out 2, in 2)
        Tensor b = Tensor.of(new float[] {0.5f, -0.5f}).requiresGrad(true);
        Tensor g = Tensor.of(new float[][] {{1, 0}, {0, 1}, {1, 1}});
        Functional.linear(x, w, b).backward(g);
        // dW[o][i] = Σ_m g[m][o] x[m][i]: row 0: 1*(1,2) + 1*(5,6) = (6, 8); row 1: (3,4) + (5,6) = (8, 10)
        assertArrayEquals(new float[] {6, 8, 8, 10}, w.grad.toFloatArray());
        assertArrayEquals(new float[] {2, 2}, b.grad.toFloatArray());
        // dx[m] = Σ_o g[m][o] W[o]: (1,0), (2,-1), (3,-1)
        assertArrayEquals(new float[] {1, 0, 2, -1, 3, -1}, x.grad.toFloatArray());
    }

    @Test
    @DisplayName("in-place ops in a graph: add_ of a tensor that requires grad, fill_ cutting the history")
    void inPlaceInGraph() {
        Tensor w = away(60, 3);
        assertTrue(Autograd.gradcheck(x -> {
            Tensor y = x.mul(2f);
            y.add_(x.exp());
            return y;
        }, w));
        Tensor a = away(61, 3);
        Tensor buffer = Tensor.zeros(3);
        buffer.add_(a);
        assertEquals("AddBackward0", buffer.gradFn().name());
        buffer.mul(3f).sum().backward();
        assertArrayEquals(new float[] {3, 3, 3}, a.grad.toFloatArray());
        Tensor b = away(62, 3);
        Tensor c = b.mul(2f);
        c.fill_(1f);
        c.sum().backward();
        assertArrayEquals(new float[] {0, 0, 0}, b.grad.toFloatArray());
        Tensor d = away(63, 2, 2);
        Tensor e = d.mul(1f);
        e.set(7f, 0, 1);
        e.sum().backward();
        assertArrayEquals(new float[] {1, 0, 1, 1}, d.grad.toFloatArray());
    }

    @Test
    @DisplayName("no gradient flows into an input that does not require grad")
    void onlyWhatRequiresGrad() {
        Tensor a = away(70, 2, 2);
        Tensor b = Tensor.ones(2, 2);
        a.mul(b).sum().backward();
        assertNull(b.grad);
        assertArrayEquals(new float[] {1, 1, 1, 1}, a.grad.toFloatArray());
    }
}
