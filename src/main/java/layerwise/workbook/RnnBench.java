package layerwise.workbook;

import java.util.List;

import layerwise.nn.GRU;
import layerwise.nn.LSTM;
import layerwise.tensor.Tensor;

/**
 * LSTM and GRU forward, batch 32, 50 time steps, 128 -> 256 features: {@code ./workbook bench lstm},
 * {@code ./workbook bench gru}. Flops count the matrix products only: per step, x W_ih^T and h W_hh^T
 * with G*H rows, 2 * T * N * (input_size + H) * G*H (G = 4 for LSTM, 3 for GRU); the gate
 * nonlinearities are left out.
 */
final class RnnBench {
    private static final int BATCH = 32;
    private static final int STEPS = 50;
    private static final int INPUT = 128;
    private static final int HIDDEN = 256;

    private RnnBench() {
    }

    private static double flops(int gates) {
        return 2.0 * STEPS * BATCH * (INPUT + HIDDEN) * gates * HIDDEN;
    }

    static List<Benchmark> all() {
        String shape = " 32x50x128 -> 256";
        return List.of(
                Benchmark.of("lstm" + shape, flops(4), () -> {
                    Tensor.manualSeed(0);
                    LSTM lstm = new LSTM(INPUT, HIDDEN);
                    Tensor x = Tensor.randn(STEPS, BATCH, INPUT);
                    return () -> lstm.forward(x);
                }),
                Benchmark.of("gru" + shape, flops(3), () -> {
                    Tensor.manualSeed(0);
                    GRU gru = new GRU(INPUT, HIDDEN);
                    Tensor x = Tensor.randn(STEPS, BATCH, INPUT);
                    return () -> gru.forward(x);
                }));
    }
}
