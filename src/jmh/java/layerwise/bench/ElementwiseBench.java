package layerwise.bench;

import java.util.concurrent.TimeUnit;

import layerwise.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Elementwise ops and reductions on large contiguous tensors, the layouts the fast row loops are for:
 * {@code ./mvnw -Pjmh verify -Djmh.args="ElementwiseBench -f 1 -wi 3 -i 5"}. Each result is a new tensor,
 * so the times include allocating it, as a learner's {@code x.add(b)} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ElementwiseBench {
    private Tensor x, bias, a, b;

    @Setup
    public void setup() {
        Tensor.manualSeed(0);
        x = Tensor.randn(1600, 1024);
        bias = Tensor.randn(1024);
        a = Tensor.randn(1024, 1024);
        b = Tensor.randn(1024, 1024);
        // Run the other ops once so the shared code paths have seen more than one op, as in a real session.
        for (int i = 0; i < 3; i++) {
            a.mul(b);
            a.sub(b);
            a.div(b);
            a.tanh();
            a.exp();
            a.neg();
        }
    }

    /** The bias add of Linear and of every LSTM/GRU step: (1600, 1024) + (1024,). */
    @Benchmark
    public Tensor biasAdd() {
        return x.add(bias);
    }

    @Benchmark
    public Tensor add1024() {
        return a.add(b);
    }

    @Benchmark
    public Tensor relu1024() {
        return a.relu();
    }

    @Benchmark
    public Tensor sigmoid1024() {
        return a.sigmoid();
    }

    @Benchmark
    public Tensor sumAll1024() {
        return a.sum();
    }

    @Benchmark
    public Tensor sumLastDim1024() {
        return a.sum(-1);
    }
}
