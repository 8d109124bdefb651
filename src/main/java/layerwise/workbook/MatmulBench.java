package layerwise.workbook;

import java.util.ArrayList;
import java.util.List;
import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;

/**
 * Square matmul, n = 256, 512 and 1024, with the plain teaching kernel and the fast default kernel
 * (2 n^3 flops each): {@code ./workbook bench matmul}.
 */
final class MatmulBench {
    private MatmulBench() {
    }

    static List<Benchmark> all() {
        List<Benchmark> all = new ArrayList<>();
        for (int n : new int[] {256, 512, 1024}) {
            for (Kernels.Kind kind : Kernels.Kind.values()) {
                String name = "matmul " + n + "x" + n + " " + kind.name().toLowerCase(java.util.Locale.ROOT);
                all.add(Benchmark.of(name, 2.0 * n * n * n, () -> {
                    Tensor.manualSeed(0);
                    Tensor a = Tensor.rand(n, n);
                    Tensor b = Tensor.rand(n, n);
                    return () -> Kernels.matmul(a, b, kind);
                }));
            }
        }
        return all;
    }
}
