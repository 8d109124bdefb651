package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** arange, linspace and eye against torch 1.13's values. */
class RangesTest {
    /** sum((i+1) * floatBits[i]) mod 2^61-1, computed the same way from torch's output. */
    private static long fingerprint(Tensor t) {
        long p = (1L << 61) - 1;
        long h = 0;
        float[] v = t.toFloatArray();
        for (int i = 0; i < v.length; i++) h = (h + (i + 1L) * (Float.floatToRawIntBits(v[i]) & 0xFFFFFFFFL)) % p;
        return h;
    }

    @Test
    @DisplayName("arange counts up or down, excluding end")
    void arange() {
        assertArrayEquals(new float[] {0, 1, 2, 3}, Tensor.arange(4).toFloatArray());
        // torch.arange(0.5, 2, 0.25); torch.arange(1, 0, -0.3)
        assertArrayEquals(new float[] {0.5f, 0.75f, 1f, 1.25f, 1.5f, 1.75f}, Tensor.arange(0.5f, 2, 0.25f).toFloatArray());
        assertArrayEquals(new float[] {1.0f, 0.699999988079071f, 0.4000000059604645f, 0.10000000149011612f},
                Tensor.arange(1, 0, -0.3).toFloatArray());
        assertEquals(0, Tensor.arange(0).numel());
        // fingerprints of torch.arange(a, b, s) bits (see fingerprint): torch's kernel writes lanes of 8
        assertEquals(5486066165440L, fingerprint(Tensor.arange(0, 10, 0.1)));
        assertEquals(565367223027L, fingerprint(Tensor.arange(-3.3, 7.1, 0.37)));
        assertEquals(11474019077741L, fingerprint(Tensor.arange(0.1, 100, 0.7)));
        assertEquals(58971205877338L, fingerprint(Tensor.arange(5, -20, -0.13)));
        assertEquals("step must be nonzero", assertThrows(ShapeError.class, () -> Tensor.arange(0, 1, 0)).torchMessage());
        assertEquals("upper bound and larger bound inconsistent with step sign",
                assertThrows(ShapeError.class, () -> Tensor.arange(0, 1, -1)).torchMessage());
    }

    @Test
    @DisplayName("linspace includes both ends")
    void linspace() {
        // torch.linspace(-1, 2, 7); torch.linspace(0, 1, 10)
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f, 2f}, Tensor.linspace(-1, 2, 7).toFloatArray());
        assertArrayEquals(new float[] {0.0f, 0.1111111119389534f, 0.2222222238779068f, 0.3333333432674408f,
            0.4444444477558136f, 0.5555555820465088f, 0.6666666865348816f, 0.7777777910232544f, 0.8888888955116272f,
            1.0f}, Tensor.linspace(0, 1, 10).toFloatArray());
        assertArrayEquals(new float[] {3}, Tensor.linspace(3, 5, 1).toFloatArray());
        // fingerprints of torch.linspace(a, b, n) bits
        assertEquals(6588132318035L, fingerprint(Tensor.linspace(-1.3f, 2.7f, 100)));
        assertEquals(529939998562544L, fingerprint(Tensor.linspace(0, 1, 1000)));
        assertEquals(1343297858084L, fingerprint(Tensor.linspace(-5, 3, 37)));
        assertEquals(143574381326L, fingerprint(Tensor.linspace(0.1f, 0.7f, 16)));
        assertEquals(1607762968576L, fingerprint(Tensor.linspace(2, -3, 33)));
        assertEquals(0, Tensor.linspace(3, 5, 0).numel());
        assertEquals("number of steps must be non-negative",
                assertThrows(ShapeError.class, () -> Tensor.linspace(0, 1, -1)).torchMessage());
    }

    @Test
    @DisplayName("eye puts ones on the diagonal of n x m")
    void eye() {
        Tensor e = Tensor.eye(2, 3);
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0}, e.toFloatArray());
        assertArrayEquals(new int[] {3, 3}, Tensor.eye(3).shape());
        assertEquals(3f, Tensor.eye(3).sum().item());
        assertEquals("n must be greater or equal to 0, got -1",
                assertThrows(ShapeError.class, () -> Tensor.eye(-1)).torchMessage());
    }
}
