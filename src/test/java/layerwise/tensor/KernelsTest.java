package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KernelsTest {
    @Test
    @DisplayName("the fast kernel is the default unless -Dlayerwise.kernels=plain")
    void defaultIsFast() {
        Kernels.Kind expected = "plain".equalsIgnoreCase(System.getProperty("layerwise.kernels", ""))
                ? Kernels.Kind.PLAIN : Kernels.Kind.FAST;
        assertEquals(expected, Kernels.selected());
    }

    @Test
    @DisplayName("both kernels give the same matmul through the public seam")
    void bothKernelsAgree() {
        Tensor.manualSeed(0);
        Tensor a = Tensor.randn(3, 40, 70);
        Tensor b = Tensor.randn(70, 20);
        Tensor plain = Kernels.matmul(a, b, Kernels.Kind.PLAIN);
        Tensor fast = Kernels.matmul(a, b, Kernels.Kind.FAST);
        assertArrayEquals(plain.shape(), fast.shape());
        assertArrayEquals(plain.toFloatArray(), fast.toFloatArray());
        assertArrayEquals(fast.toFloatArray(), a.matmul(b).toFloatArray());
    }
}
