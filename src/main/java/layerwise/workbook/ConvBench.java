package layerwise.workbook;

import java.util.List;

import layerwise.nn.Conv2d;
import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;

/**
 * Conv2d forward, 64 -> 64 channels, 3x3 kernel, padding 1 on 56x56 images (a ResNet stage):
 * {@code ./workbook bench conv2d}. A batch of 8 with the default kernel (im2col + matmul), and one image
 * with both kernels to show what im2col buys. Flops: 2 * N * C_out * H_out * W_out * C_in * kH * kW.
 */
final class ConvBench {
    private ConvBench() {
    }

    static List<Benchmark> all() {
        return List.of(
                conv(8, Kernels.selected(), "conv2d 8x64x56x56 k3 p1 -> 64"),
                conv(1, Kernels.Kind.FAST, "conv2d 1x64x56x56 k3 p1 -> 64 fast"),
                conv(1, Kernels.Kind.PLAIN, "conv2d 1x64x56x56 k3 p1 -> 64 plain"));
    }

    private static Benchmark conv(int batch, Kernels.Kind kind, String name) {
        double flops = 2.0 * batch * 64 * 56 * 56 * 64 * 3 * 3;
        return Benchmark.of(name, flops, () -> {
            Tensor.manualSeed(0);
            Conv2d conv = new Conv2d(64, 64, 3, Conv2d.options().padding(1));
            Tensor x = Tensor.randn(batch, 64, 56, 56);
            if (kind == Kernels.selected()) return () -> conv.forward(x);
            return () -> Kernels.conv2d(x, conv.weight, conv.bias, new int[] {1}, new int[] {1}, new int[] {1}, 1, kind);
        });
    }
}
