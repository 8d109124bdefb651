package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bench command's arguments, arithmetic and output lines (timings themselves are never asserted). */
class BenchTest {

    @Test
    @DisplayName("arguments: a case group and --threads N, in any order; mistakes are usage errors")
    void options() {
        assertEquals(new Bench.Options("all", Runtime.getRuntime().availableProcessors(), false), Bench.Options.parse(new String[0]));
        assertEquals(new Bench.Options("lstm", 1, false), Bench.Options.parse(new String[] {"--threads", "1", "LSTM"}));
        assertEquals(new Bench.Options("gemm", 3, false), Bench.Options.parse(new String[] {"gemm", "--threads", "3"}));
        assertEquals(new Bench.Options("gemm", 2, true), Bench.Options.parse(new String[] {"--session", "gemm", "--threads", "2"}));
        assertTrue(assertThrows(Command.UsageError.class, () -> Bench.Options.parse(new String[] {"matmul"}))
                .getMessage().contains("gemm, linear, conv, lstm, gru, backward, training, all"));
        assertThrows(Command.UsageError.class, () -> Bench.Options.parse(new String[] {"--threads"}));
        assertThrows(Command.UsageError.class, () -> Bench.Options.parse(new String[] {"--threads", "two"}));
        assertThrows(Command.UsageError.class, () -> Bench.Options.parse(new String[] {"--threads", "0"}));
        assertThrows(Command.UsageError.class, () -> Bench.Options.parse(new String[] {"gemm", "conv"}));
    }

    @Test
    @DisplayName("the machine-readable line, with na when PyTorch is not there")
    void resultLine() {
        assertEquals("bench gemm1024 layerwise_gflops=120.50 torch_gflops=100.00 ratio=1.21",
                Bench.resultLine("gemm1024", 120.5, 100.0));
        assertEquals("bench lstm32x50 layerwise_gflops=80.00 torch_gflops=na ratio=na",
                Bench.resultLine("lstm32x50", 80.0, Double.NaN));
    }

    @Test
    @DisplayName("median of odd and even counts; runs per round aim at the round's length")
    void arithmetic() {
        assertEquals(3, Bench.median(List.of(5L, 1L, 3L)));
        assertEquals(25, Bench.median(List.of(40L, 10L, 30L, 20L)));
        assertEquals(1, Bench.repsPerRound(10.0));
        assertEquals(30, Bench.repsPerRound(Bench.ROUND_SECONDS / 30));
        assertEquals(1000, Bench.repsPerRound(1e-12));
    }

    @Test
    @DisplayName("the forward cases and the forward+backward cases, each in one group, with its flop count")
    void cases() {
        List<BenchCase> all = BenchCase.all();
        Set<String> names = new HashSet<>();
        for (BenchCase c : all) {
            assertTrue(names.add(c.name()));
            assertTrue(Bench.GROUPS.contains(c.group()), c.group());
        }
        assertEquals(Set.of("gemm1024", "linear64x1024", "conv8x64x56", "lstm32x50", "gru32x50", "linear64x1024_bwd",
                "conv8x64x56_bwd", "lstm32x50_bwd", "mlp_step", "cnn_step", "lstm_step"), names);
        assertEquals(3 * all.get(1).flops(), all.get(5).flops());
        assertEquals(2.0 * 50 * 32 * (128 + 256) * 4 * 256, all.get(3).flops());
        assertEquals(2.0 * 8 * 64 * 56 * 56 * 64 * 9, all.get(2).flops());
    }

    @Test
    @DisplayName("no python at the given path: PyTorch's side is absent, with the reason")
    void noPython() {
        String[] why = new String[1];
        assertNull(TorchSide.start("/nonexistent/python3", 1, why));
        assertTrue(why[0].contains("/nonexistent/python3"), why[0]);
    }

    @Test
    @DisplayName("the machine line names cores, Java and whether SIMD is on")
    void machineLine() {
        String line = Bench.machine(2);
        assertTrue(line.startsWith("Machine: " + Runtime.getRuntime().availableProcessors() + " cores"), line);
        assertTrue(line.contains("Java " + System.getProperty("java.version")) && line.contains("SIMD "), line);
    }
}
