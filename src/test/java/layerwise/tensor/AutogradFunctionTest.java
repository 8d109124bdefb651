package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Autograd.function, a learner's own op: its backward is used as given, and gradcheck tells a right one from a wrong one. */
class AutogradFunctionTest {

    private static Tensor cube(Tensor x) {
        return Autograd.function("CubeBackward", x, t -> t.pow(3), (g, t) -> g.mul(t.pow(2)).mul(3));
    }

    private static Tensor wrongCube(Tensor x) {
        return Autograd.function("WrongCubeBackward", x, t -> t.pow(3), (g, t) -> g.mul(t.pow(2)).mul(2));
    }

    @Test
    @DisplayName("the output carries the op's name, and backward puts the given derivative into x.grad")
    void backwardUsesTheGivenDerivative() {
        Tensor x = Tensor.of(new float[] {-2f, 0.5f, 3f}, 3).requiresGrad(true);
        Tensor y = cube(x);
        assertEquals("CubeBackward", y.gradFn().name());
        assertEquals(java.util.List.of("AccumulateGrad"), y.gradFn().nextFunctions());
        y.sum().backward();
        assertTrue(x.grad.equal(Tensor.of(new float[] {12f, 0.75f, 27f}, 3)), x.grad.toString());
        assertTrue(y.equal(Tensor.of(new float[] {-8f, 0.125f, 27f}, 3)));
    }

    @Test
    @DisplayName("gradcheck passes the right derivative and reports the wrong one with PyTorch's first line")
    void gradcheckJudgesIt() {
        Tensor x = Tensor.of(new float[] {-1.5f, 0.8f, 1.2f, 2f}, 4).requiresGrad(true);
        assertTrue(Autograd.gradcheck(AutogradFunctionTest::cube, x));
        AutogradError e = assertThrows(AutogradError.class, () -> Autograd.gradcheck(AutogradFunctionTest::wrongCube, x));
        assertTrue(e.getMessage().startsWith("Jacobian mismatch for output 0 with respect to input 0,"), e.getMessage());
        assertTrue(e.getMessage().contains("(4 of 4 elements differ)"), e.getMessage());
    }

    @Test
    @DisplayName("without an input that requires grad nothing is recorded; a null forward result or a wrong-shaped gradient is named")
    void edges() {
        Tensor plain = cube(Tensor.of(new float[] {2f}, 1));
        assertNull(plain.gradFn());
        assertFalse(plain.requiresGrad());
        Tensor x = Tensor.randn(3).requiresGrad(true);
        ValueError none = assertThrows(ValueError.class, () -> Autograd.function("NoneBackward", x, t -> null, (g, t) -> g));
        assertTrue(none.getMessage().startsWith("NoneBackward: forward returned null"), none.getMessage());
        Tensor y = Autograd.function("SumBackward", x, t -> t.sum(), (g, t) -> g);
        IllegalStateException shape = assertThrows(IllegalStateException.class, y::backward);
        assertEquals("Function SumBackward returned an invalid gradient - got torch.Size([]) but expected shape compatible with "
                + "torch.Size([3])", shape.getMessage());
    }
}
