package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Elementwise ops with broadcasting. Unary results are compared with torch 1.13 on
 * x = (torch.manual_seed(0), torch.rand(2, 3) * 4 - 2): the same bits here, since rand is bit-exact.
 */
class ElementwiseTest {
    /** float32 math differs from torch's vectorised kernels by at most an ulp or two. */
    private static final float TOL = 2e-7f;

    private static Tensor x() {
        Tensor.manualSeed(0);
        return Tensor.rand(2, 3).mul(4).sub(2);
    }

    private static void assertOp(float[] torch, UnaryOperator<Tensor> op) {
        float[] got = op.apply(x()).toFloatArray();
        for (int i = 0; i < torch.length; i++) {
            assertEquals(torch[i], got[i], TOL * Math.max(1, Math.abs(torch[i])), "element " + i);
        }
    }

    @Test
    @DisplayName("x itself is the same bits as torch's")
    void inputMatchesTorch() {
        assertArrayEquals(new float[] {-0.014973640441894531f, 1.0728871822357178f, -1.6460902690887451f,
            -1.4718780517578125f, -0.7703087329864502f, 0.5363147258758545f}, x().toFloatArray());
    }

    @Test
    @DisplayName("exp, log, sqrt, tanh, sigmoid, pow, relu, clamp match torch")
    void unaryOpsMatchTorch() {
        assertOp(new float[] {0.9851378798484802f, 2.9238088130950928f, 0.19280225038528442f, 0.22949407994747162f,
            0.46287015080451965f, 1.709694504737854f}, Tensor::exp);
        assertOp(new float[] {-0.014972521923482418f, 0.7905464768409729f, -0.9283191561698914f, -0.8999351263046265f,
            -0.6471089124679565f, 0.49019327759742737f}, Tensor::tanh);
        assertOp(new float[] {0.49625667929649353f, 0.7451456189155579f, 0.1616380661725998f, 0.18665732443332672f,
            0.3164123296737671f, 0.6309547424316406f}, Tensor::sigmoid);
        assertOp(new float[] {-3.3572387110325508e-06f, 1.234986424446106f, -4.460267543792725f, -3.188713312149048f,
            -0.4570823907852173f, 0.15426206588745117f}, t -> t.pow(3));
        float[] sqrtAbs = {0.12236683070659637f, 1.0358027219772339f, 1.2830004692077637f, 1.213209867477417f,
            0.8776723146438599f, 0.732335090637207f};
        assertOp(sqrtAbs, t -> t.abs().pow(0.5f));
        assertOp(sqrtAbs, t -> t.abs().sqrt());
        assertOp(new float[] {-4.20146369934082f, 0.07035331428050995f, 0.4984029531478882f, 0.38653916120529175f,
            -0.26096388697624207f, -0.6230341196060181f}, t -> t.abs().log());
        assertOp(new float[] {0f, 1.0728871822357178f, 0f, 0f, 0f, 0.5363147258758545f}, Tensor::relu);
        assertOp(new float[] {-0.014973640441894531f, 0.5f, -0.5f, -0.5f, -0.5f, 0.5f}, t -> t.clamp(-0.5f, 0.5f));
    }

    @Test
    @DisplayName("special values: NaN propagates through relu and clamp, clamp(min > max) gives max")
    void specialValues() {
        Tensor t = Tensor.of(new float[] {Float.NaN, -1f, 0f, Float.POSITIVE_INFINITY});
        assertTrue(Float.isNaN(t.relu().get(0)));
        assertTrue(Float.isNaN(t.clamp(0, 1).get(0)));
        assertArrayEquals(new float[] {1, 1, 1}, Tensor.of(new float[] {-5, 0.5f, 5}).clamp(3, 1).toFloatArray());
        assertEquals(1f, t.sigmoid().get(3));
        assertEquals(Float.NEGATIVE_INFINITY, t.log().get(2));
        assertTrue(Float.isNaN(t.sqrt().get(1)));
    }

