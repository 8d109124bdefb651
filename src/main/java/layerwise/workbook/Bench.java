package layerwise.workbook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code ./workbook bench [FILTER]}: times every registered {@link Benchmark}. Each is set up once, warmed
 * up (so the JIT has compiled it), then run repeatedly; the report gives the median and the minimum time
 * of one run and, when the benchmark counts its flops, GFLOP/s at the median.
 */
public final class Bench {
    /** Every benchmark class, one line each: its {@code static List<Benchmark> all()}. */
    static final List<Supplier<List<Benchmark>>> SUITES = List.of(
            BaselineBench::all,
            MatmulBench::all,
            RnnBench::all,
            ConvBench::all,
            LinearBench::all);

    private final LongSupplier nanoClock;
    private final Duration warmup;
    private final Duration measure;
    private final int minRuns;
    private final int maxRuns;

    /**
     * @param nanoClock the clock, {@code System::nanoTime} outside tests
     * @param warmup    untimed runs continue until this much time has passed (at least 2 runs)
     * @param measure   timed runs continue until this much time has passed and {@code minRuns} are done
     * @param minRuns   at least this many timed runs
     * @param maxRuns   at most this many timed runs
     */
    public Bench(LongSupplier nanoClock, Duration warmup, Duration measure, int minRuns, int maxRuns) {
        if (minRuns < 1 || maxRuns < minRuns) throw new IllegalArgumentException("need 1 <= minRuns <= maxRuns");
        this.nanoClock = nanoClock;
        this.warmup = warmup;
        this.measure = measure;
        this.minRuns = minRuns;
        this.maxRuns = maxRuns;
    }

    /** The times of one benchmark. */
    public record Result(String name, int runs, long medianNanos, long minNanos, double flops) {
        /** GFLOP/s at the median time; NaN when the benchmark counts no flops. */
        public double gflops() {
            return flops > 0 && medianNanos > 0 ? flops / medianNanos : Double.NaN;
        }

        @Override
        public String toString() {
            String line = String.format(Locale.ROOT, "%-34s median %10s  min %10s  (%d runs)", name,
                    millis(medianNanos), millis(minNanos), runs);
            return Double.isNaN(gflops()) ? line : line + String.format(Locale.ROOT, "  %7.2f GFLOP/s", gflops());
        }

        private static String millis(long nanos) {
            return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
        }
    }

    /** Sets up, warms up and times {@code b}. */
    public Result measure(Benchmark b) {
        b.setup();
        Object sink = null;
        long warmStart = nanoClock.getAsLong();
        for (int i = 0; i < 2 || nanoClock.getAsLong() - warmStart < warmup.toNanos(); i++) sink = b.run();
        List<Long> times = new ArrayList<>();
        long measureStart = nanoClock.getAsLong();
        while (times.size() < maxRuns && (times.size() < minRuns || nanoClock.getAsLong() - measureStart < measure.toNanos())) {
            long t0 = nanoClock.getAsLong();
            sink = b.run();
            times.add(nanoClock.getAsLong() - t0);
        }
        consume(sink);
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(b.name(), sorted.length, median(sorted), sorted[0], b.flops());
    }

    /** The middle value; the mean of the two middle values for an even count. */
    static long median(long[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static volatile int consumed;

    private static void consume(Object result) {
        consumed += System.identityHashCode(result);
    }

    /** Every registered benchmark whose name contains {@code filter} (ignoring case). */
    static List<Benchmark> matching(String filter) {
        String f = filter.toLowerCase(Locale.ROOT);
        List<Benchmark> all = new ArrayList<>();
        for (Supplier<List<Benchmark>> suite : SUITES) {
            for (Benchmark b : suite.get()) if (b.name().toLowerCase(Locale.ROOT).contains(f)) all.add(b);
        }
        return all;
    }

    static int main(String[] args) {
        if (args.length > 1) throw new Command.UsageError("at most one filter, got " + Arrays.toString(args));
        String filter = args.length == 1 ? args[0] : "";
        List<Benchmark> selected = matching(filter);
        if (selected.isEmpty()) {
            List<String> names = matching("").stream().map(Benchmark::name).toList();
            throw new Command.UsageError("no benchmark matches '" + filter + "'. Benchmarks: " + String.join(", ", names));
        }
        System.out.printf(Locale.ROOT, "Java %s, %d cores; warm-up 1 s, then at least 5 runs over 2 s each%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        Bench bench = new Bench(System::nanoTime, Duration.ofSeconds(1), Duration.ofSeconds(2), 5, 1000);
        for (Benchmark b : selected) System.out.println(bench.measure(b));
        return 0;
    }
}
