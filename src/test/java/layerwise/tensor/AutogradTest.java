package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import layerwise.nn.Linear;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Autograd's semantics and texts, as PyTorch 1.13 has them (../reference: pytorch-1.13-autograd-training). */
class AutogradTest {

    @Test
    @DisplayName("the chain rule on a scalar: y = (2x + 1)², dy/dx = 4(2x + 1)")
    void chainRule() {
        Tensor x = Tensor.scalar(3f).requiresGrad(true);
        Tensor y = x.mul(2f).add(1f).pow(2f);
        y.backward();
        assertEquals(28f, x.grad.item());
        assertTrue(x.isLeaf());
        assertFalse(y.isLeaf());
    }

    @Test
    @DisplayName("grad accumulates across backward calls until it is zeroed or set to null")
    void accumulation() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        x.mul(3f).sum().backward();
        x.mul(3f).sum().backward();
        assertArrayEquals(new float[] {6, 6}, x.grad.toFloatArray());
        x.grad.zero_();
        x.mul(x).sum().backward();
        assertArrayEquals(new float[] {2, 4}, x.grad.toFloatArray());
        x.grad = null;
        x.sum().backward();
        assertArrayEquals(new float[] {1, 1}, x.grad.toFloatArray());
    }

    @Test
    @DisplayName("a tensor used twice gets both contributions (the multivariate chain rule)")
    void diamond() {
        Tensor x = Tensor.of(new float[] {2}).requiresGrad(true);
        Tensor a = x.mul(3f);
        Tensor y = a.mul(a).add(a);           // y = 9x² + 3x, dy/dx = 18x + 3
        y.sum().backward();
        assertEquals(39f, x.grad.item());
    }

    @Test
    @DisplayName("backward on a leaf itself: grad is the given gradient")
    void backwardOnLeaf() {
        Tensor x = Tensor.ones(2).requiresGrad(true);
        x.backward(Tensor.of(new float[] {3, 4}));
        assertArrayEquals(new float[] {3, 4}, x.grad.toFloatArray());
    }

    @Test
    @DisplayName("noGrad records nothing and restores the mode; enableGrad inside turns it back on")
    void noGrad() {
        Tensor w = Tensor.ones(2).requiresGrad(true);
        int v0 = w.version.value;
        Tensor y;
        try (var g = Autograd.noGrad()) {
            assertFalse(Autograd.isGradEnabled());
            y = w.mul(2f);
            w.add_(Tensor.ones(2));                        // allowed with gradients off
            try (var on = Autograd.enableGrad()) {
                assertTrue(w.mul(2f).requiresGrad());
            }
            assertFalse(Autograd.isGradEnabled());
        }
        assertTrue(Autograd.isGradEnabled());
        assertFalse(y.requiresGrad());
        assertNull(y.gradFn());
        assertEquals("tensor([2., 2.])", y.toString());
        assertEquals(v0 + 1, w.version.value);
    }

    @Test
    @DisplayName("detach shares the values but not the history; retainGrad keeps a non-leaf's grad")
    void detachAndRetain() {
        Tensor x = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        Tensor y = x.mul(2f);
        Tensor d = y.detach();
        assertFalse(d.requiresGrad());
        assertTrue(d.sharesStorageWith(y));
        y.retainGrad();
        Tensor z = y.mul(y).sum();
        z.backward();
        assertArrayEquals(new float[] {4, 8}, y.grad.toFloatArray());      // dz/dy = 2y
        assertArrayEquals(new float[] {8, 16}, x.grad.toFloatArray());
        Tensor w = Tensor.ones(2).requiresGrad(true);
        w.detach().zero_();                                                 // a detached alias may be written
        assertArrayEquals(new float[] {0, 0}, w.toFloatArray());
    }

    @Test
    @DisplayName("retain_graph keeps the graph for a second backward")
    void retainGraph() {
        Tensor x = Tensor.of(new float[] {3}).requiresGrad(true);
        Tensor y = x.mul(x).sum();
        y.backward(true);
        y.backward();
        assertEquals(12f, x.grad.item());
    }

    @Test
    @DisplayName("how tensors print: requires_grad=True on leaves, grad_fn=<...> on results, Parameter containing:")
    void printing() {
        Tensor a = Tensor.of(new float[] {1, 2}).requiresGrad(true);
        assertEquals("tensor([1., 2.], requires_grad=True)", a.toString());
        assertEquals("tensor(3., grad_fn=<SumBackward0>)", a.sum().toString());
        assertEquals("tensor([2., 4.], grad_fn=<MulBackward1>)", a.mul(2f).toString());
        Tensor m = Tensor.ones(2, 2).requiresGrad(true);
        assertEquals("MmBackward0", m.mm(m).gradFn().name());
        assertEquals("TBackward0", m.t().gradFn().name());
        assertEquals("ReluBackward0", m.relu().gradFn().name());
        assertEquals("AddmmBackward0", new Linear(2, 3).forward(Tensor.ones(4, 2)).gradFn().name());
        Linear lin = new Linear(2, 2);
        assertTrue(lin.bias.toString().startsWith("Parameter containing:\ntensor(["), lin.bias.toString());
        assertTrue(lin.bias.toString().endsWith("], requires_grad=True)"), lin.bias.toString());
        assertEquals(List.of("AccumulateGrad", "AccumulateGrad"), a.mul(a).gradFn().nextFunctions().subList(0, 2));
    }

    @Test
    @DisplayName("PyTorch's errors: non-scalar backward, no grad_fn, shape mismatch, second backward, in-place on a leaf")
    void errors() {
        Tensor x = Tensor.ones(3).requiresGrad(true);
        AutogradError e = assertThrows(AutogradError.class, () -> x.mul(2f).backward());
        assertEquals("grad can be implicitly created only for scalar outputs", e.torchMessage());
        assertTrue(e.getMessage().contains("Fix: reduce it to a loss first"), e.getMessage());
        e = assertThrows(AutogradError.class, () -> Tensor.randn(3).sum().backward());
        assertEquals("element 0 of tensors does not require grad and does not have a grad_fn", e.torchMessage());
        ShapeError s = assertThrows(ShapeError.class, () -> x.mul(2f).backward(Tensor.ones(4)));
        assertEquals("Mismatch in shape: grad_output[0] has a shape of torch.Size([4]) and output[0] has a shape of "
                + "torch.Size([3]).", s.torchMessage());
        Tensor y = x.sigmoid().sum();
        y.backward();
        e = assertThrows(AutogradError.class, y::backward);
        assertTrue(e.torchMessage().startsWith("Trying to backward through the graph a second time"), e.torchMessage());
        e = assertThrows(AutogradError.class, () -> x.add_(Tensor.ones(3)));
        assertEquals("a leaf Variable that requires grad is being used in an in-place operation.", e.torchMessage());
        e = assertThrows(AutogradError.class, () -> x.slice(0, 0, 2).fill_(0f));
        assertEquals("a view of a leaf Variable that requires grad is being used in an in-place operation.", e.torchMessage());
        e = assertThrows(AutogradError.class, () -> new Linear(2, 2).weight.copy_(Tensor.zeros(2, 2)));
        assertTrue(e.getMessage().contains("Autograd.noGrad()"), e.getMessage());
        Tensor c = x.mul(2f);
        e = assertThrows(AutogradError.class, () -> c.requiresGrad(false));
        assertTrue(e.torchMessage().startsWith("you can only change requires_grad flags of leaf variables."));
        e = assertThrows(AutogradError.class, () -> Tensor.ones(2).retainGrad());
        assertEquals("can't retain_grad on Tensor that has requires_grad=False", e.torchMessage());
    }

    @Test
    @DisplayName("a saved tensor changed in place before backward: PyTorch's version-counter message")
    void savedTensorModified() {
        Tensor a = Tensor.ones(3).requiresGrad(true);
        Tensor b = a.sigmoid();
        Tensor loss = b.sum();
        b.mul_(2f);
        AutogradError e = assertThrows(AutogradError.class, loss::backward);
        assertEquals("one of the variables needed for gradient computation has been modified by an inplace operation: "
                + "[torch.FloatTensor [3]], which is output 0 of SigmoidBackward0, is at version 1; expected version 0 "
                + "instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with "
                + "torch.autograd.set_detect_anomaly(True).", e.torchMessage());
    }

    @Test
    @DisplayName("gradcheck passes a right derivative and names the element, the analytic and the numeric value of a wrong one")
    void gradcheckCatchesAWrongFormula() {
        Tensor x = Tensor.of(new float[] {0.3f, -0.7f, 1.1f}).requiresGrad(true);
        assertTrue(Autograd.gradcheck(t -> t.tanh().mul(t), x));
        // sin with the derivative of cos: wrong everywhere
        AutogradError e = assertThrows(AutogradError.class, () -> Autograd.gradcheck(t -> Autograd.op("WrongBackward0",
                () -> Elementwise.unary(t, v -> (float) Math.sin(v)),
                (g, out) -> new Tensor[] {Elementwise.binary(g, t, (gg, v) -> (float) (-gg * Math.sin(v)))},
                new Tensor[] {t}, t), x));
        assertEquals("Jacobian mismatch for output 0 with respect to input 0,", e.torchMessage());
        assertTrue(e.getMessage().contains("input 0 (shape [3]), element [0]: analytical"), e.getMessage());
        assertTrue(e.getMessage().contains("3 of 3 elements differ"), e.getMessage());
        assertNull(x.grad, "gradcheck leaves the inputs' grad as it found them");
        ValueError none = assertThrows(ValueError.class, () -> Autograd.gradcheck(Tensor::exp, Tensor.ones(2)));
        assertTrue(none.torchMessage().startsWith("gradcheck expects at least one input tensor to require gradient"));
    }

    @Test
    @DisplayName("Module.loadStateDict writes parameters with gradients off, as torch does")
    void loadStateDictUnderNoGrad() {
        Linear a = new Linear(2, 2);
        Linear b = new Linear(2, 2);
        b.loadStateDict(a.stateDict());
        assertTrue(b.weight.equal(a.weight));
        assertTrue(b.weight.requiresGrad());
    }
}
