package layerwise.bench;

import java.util.concurrent.TimeUnit;

import layerwise.nn.Conv2d;
import layerwise.nn.GRU;
import layerwise.nn.LSTM;
import layerwise.nn.Linear;
import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The five cases of {@code ./workbook bench} under JMH (forked JVM, warm-up iterations, error bars):
 * {@code ./mvnw -Pjmh verify}. Times are per operation; GFLOP/s = the flops in BenchCase / time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelBench {
    private Tensor a, b, x64, image, sequence;
    private Linear linear;
    private Conv2d conv;
    private LSTM lstm;
    private GRU gru;

    @Setup
    public void setup() {
        Tensor.manualSeed(0);
        a = Tensor.rand(1024, 1024);
        b = Tensor.rand(1024, 1024);
        linear = new Linear(1024, 1024);
        x64 = Tensor.randn(64, 1024);
        conv = new Conv2d(64, 64, 3, Conv2d.options().padding(1));
        image = Tensor.randn(8, 64, 56, 56);
        lstm = new LSTM(128, 256);
        gru = new GRU(128, 256);
        sequence = Tensor.randn(50, 32, 128);
    }

    @Benchmark
    public Tensor gemm1024() {
        return Kernels.matmul(a, b, Kernels.Kind.FAST);
    }

    @Benchmark
    public Tensor linear64x1024() {
        return linear.forward(x64);
    }

    @Benchmark
    public Tensor conv8x64x56() {
        return conv.forward(image);
    }

    @Benchmark
    public Object lstm32x50() {
        return lstm.forward(sequence);
    }

    @Benchmark
    public Object gru32x50() {
        return gru.forward(sequence);
    }
}
