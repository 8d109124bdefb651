package layerwise.workbook;

import java.util.List;
import java.util.function.Supplier;

import layerwise.nn.Conv2d;
import layerwise.nn.GRU;
import layerwise.nn.LSTM;
import layerwise.nn.Linear;
import layerwise.tensor.Autograd;
import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;

/**
 * One case of {@code ./workbook bench}: what it computes, its flop count, and a setup that returns the timed
 * operation. {@code torch_bench.py} builds the same case under the same name. Flops count the
 * multiply-adds of the matrix products (2 per multiply-add); bias adds and gate nonlinearities are left
 * out, as they are for PyTorch's figure.
 */
record BenchCase(String name, String group, String shape, double flops, Supplier<Supplier<?>> setup) {

    private static final int STEPS = 50, BATCH = 32, INPUT = 128, HIDDEN = 256;

    static List<BenchCase> all() {
        return List.of(
                new BenchCase("gemm1024", "gemm", "1024x1024 @ 1024x1024 fp32", 2.0 * 1024 * 1024 * 1024, () -> {
                    Tensor.manualSeed(0);
                    Tensor a = Tensor.rand(1024, 1024), b = Tensor.rand(1024, 1024);
                    return () -> Kernels.matmul(a, b, Kernels.Kind.FAST);
                }),
                new BenchCase("linear64x1024", "linear", "Linear(1024, 1024), batch 64", 2.0 * 64 * 1024 * 1024, () -> {
                    Tensor.manualSeed(0);
                    Linear lin = new Linear(1024, 1024);
                    Tensor x = Tensor.randn(64, 1024);
                    return () -> inference(() -> lin.forward(x));
                }),
                new BenchCase("conv8x64x56", "conv", "Conv2d(64, 64, 3, padding=1), 8x64x56x56",
                        2.0 * 8 * 64 * 56 * 56 * 64 * 3 * 3, () -> {
                    Tensor.manualSeed(0);
                    Conv2d conv = new Conv2d(64, 64, 3, Conv2d.options().padding(1));
                    Tensor x = Tensor.randn(8, 64, 56, 56);
                    return () -> inference(() -> conv.forward(x));
                }),
                new BenchCase("lstm32x50", "lstm", "LSTM(128, 256), 50 steps, batch 32", recurrentFlops(4), () -> {
                    Tensor.manualSeed(0);
                    LSTM lstm = new LSTM(INPUT, HIDDEN);
                    Tensor x = Tensor.randn(STEPS, BATCH, INPUT);
                    return () -> inference(() -> lstm.forward(x));
                }),
                new BenchCase("gru32x50", "gru", "GRU(128, 256), 50 steps, batch 32", recurrentFlops(3), () -> {
                    Tensor.manualSeed(0);
                    GRU gru = new GRU(INPUT, HIDDEN);
                    Tensor x = Tensor.randn(STEPS, BATCH, INPUT);
                    return () -> inference(() -> gru.forward(x));
                }),
                // Forward and backward, as one training step of the layer computes them: y = layer(x), then
                // y.backward(g) for a fixed g of y's shape, which fills dx, dW and db (about 3x the forward's flops:
                // each product of the forward has two of the same size in the backward). The grads accumulate from run
                // to run on both sides, as in a loop that never zeroes them: the same work either way.
                new BenchCase("linear64x1024_bwd", "backward", "Linear(1024, 1024), batch 64, fwd+bwd",
                        3 * 2.0 * 64 * 1024 * 1024, () -> {
                    Tensor.manualSeed(0);
                    Linear lin = new Linear(1024, 1024);
                    Tensor x = Tensor.randn(64, 1024).requiresGrad(true), g = Tensor.randn(64, 1024);
                    return () -> training(() -> lin.forward(x), g);
                }),
                new BenchCase("conv8x64x56_bwd", "backward", "Conv2d(64, 64, 3, padding=1), 8x64x56x56, fwd+bwd",
                        3 * 2.0 * 8 * 64 * 56 * 56 * 64 * 3 * 3, () -> {
                    Tensor.manualSeed(0);
                    Conv2d conv = new Conv2d(64, 64, 3, Conv2d.options().padding(1));
                    Tensor x = Tensor.randn(8, 64, 56, 56).requiresGrad(true), g = Tensor.randn(8, 64, 56, 56);
                    return () -> training(() -> conv.forward(x), g);
                }),
                new BenchCase("lstm32x50_bwd", "backward", "LSTM(128, 256), 50 steps, batch 32, fwd+bwd",
                        3 * recurrentFlops(4), () -> {
                    Tensor.manualSeed(0);
                    LSTM lstm = new LSTM(INPUT, HIDDEN);
                    Tensor x = Tensor.randn(STEPS, BATCH, INPUT).requiresGrad(true), g = Tensor.randn(STEPS, BATCH, HIDDEN);
                    return () -> training(() -> lstm.forward(x).output(), g);
                }));
    }

    /** A forward pass as PyTorch's side times it, under torch.no_grad(): no graph recorded. */
    private static Object inference(Supplier<?> forward) {
        try (var noGrad = Autograd.noGrad()) {
            return forward.get();
        }
    }

    /** y = forward(), then y.backward(g). */
    private static Object training(Supplier<Tensor> forward, Tensor g) {
        Tensor y = forward.get();
        y.backward(g);
        return y;
    }

    /** Per step x W_ih^T and h W_hh^T, G·H output columns: 2·T·N·(input + H)·G·H. */
    private static double recurrentFlops(int gates) {
        return 2.0 * STEPS * BATCH * (INPUT + HIDDEN) * gates * HIDDEN;
    }
}
