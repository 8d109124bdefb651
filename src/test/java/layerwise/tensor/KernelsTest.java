package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
    @DisplayName("-Dlayerwise.kernels=plain reaches every hot op: a JVM started with it runs each on the plain kernel")
    void plainReachesEveryOp() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Dlayerwise.kernels=plain", "-Dlayerwise.kernels.trace=true",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), PlainKernelsRun.class.getName()));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        for (Kernels.Op op : Kernels.Op.values()) {
            assertTrue(output.contains(op + "=PLAIN\n"), op + " did not run on the plain kernel:\n" + output);
        }
        assertFalse(output.contains("=FAST"), output);
    }

    @Test
    @DisplayName("both kernels through the public seam: the same sums, fused multiply-adds with SIMD")
    void bothKernelsAgree() {
        Tensor.manualSeed(0);
        Tensor a = Tensor.randn(3, 40, 70);
        Tensor b = Tensor.randn(70, 20);
        Tensor plain = Kernels.matmul(a, b, Kernels.Kind.PLAIN);
        Tensor fast = Kernels.matmul(a, b, Kernels.Kind.FAST);
        assertArrayEquals(plain.shape(), fast.shape());
        float[] x = a.toFloatArray(), y = b.toFloatArray(), p = plain.toFloatArray(), f = fast.toFloatArray();
        float[] row = new float[70], col = new float[70];
        for (int i = 0; i < 3 * 40; i++) {
            System.arraycopy(x, i * 70, row, 0, 70);
            for (int j = 0; j < 20; j++) {
                for (int q = 0; q < 70; q++) col[q] = y[q * 20 + j];
                assertEquals(SumOrder.plain(0f, row, col), p[i * 20 + j], "plain [" + i + "][" + j + "]");
                assertEquals(SumOrder.fast(0f, row, col), f[i * 20 + j], "fast [" + i + "][" + j + "]");
            }
        }
        Tensor byDefault = a.matmul(b);
        assertArrayEquals((Kernels.selected() == Kernels.Kind.FAST ? fast : plain).toFloatArray(), byDefault.toFloatArray());
    }

    @Test
    @DisplayName("Kernels.setThreads: the count is used from then on; 0 is refused with the fix")
    void threads() {
        int before = Kernels.threads();
        try {
            Kernels.setThreads(1);
            assertEquals(1, Kernels.threads());
            Tensor.manualSeed(1);
            Tensor a = Tensor.randn(64, 300), b = Tensor.randn(300, 200);
            float[] one = a.matmul(b).toFloatArray();
            Kernels.setThreads(2);
            assertArrayEquals(one, a.matmul(b).toFloatArray(), "the same sums on any number of threads");
        } finally {
            Kernels.setThreads(before);
        }
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Kernels.setThreads(0));
        assertTrue(e.getMessage().startsWith("threads must be at least 1, got 0\n")
                && e.getMessage().contains("Fix: pass 1"), e.getMessage());
    }

    @Test
    @DisplayName("Kernels.simd() says whether the Vector API is in use")
    void simdLine() {
        assertEquals(Simd.ACTIVE, Kernels.simd().startsWith("SIMD on"), Kernels.simd());
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertEquals(module && !"off".equals(System.getProperty("layerwise.simd")), Simd.ACTIVE);
    }
}
