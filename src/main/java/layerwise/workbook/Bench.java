package layerwise.workbook;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import layerwise.tensor.Kernels;

/**
 * {@code ./workbook bench [gemm|conv|lstm|gru|linear|all] [--threads N] [--session]}: times the fast kernels on five
 * fixed cases and, when {@code /usr/bin/python3} can import torch, PyTorch on the same cases in the same
 * run with the same number of threads. Each side is warmed up (Java at least 2 s, PyTorch at least 1 s), then the two take turns:
 * {@value #ROUNDS} rounds, each a batch of runs of about {@value #ROUND_SECONDS} s per side, so that
 * whatever else the machine is doing hits both alike. The figure is the median over all runs of a side.
 * Besides the table, one machine-readable line per case:
 * {@code bench <case> layerwise_gflops=<x> torch_gflops=<y or na> ratio=<r or na>}.
 * With {@code --session} the cases run inside JShell sessions instead, fresh and after every lesson
 * ({@link SessionBench}).
 */
public final class Bench {
    private Bench() {
    }

    static final int ROUNDS = 7;
    static final double ROUND_SECONDS = 0.3;
    static final int SETTLE_MILLIS = 250;
    static final List<String> GROUPS = List.of("gemm", "linear", "conv", "lstm", "gru", "backward", "training", "all");

