package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A tensor within 2^31-1 elements that the Java heap cannot hold is refused before it is allocated, with
 * the shape, the bytes and the heap. The sizes come from this JVM's own limit (the build runs tests with
 * -Xmx2g), so nothing large is ever allocated.
 */
class HeapLimitTest {

    private static final long MAX_HEAP = Runtime.getRuntime().maxMemory();

    @Test
    @DisplayName("Tensor.zeros of more floats than the heap holds: a ShapeError naming shape, bytes, heap and fix")
    void zerosBeyondTheHeap() {
        long elements = MAX_HEAP / 4 + (1 << 20); // 4 MB more than the whole heap
        assumeTrue(elements <= Integer.MAX_VALUE, "the heap is smaller than 8 GB, so an int-sized tensor can exceed it");
        int n = (int) elements;
        ShapeError e = assertThrows(ShapeError.class, () -> Tensor.zeros(n));
        assertEquals("DefaultCPUAllocator: can't allocate memory: you tried to allocate " + 4L * n
                + " bytes. Error code 12 (Cannot allocate memory)", e.torchMessage());
        String m = e.getMessage();
        assertTrue(m.contains("A tensor of shape [" + n + "] holds " + n + " float32 values, 4 bytes each: " + 4L * n
                + " bytes"), m);
        assertTrue(m.contains("may use at most " + MAX_HEAP + " bytes"), m);
        assertTrue(m.contains("(Runtime.maxMemory())"), m);
        assertTrue(m.contains("LAYERWISE_HEAP=") && m.contains("./workbook") && m.contains("java -Xmx"), m);
        // the same sizes as randn, ones and empty: every creation goes through the one check
        assertThrows(ShapeError.class, () -> Tensor.randn(n));
        assertThrows(ShapeError.class, () -> Tensor.ones(n, 1));
    }

    @Test
    @DisplayName("the message for 2,000,000,000 floats with 4 GiB of heap, 1 GiB of it used")
    void messageText() {
        ShapeError e = Storage.tooBig(new int[] {2000000000}, 8000000000L, 4L << 30, 1L << 30);
        assertEquals("DefaultCPUAllocator: can't allocate memory: you tried to allocate 8000000000 bytes."
                + " Error code 12 (Cannot allocate memory)\n"
                + "  A tensor of shape [2000000000] holds 2000000000 float32 values, 4 bytes each: 8000000000 bytes"
                + " (7.5 GiB). This Java process may use at most 4294967296 bytes (4.0 GiB) of heap"
                + " (Runtime.maxMemory()), and 3221225472 bytes (3.0 GiB) of it is free now.\n"
                + "  Fix: use smaller sizes (a smaller batch, processed in chunks, or fewer features), let go of big"
                + " tensors you no longer need (set their variables to null), or give Java more heap if the machine"
                // 8e9 bytes + 1 GiB in use = 8.45 GiB: 9 GiB rounded up, and 1 GiB to spare
                + " has the memory: LAYERWISE_HEAP=10g ./workbook for the workbook's JShell, java -Xmx10g ... for a"
                + " program of your own", e.getMessage());
    }

    @Test
    @DisplayName("a small tensor is never refused by the heap check")
    void smallTensorsPass() {
        assertEquals(1 << 20, Tensor.zeros(1 << 20).numel());
        assertEquals(6, Tensor.zeros(2, 3).numel());
    }
}
