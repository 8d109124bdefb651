package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The bench harness on a fake clock: each run of the benchmark advances it by a scripted duration. */
class BenchTest {

    /** A benchmark whose k-th run takes durations[k] nanoseconds on {@code clock}. */
    private static Benchmark scripted(AtomicLong clock, long[] durations, AtomicInteger setups, AtomicInteger runs) {
        return new Benchmark() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public void setup() {
                setups.incrementAndGet();
            }

            @Override
            public Object run() {
                clock.addAndGet(durations[runs.getAndIncrement()]);
                return null;
            }

            @Override
            public double flops() {
                return 6e6;
            }
        };
    }

    @Test
    @DisplayName("two warm-up runs are not timed; median and min come from the timed runs")
    void medianAndMinOfTimedRuns() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger setups = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        // warm-up: 100 ms and 90 ms (slow, not counted); timed: 5, 1, 4, 2, 3 ms
        long ms = 1_000_000;
        long[] durations = {100 * ms, 90 * ms, 5 * ms, 1 * ms, 4 * ms, 2 * ms, 3 * ms};
        Bench bench = new Bench(clock::get, Duration.ZERO, Duration.ZERO, 5, 5);
        Bench.Result r = bench.measure(scripted(clock, durations, setups, runs));
        assertEquals(1, setups.get(), "setup runs once");
        assertEquals(7, runs.get(), "2 warm-up runs + 5 timed runs");
        assertEquals(5, r.runs());
        assertEquals(3 * ms, r.medianNanos());
        assertEquals(1 * ms, r.minNanos());
        assertEquals(6e6 / (3 * ms), r.gflops(), 1e-12, "flops / median nanoseconds = GFLOP/s");
        assertTrue(r.toString().contains("3.000 ms") && r.toString().contains("2.00 GFLOP/s"), r.toString());
    }

    @Test
    @DisplayName("timed runs continue until the measuring time has passed, up to maxRuns")
    void runsUntilTimePassed() {
        AtomicLong clock = new AtomicLong();
        AtomicInteger runs = new AtomicInteger();
        long[] durations = new long[50];
        java.util.Arrays.fill(durations, 10);
        Bench bench = new Bench(clock::get, Duration.ofNanos(25), Duration.ofNanos(95), 2, 40);
        Bench.Result r = bench.measure(scripted(clock, durations, new AtomicInteger(), runs));
        // warm-up: runs at t=0,10,20 (the clock reads 30 >= 25 after the third); timed: 10 runs to reach 95+
        assertEquals(10, r.runs());
        assertEquals(13, runs.get());
    }

    @Test
    @DisplayName("the median of an even count is the mean of the middle two")
    void evenMedian() {
        assertEquals(25, Bench.median(new long[] {10, 20, 30, 40}));
        assertEquals(7, Bench.median(new long[] {7}));
    }

    @Test
    @DisplayName("every registered benchmark has a unique name; the filter ignores case")
    void registry() {
        List<Benchmark> all = Bench.matching("");
        assertFalse(all.isEmpty());
        Set<String> names = new HashSet<>();
        for (Benchmark b : all) assertTrue(names.add(b.name()), "duplicate benchmark name " + b.name());
        assertEquals(1, Bench.matching("BASELINE").size());
        assertTrue(Bench.matching("no such benchmark").isEmpty());
    }
}
