package layerwise.workbook;

import java.util.List;
import java.util.function.Supplier;

import layerwise.nn.Conv2d;
import layerwise.nn.CrossEntropyLoss;
import layerwise.nn.Flatten;
import layerwise.nn.MaxPool2d;
import layerwise.nn.Module;
import layerwise.nn.ReLU;
import layerwise.nn.Sequential;
import layerwise.optim.SGD;
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
                }),
                // One training step, as a loop runs it: zero_grad, forward, cross-entropy, backward, SGD step. The
                // input does not require grad (it is data), so no layer computes a gradient for it that nobody reads.
                // Flops: the forward's products, each one's weight gradient, and the input gradient of every layer
                // but the first.
                new BenchCase("mlp_step", "training", "784-256-256-10 MLP, ReLU, batch 64, SGD step",
                        2.0 * 64 * (3 * (784 * 256 + 256 * 256 + 256 * 10) - 784 * 256), () -> {
                    Tensor.manualSeed(0);
                    Sequential mlp = new Sequential(new Linear(784, 256), new ReLU(), new Linear(256, 256), new ReLU(),
                            new Linear(256, 10));
                    Tensor x = Tensor.randn(64, 784), y = labels(64);
                    return step(mlp, () -> mlp.forward(x), y);
                }),
                new BenchCase("cnn_step", "training", "2x(Conv2d 3x3, ReLU, MaxPool2) + Linear, 1x28x28, batch 32",
                        cnnStepFlops(), () -> {
                    Tensor.manualSeed(0);
                    Sequential cnn = new Sequential(new Conv2d(1, 16, 3, 1, 1), new ReLU(), new MaxPool2d(2),
                            new Conv2d(16, 32, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(1568, 10));
                    Tensor x = Tensor.randn(32, 1, 28, 28), y = labels(32);
                    return step(cnn, () -> cnn.forward(x), y);
                }),
                new BenchCase("lstm_step", "training", "LSTM(128, 256) + Linear(256, 10) on the last step, 50x32",
                        2.0 * STEPS * BATCH * ((INPUT + HIDDEN) * 4 * HIDDEN * 2 + HIDDEN * 4 * HIDDEN), () -> {
                    Tensor.manualSeed(0);
                    LSTM lstm = new LSTM(INPUT, HIDDEN);
                    Linear head = new Linear(HIDDEN, 10);
                    Tensor x = Tensor.randn(STEPS, BATCH, INPUT), y = labels(BATCH);
                    List<Tensor> params = new java.util.ArrayList<>(lstm.parameters());
                    params.addAll(head.parameters());
                    return step(params, () -> head.forward(lstm.forward(x).output().select(0, STEPS - 1)), y);
                }));
    }

    /** conv1 (1->16 on 28x28), conv2 (16->32 on 14x14), Linear(1568, 10): forward, weight grads, conv2's and the head's input grads. */
    private static double cnnStepFlops() {
        double conv1 = 2.0 * 32 * 16 * 28 * 28 * 9, conv2 = 2.0 * 32 * 32 * 14 * 14 * 16 * 9, head = 2.0 * 32 * 1568 * 10;
        return 3 * (conv2 + head) + 2 * conv1;
    }

    /** n class indices 0..9, spread evenly (the labels' values do not change the work). */
    private static Tensor labels(int n) {
        float[] y = new float[n];
        for (int i = 0; i < n; i++) y[i] = (i * 7) % 10;
        return Tensor.of(y);
    }

    /** zero_grad, loss = cross_entropy(forward(), y), backward, SGD(lr 0.01) step. */
    private static Supplier<?> step(Module model, Supplier<Tensor> forward, Tensor y) {
        return step(model.parameters(), forward, y);
    }

    private static Supplier<?> step(List<Tensor> params, Supplier<Tensor> forward, Tensor y) {
        SGD sgd = new SGD(params, 0.01);
        CrossEntropyLoss loss = new CrossEntropyLoss();
        return () -> {
            sgd.zeroGrad();
            Tensor l = loss.forward(forward.get(), y);
            l.backward();
            sgd.step();
            return l;
        };
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
