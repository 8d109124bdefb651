package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PyTorch's attributes x.T, x.mT, x.dtype, x.device and x.to(device), spelled as Java methods. */
class TensorAttributesTest {

    @Test
    @DisplayName("T reverses every dim (a view): a matrix's transpose, a 1-D tensor itself, [2, 3, 4] becomes [4, 3, 2]")
    void capitalT() {
        Tensor m = Tensor.arange(6).reshape(2, 3);
        assertArrayEquals(new int[] {3, 2}, m.T().shape());
        assertTrue(m.T().equal(m.t()));
        Tensor v = Tensor.arange(4);
        assertTrue(v.T().equal(v));
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        PrintStream old = System.err;
        var err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Tensor r;
        try {
            r = x.T();
        } finally {
            System.setErr(old);
        }
        assertArrayEquals(new int[] {4, 3, 2}, r.shape());
        assertEquals(x.get(1, 2, 3), r.get(3, 2, 1));
        assertTrue(r.equal(x.permute(2, 1, 0)));
        r.set(-1f, 0, 0, 0);
        assertEquals(-1f, x.get(0, 0, 0), "a view: it shares storage");
        String warned = err.toString(StandardCharsets.UTF_8);
        assertTrue(warned.isEmpty() || warned.startsWith("UserWarning: The use of `x.T` on tensors of dimension other than 2"), warned);
        assertEquals(0, Tensor.scalar(3f).T().dim());
    }

    @Test
    @DisplayName("mT swaps the last two dims; below 2 dims it is PyTorch's error, with the meaning and the fix")
    void matrixTranspose() {
        Tensor x = Tensor.arange(24).reshape(2, 3, 4);
        assertArrayEquals(new int[] {2, 4, 3}, x.mT().shape());
        assertTrue(x.mT().equal(x.transpose(-2, -1)));
        ShapeError e = assertThrows(ShapeError.class, () -> Tensor.arange(3).mT());
        assertEquals("tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.", e.torchMessage());
        assertTrue(e.getMessage().contains("Fix: make it a row or a column first"), e.getMessage());
    }

    @Test
    @DisplayName("dtype prints torch.float32, device prints cpu, to(\"cpu\") is the tensor itself")
    void dtypeDeviceTo() {
        Tensor x = Tensor.zeros(2, 3);
        assertEquals("torch.float32", x.dtype().toString());
        assertEquals("cpu", x.device().toString());
        assertEquals(Device.CPU, x.device());
        assertSame(x, x.to("cpu"));
        assertSame(x, x.to("cpu:0"));
    }

    @Test
    @DisplayName("to(\"cuda\") and any other device: PyTorch's first line, then that the workbook is CPU-only, and the fix")
    void otherDevices() {
        Tensor x = Tensor.zeros(2);
        ValueError cuda = assertThrows(ValueError.class, () -> x.to("cuda"));
        assertEquals("Torch not compiled with CUDA enabled", cuda.torchMessage());
        assertTrue(cuda.getMessage().contains("The workbook computes on the CPU only"), cuda.getMessage());
        assertTrue(cuda.getMessage().contains("Fix: drop the .to(...) call"), cuda.getMessage());
        assertEquals("Torch not compiled with CUDA enabled", assertThrows(ValueError.class, () -> x.to("cuda:1")).torchMessage());
        assertEquals("PyTorch is not linked with support for mps devices",
                assertThrows(ValueError.class, () -> x.to("mps")).torchMessage());
        assertEquals("CPU device index must be -1 or zero, got 1", assertThrows(ValueError.class, () -> x.to("cpu:1")).torchMessage());
        assertTrue(assertThrows(ValueError.class, () -> x.to("gpu")).torchMessage()
                .matches("Expected one of cpu, cuda, .* device type at start of device string: gpu"));
    }
}
