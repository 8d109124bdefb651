package layerwise.workbook;

import java.util.List;

import layerwise.nn.Linear;
import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;

/**
 * Linear forward, batch 64, 1024 -> 1024 features: {@code ./workbook bench linear}. The layer as it runs
 * by default, and x W^T + b with the plain matmul kernel for comparison. Flops: 2 * batch * in * out.
 */
final class LinearBench {
    private LinearBench() {
    }

    static List<Benchmark> all() {
        double flops = 2.0 * 64 * 1024 * 1024;
        return List.of(
                Benchmark.of("linear 64x1024 -> 1024", flops, () -> {
                    Tensor.manualSeed(0);
                    Linear lin = new Linear(1024, 1024);
                    Tensor x = Tensor.randn(64, 1024);
                    return () -> lin.forward(x);
                }),
                Benchmark.of("linear 64x1024 -> 1024 plain matmul", flops, () -> {
                    Tensor.manualSeed(0);
                    Linear lin = new Linear(1024, 1024);
                    Tensor x = Tensor.randn(64, 1024);
                    Tensor weightT = lin.weight.t();
                    return () -> Kernels.matmul(x, weightT, Kernels.Kind.PLAIN).add(lin.bias);
                }));
    }
}
