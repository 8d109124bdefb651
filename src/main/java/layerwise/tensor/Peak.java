package layerwise.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * This machine's peak floating-point rate, measured: every core running nothing but independent fused
 * multiply-adds on full vectors, which is the most arithmetic the hardware can do per second
 * (cores × clock × FMA units × lanes × 2 flops), whatever its maker and clock. Lesson 12's ceiling.
 */
public final class Peak {
    private Peak() {
    }

    /** FMAs per loop step (twelve chains, see {@link SimdPeak#fmas}). */
    private static final int CHAINS = 12;

    /** The result of one measurement. */
    public record Measured(double gflops, int cores, int lanes, double gflopsPerCore) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f GFLOP/s measured (%d cores x %.1f; FMA on %d float lane%s)",
                    gflops, cores, gflopsPerCore, lanes, lanes == 1 ? "" : "s");
        }
    }

    /** Floats per FMA in the loop: the vector length, 1 without SIMD. */
    public static int lanes() {
        return Simd.ACTIVE ? SimdPeak.lanes() : 1;
    }

    /**
     * Runs the FMA loop on every core at once for about 0.2 s, three times after a warm-up in which the JIT
     * compiles it, and returns the best: flops done over wall time.
     */
    public static Measured measure() {
        int cores = Runtime.getRuntime().availableProcessors();
        long steps = 1L << 16;
        fmas(steps); // compiled before it is timed
        for (int w = 0; w < 20; w++) fmas(steps);
        // Steps per thread for about 0.2 s, from one core's rate.
        long t0 = System.nanoTime();
        fmas(steps * 16);
        double perStep = (System.nanoTime() - t0) / (steps * 16.0);
        long timed = Math.max(steps, (long) (0.2e9 / Math.max(perStep, 1e-3)));
        double best = 0;
        for (int r = 0; r < 3; r++) best = Math.max(best, onAllCores(cores, timed));
        return new Measured(best, cores, lanes(), best / cores);
    }

    private static volatile float sink;

    private static float fmas(long steps) {
        float r = Simd.ACTIVE ? SimdPeak.fmas(steps) : scalarFmas(steps);
        sink += r;
        return r;
    }

    /** GFLOP/s of {@code cores} threads each running {@code steps} loop steps. */
    private static double onAllCores(int cores, long steps) {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < cores; c++) threads.add(new Thread(() -> fmas(steps), "peak-" + c));
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }
        long ns = System.nanoTime() - t0;
        return (double) cores * steps * CHAINS * lanes() * 2 / ns;
    }

    /** The scalar version: twelve chains of {@code Math.fma}, one float each. */
    private static float scalarFmas(long steps) {
        float x = 1.0000001f, y = 0.9999999f;
        float a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0;
        for (long i = 0; i < steps; i++) {
            a0 = Math.fma(x, y, a0); a1 = Math.fma(x, y, a1); a2 = Math.fma(x, y, a2); a3 = Math.fma(x, y, a3);
            a4 = Math.fma(x, y, a4); a5 = Math.fma(x, y, a5); a6 = Math.fma(x, y, a6); a7 = Math.fma(x, y, a7);
            a8 = Math.fma(x, y, a8); a9 = Math.fma(x, y, a9); a10 = Math.fma(x, y, a10); a11 = Math.fma(x, y, a11);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }

    /** The CPU's name and clock as the operating system reports them (Linux: /proc/cpuinfo), if it does. */
    public static Optional<String> cpu() {
        try {
            String model = null, mhz = null;
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (model == null && line.startsWith("model name")) model = line.substring(line.indexOf(':') + 1).trim();
                if (mhz == null && line.startsWith("cpu MHz")) mhz = line.substring(line.indexOf(':') + 1).trim();
            }
            if (model == null) return Optional.empty();
            return Optional.of(mhz == null ? model
                    : String.format(Locale.ROOT, "%s, %.2f GHz now", model, Double.parseDouble(mhz) / 1000));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
