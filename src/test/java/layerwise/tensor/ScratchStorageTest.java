package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The kernels' scratch buffers and the printing buffer come from {@link Storage} as a tensor's storage does:
 * one that does not fit the heap is a ShapeError naming the bytes and the heap, not an OutOfMemoryError from
 * deep inside a kernel. (The sizes below need more than the test JVM's heap; on a JVM with more, the
 * tests are skipped.)
 */
class ScratchStorageTest {

    private static void assertHeapError(Runnable op) {
        ShapeError e = assertThrows(ShapeError.class, op::run);
        assertTrue(e.torchMessage().startsWith("DefaultCPUAllocator: can't allocate memory: you tried to allocate "),
                e.getMessage());
        assertTrue(e.getMessage().contains("of heap (Runtime.maxMemory())"), e.getMessage());
    }

    @Test
    @DisplayName("im2col's scratch matrix beyond the heap: the ShapeError, not an OutOfMemoryError")
    void im2colScratch() {
        assumeTrue(Runtime.getRuntime().maxMemory() < 8L << 30, "a heap of 8 GiB or more holds the scratch");
        // a 1 x 92000 row and a 1 x 46000 kernel: 46001 outputs, each unfolding 46000 taps (8.5 GB of scratch)
        Tensor x = Tensor.zeros(1, 1, 1, 92000);
        Tensor w = Tensor.zeros(1, 1, 1, 46000);
        assertHeapError(() -> Kernels.conv2d(x, w, null, new int[] {1}, new int[] {0}, new int[] {1}, 1, Kernels.Kind.FAST));
    }

    @Test
    @DisplayName("printing 30 dims of size 2 keeps every one of their 2^30 elements: the ShapeError, not an OutOfMemoryError")
    void printingBuffer() {
        assumeTrue(Runtime.getRuntime().maxMemory() < 4L << 30, "a heap of 4 GiB or more holds the printing buffer");
        int[] shape = new int[30];
        Arrays.fill(shape, 2);
        Tensor view = Tensor.zeros(1).expand(shape);          // stride 0 everywhere: no memory of its own
        assertHeapError(view::toString);
    }
}
