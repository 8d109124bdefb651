package layerwise.workbook;

import java.util.function.Supplier;

/**
 * One thing {@code ./workbook bench} times: {@link #setup()} once (not timed), then {@link #run()}
 * repeatedly (timed). A benchmark class offers a {@code static List<Benchmark> all()} and is registered
 * with one line in {@link Bench#SUITES}.
 */
public interface Benchmark {
    /** Shown in the report and matched by the filter of {@code ./workbook bench FILTER}, e.g. "matmul 512 fast". */
    String name();

    /** Prepares inputs; not timed. */
    default void setup() {
    }

    /** The timed operation. Return its result, so the JIT cannot drop the work as unused. */
    Object run();

    /** Floating-point operations in one {@link #run()} (2·n³ for an n×n matmul), or 0 to print no GFLOP/s. */
    default double flops() {
        return 0;
    }

    /**
     * A benchmark from a setup that returns the timed operation:
     * <pre>
     * Benchmark.of("matmul 256", 2.0 * 256 * 256 * 256, () -> {
     *     Tensor a = Tensor.rand(256, 256), b = Tensor.rand(256, 256);
     *     return () -> a.matmul(b);
     * });
     * </pre>
     */
    static Benchmark of(String name, double flops, Supplier<Supplier<?>> setup) {
        return new Benchmark() {
            private Supplier<?> operation;

            @Override
            public String name() {
                return name;
            }

            @Override
            public void setup() {
                operation = setup.get();
            }

            @Override
            public Object run() {
                return operation.get();
            }

            @Override
            public double flops() {
                return flops;
            }
        };
    }
}