    /** The command line: which cases, how many threads, and whether in a JShell session ({@code --session}). */
    record Options(String group, int threads, boolean session) {
        static Options parse(String[] args) {
            String group = "all";
            int threads = Runtime.getRuntime().availableProcessors();
            boolean groupSeen = false, session = false;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--session")) {
                    session = true;
                } else if (args[i].equals("--threads")) {
                    if (i + 1 == args.length) throw new Command.UsageError("--threads needs a number, e.g. --threads 2");
                    try {
                        threads = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        throw new Command.UsageError("--threads needs a whole number, got '" + args[i] + "'");
                    }
                    if (threads < 1) throw new Command.UsageError("--threads must be at least 1, got " + threads);
                } else if (GROUPS.contains(args[i].toLowerCase(Locale.ROOT)) && !groupSeen) {
                    group = args[i].toLowerCase(Locale.ROOT);
                    groupSeen = true;
                } else {
                    throw new Command.UsageError("unknown case '" + args[i] + "'; the cases are " + String.join(", ", GROUPS));
                }
            }
            return new Options(group, threads, session);
        }
    }

    /** The middle value; the mean of the two middle values for an even count. */
    static long median(List<Long> times) {
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The machine-readable line; NaN prints as "na". */
    static String resultLine(String name, double layerwise, double torch) {
        return "bench " + name + " layerwise_gflops=" + number(layerwise) + " torch_gflops=" + number(torch)
                + " ratio=" + number(layerwise / torch);
    }

    private static String number(double x) {
        return Double.isNaN(x) || Double.isInfinite(x) ? "na" : String.format(Locale.ROOT, "%.2f", x);
    }

    /** Runs per round for an operation taking {@code secondsPerRun}: about ROUND_SECONDS, at least 1. */
    static int repsPerRound(double secondsPerRun) {
        return (int) Math.max(1, Math.min(1000, Math.round(ROUND_SECONDS / Math.max(secondsPerRun, 1e-9))));
    }

    static String machine(int threads) {
        String cpu = System.getProperty("os.arch");
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the architecture name will do
        }
        return String.format(Locale.ROOT, "Machine: %d cores (%s), Java %s (%s), %s, %d kernel threads",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Kernels.simd(), threads);
    }

    static int main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Kernels.setThreads(options.threads());
        List<BenchCase> cases = new ArrayList<>();
        for (BenchCase c : BenchCase.all()) if (options.group().equals("all") || c.group().equals(options.group())) cases.add(c);
        if (options.session()) return SessionBench.main(options, cases);
        System.out.println(machine(options.threads()));
        String[] why = new String[1];
        try (TorchSide torch = TorchSide.start(TorchSide.PYTHON, options.threads(), why)) {
            System.out.println(torch == null ? "PyTorch: na (" + why[0] + ")"
                    : "PyTorch: " + torch.version + " via " + TorchSide.PYTHON
                            + ", OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, OPENBLAS_NUM_THREADS=" + options.threads());
            System.out.printf(Locale.ROOT, "Warm-up: Java >= 2 s, torch >= 1 s; then %d alternating rounds of ~%.1f s; median of all runs.%n%n",
                    ROUNDS, ROUND_SECONDS);
            System.out.printf(Locale.ROOT, "%-15s %-42s %12s %9s %12s %9s %7s %10s%n", "case", "shape", "layerwise", "GFLOP/s",
                    "torch", "GFLOP/s", "ratio", "heap peak");
            List<String> lines = new ArrayList<>();
            for (BenchCase c : cases) {
                resetHeapPeaks();
                Supplier<?> op = c.setup().get();
                double javaPerRun = warmUp(op);
                int javaReps = repsPerRound(javaPerRun);
                int torchReps = 0;
                if (torch != null) torchReps = repsPerRound(torch.setup(c.name()));
                List<Long> javaTimes = new ArrayList<>(), torchTimes = new ArrayList<>();
                for (int round = 0; round < ROUNDS; round++) {
                    settle();
                    for (int r = 0; r < javaReps; r++) javaTimes.add(time(op));
                    if (torch != null) {
                        settle();
                        torchTimes.addAll(torch.run(c.name(), torchReps));
                    }
                }
                long javaMedian = median(javaTimes);
                double javaGflops = c.flops() / javaMedian;
                double torchGflops = torch == null ? Double.NaN : c.flops() / median(torchTimes);
                System.out.printf(Locale.ROOT, "%-15s %-42s %9.2f ms %9.1f %12s %9s %7s %7d MB%n", c.name(), c.shape(),
                        javaMedian / 1e6, javaGflops,
                        torch == null ? "na" : String.format(Locale.ROOT, "%9.2f ms", median(torchTimes) / 1e6),
                        torch == null ? "na" : String.format(Locale.ROOT, "%.1f", torchGflops),
                        torch == null ? "na" : String.format(Locale.ROOT, "%.2fx", javaGflops / torchGflops),
                        heapPeakBytes() >> 20);
                lines.add(resultLine(c.name(), javaGflops, torchGflops));
            }
            System.out.println();
            System.out.println("ratio: Layerwise's GFLOP/s over PyTorch's (torch's time over ours): above 1, the Java kernel is faster.");
            System.out.println("heap peak: the most heap in use during the case, garbage not yet collected included.");
            lines.forEach(System.out::println);
        }
        return 0;
    }

    private static volatile int sink;

    /**
     * Waits {@value #SETTLE_MILLIS} ms before a side's round. After a product, OpenBLAS's worker threads keep
     * spinning on the cores for up to about 0.1 s (2^28 cycles) before they sleep, and the Java pool's
     * workers spin briefly too: without the pause, each side's first runs share the cores with the other
     * side's idle threads (a 1024-square product measured 65 GFLOP/s after a torch round, 200 alone).
     */
    static void settle() {
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static long time(Supplier<?> op) {
        long t0 = System.nanoTime();
        Object result = op.get();
        long t = System.nanoTime() - t0;
        sink += System.identityHashCode(result);
        return t;
    }

    /**
     * Runs op for at least 2 s and 3 runs, so the JIT has compiled it; returns seconds per run. The SIMD
     * kernels are large methods: on a busy machine C2 was seen still compiling them 1.5 s in.
     */
    static double warmUp(Supplier<?> op) {
        long start = System.nanoTime();
        int runs = 0;
        while (runs < 3 || System.nanoTime() - start < 2_000_000_000L) {
            time(op);
            runs++;
        }
        return (System.nanoTime() - start) / 1e9 / runs;
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) pool.resetPeakUsage();
        }
    }

    private static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }
}