    @Test
    @DisplayName("binary ops broadcast size-1 and missing dims; scalar variants agree")
    void broadcasting() {
        Tensor col = Tensor.arange(3).reshape(3, 1);          // [[0],[1],[2]]
        Tensor row = Tensor.arange(4).mul(10);               // [0,10,20,30]
        Tensor sum = col.add(row);
        assertArrayEquals(new int[] {3, 4}, sum.shape());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(i + 10f * j, sum.get(i, j));
                assertEquals(i - 10f * j, col.sub(row).get(i, j));
                assertEquals(i * 10f * j, col.mul(row).get(i, j));
            }
        }
        assertArrayEquals(new int[] {2, 3, 4}, Tensor.ones(2, 1, 4).add(Tensor.ones(3, 1)).shape());
        assertArrayEquals(new int[] {2, 3}, Tensor.ones(2, 3).add(Tensor.scalar(1)).shape());
        assertArrayEquals(new int[] {2, 0, 4}, Tensor.ones(2, 1, 4).mul(Tensor.ones(0, 1)).shape());
        Tensor a = x();
        assertArrayEquals(a.add(Tensor.scalar(2.5f)).toFloatArray(), a.add(2.5f).toFloatArray());
        assertArrayEquals(a.div(Tensor.fullLike(a, 3f)).toFloatArray(), a.div(3f).toFloatArray());
        assertArrayEquals(a.neg().toFloatArray(), a.mul(-1f).toFloatArray());
    }

    @Test
    @DisplayName("non-contiguous operands are read through their strides")
    void nonContiguousOperands() {
        Tensor a = Tensor.arange(6).reshape(2, 3);
        Tensor b = Tensor.arange(6).reshape(3, 2).t();        // [[0,2,4],[1,3,5]]
        assertArrayEquals(new float[] {0, 3, 6, 4, 7, 10}, a.add(b).toFloatArray());
        Tensor s = Tensor.arange(10).slice(0, 1, 10, 3);      // [1,4,7]
        assertArrayEquals(new float[] {2, 8, 14}, s.add(s).toFloatArray());
    }

    @Test
    @DisplayName("in-place ops write into this tensor and through views")
    void inPlace() {
        Tensor a = Tensor.zeros(2, 3);
        assertSame(a, a.add_(Tensor.arange(3)));
        assertArrayEquals(new float[] {0, 1, 2, 0, 1, 2}, a.toFloatArray());
        a.t().add_(Tensor.ones(3, 1));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, a.toFloatArray());
        Tensor b = Tensor.zeros(2, 3);
        b.select(1, 1).copy_(Tensor.of(new float[] {5, 6}));
        assertArrayEquals(new float[] {0, 5, 0, 0, 6, 0}, b.toFloatArray());
        // copying a tensor onto an overlapping view of itself reads the old values first
        Tensor c = Tensor.arange(4);
        c.slice(0, 1, 4).copy_(c.slice(0, 0, 3));
        assertArrayEquals(new float[] {0, 0, 1, 2}, c.toFloatArray());
        assertArrayEquals(new float[] {9, 9}, Tensor.zeros(2).fill_(9).toFloatArray());
        assertArrayEquals(new float[] {0, 0}, Tensor.ones(2).zero_().toFloatArray());
    }

    @Test
    @DisplayName("in-place ops cannot grow this tensor: torch's text")
    void inPlaceCannotGrow() {
        // torch.randn(3).copy_(torch.randn(4)) and add_(torch.randn(4)) raise the broadcast error
        assertEquals("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                assertThrows(ShapeError.class, () -> Tensor.zeros(3).copy_(Tensor.zeros(4))).torchMessage());
        assertEquals("output with shape [3] doesn't match the broadcast shape [2, 3]",
                assertThrows(ShapeError.class, () -> Tensor.zeros(3).copy_(Tensor.zeros(2, 3))).torchMessage());
    }
}
