package layerwise.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

import layerwise.tensor.Kernels;
import layerwise.tensor.Tensor;

/**
 * The measurements {@code ./workbook bench --session} makes inside a JShell session's own JVM, where a
 * learner's snippets run. Public because they are called from snippets.
 */
public final class SessionProbe {
    private SessionProbe() {
    }

    /**
     * The median time of one run of bench case {@code name} (e.g. "gemm1024"), in nanoseconds, timed as
     * {@code ./workbook bench} times its Java side: warmed up at least 2 s, then {@value Bench#ROUNDS}
     * rounds of about {@value Bench#ROUND_SECONDS} s, each after a short pause.
     */
    public static long medianNanos(String name, int threads) {
        BenchCase c = BenchCase.all().stream().filter(b -> b.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no bench case " + name));
        Kernels.setThreads(threads);
        Supplier<?> op = c.setup().get();
        int reps = Bench.repsPerRound(Bench.warmUp(op));
        List<Long> times = new ArrayList<>();
        for (int round = 0; round < Bench.ROUNDS; round++) {
            Bench.settle();
            for (int r = 0; r < reps; r++) times.add(Bench.time(op));
        }
        return Bench.median(times);
    }

    /**
     * How many times faster the fast matrix product is than the plain loops on an n-square product, in
     * this JVM as it is now: each kernel warmed up until compiled (at least 2 s for the fast one, 3 runs of
     * the plain one), then the best of 5 runs of each, taken in turns. A fast kernel whose compiled code
     * has been replaced by a slow path shows up as a ratio near 1 (it was 2.6 on a 512-square product).
     */
    public static double fastOverPlain(int n) {
        Tensor.manualSeed(0);
        Tensor a = Tensor.rand(n, n), b = Tensor.rand(n, n);
        Supplier<?> fast = () -> Kernels.matmul(a, b, Kernels.Kind.FAST);
        Supplier<?> plain = () -> Kernels.matmul(a, b, Kernels.Kind.PLAIN);
        Bench.warmUp(fast);
        for (int r = 0; r < 3; r++) Bench.time(plain);
        long bestFast = Long.MAX_VALUE, bestPlain = Long.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            bestFast = Math.min(bestFast, Bench.time(fast));
            bestPlain = Math.min(bestPlain, Bench.time(plain));
        }
        return (double) bestPlain / bestFast;
    }
}
