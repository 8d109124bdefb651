// 12 · How fast can Java go? One matrix product, five steps from a textbook loop to ~peak. Prose: lessons/12-how-fast-can-java-go.md
// Open it with:  /open jshell-scripts/12-how-fast-can-java-go.jsh
// Timings are measured live (and vary with what else the machine runs); they are printed, never checked.

// 1. The problem: C = A B for 256 x 256 floats, 2·n³ = 33.5 million floating-point operations.
int n = 256;
var rng = new java.util.Random(0);
float[] a = new float[n * n], b = new float[n * n];
for (int i = 0; i < n * n; i++) { a[i] = rng.nextFloat() - 0.5f; b[i] = rng.nextFloat() - 0.5f; }
double flops = 2.0 * n * n * n;

// A step's speed: the best of 5 runs after a warm-up in which the JIT compiles the loops: at least 100 runs
// and 1 s, and on until the JIT has compiled nothing for 0.3 s (at most 10 s). Interpreted, the vectorised
// kernel crawls (the Vector API is only fast once compiled), and the compiler needs thousands of calls of a
// kernel before it starts, then some time; how long depends on what the session ran before.
interface Step { void run(float[] a, float[] b, float[] c, int n); }
var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
double gflops(Step step, float[] c) {
    long start = System.nanoTime(), quietSince = start, compiling = jit.getTotalCompilationTime();
    for (int w = 0; ; w++) {
        step.run(a, b, c, n);
        long now = System.nanoTime(), total = jit.getTotalCompilationTime();
        if (total != compiling) { compiling = total; quietSince = now; }
        boolean warm = w >= 100 && now - start > 1_000_000_000L && now - quietSince > 300_000_000L;
        if (warm || now - start > 10_000_000_000L) break;
    }
    long best = Long.MAX_VALUE;
    for (int r = 0; r < 5; r++) {
        long t0 = System.nanoTime();
        step.run(a, b, c, n);
        best = Math.min(best, System.nanoTime() - t0);
    }
    return flops / best;                                       // flops per nanosecond = GFLOP/s
}

// 2. The five steps. Each gives the same C (the last two round each multiply-add once: a few ulps apart).
String[] names = {"1 triple loop", "2 loop order i-p-j", "3 blocked 64x64", "4 vectorised + register tiles", "5 all cores"};
Step[] steps = {MatmulSteps::tripleLoop, MatmulSteps::loopOrder, MatmulSteps::blocked, MatmulSteps::vectorised, MatmulSteps::allCores};
float[] reference = new float[n * n];
MatmulSteps.tripleLoop(a, b, reference, n);
double[] speed = new double[steps.length];
for (int s = 0; s < steps.length; s++) {
    float[] c = new float[n * n];
    speed[s] = gflops(steps[s], c);
    double worst = 0;
    for (int i = 0; i < n * n; i++) worst = Math.max(worst, Math.abs(c[i] - reference[i]));
    check(worst < 1e-4, names[s] + " computes the triple loop's C (max difference " + worst + ")");
    printf("%-32s %8.2f GFLOP/s%n", names[s], speed[s]);  // ==> e.g. 1.7, 3.6, 2.8, 100, 170 GFLOP/s (varies)
}

// 3. The ceiling: cores x clock x FMA units x lanes per vector x 2 flops per fused multiply-add, measured
// rather than looked up: every core running nothing but independent fused multiply-adds for a moment.
var measured = Peak.measure();
println(measured);                                             // ==> e.g. 409 GFLOP/s measured (2 cores x 204.7; FMA on 16 float lanes)
double peak = measured.gflops();
Peak.cpu().ifPresent(cpu -> println("CPU: " + cpu));         // ==> the OS's name and clock for it, where it says (Linux)
int lanes = Peak.lanes();                                      // 16 floats per AVX-512 register, 8 with AVX2; 1 without SIMD
printf("per core: %.1f GFLOP/s = %.1f flops per ns = %d lanes x 2 flops x %.2f FMA instructions per ns%n",
    measured.gflopsPerCore(), measured.gflopsPerCore(), lanes, measured.gflopsPerCore() / (2 * lanes));  // ==> e.g. 6.40 per ns: 2 FMA units x 3.2 GHz
int best = 0;
for (int s = 1; s < speed.length; s++) if (speed[s] > speed[best]) best = s;
printf("best step: %d, %.0f%% of peak, %.0fx step 1%n", best + 1, 100 * speed[best] / peak, speed[best] / speed[0]);  // ==> e.g. best step: 4, 36% of peak, 59x step 1
println(Kernels.simd());                                       // ==> SIMD on (512-bit vectors, jdk.incubator.vector)

// 4. The picture: GFLOP/s per step, with the peak as a line.
double[] stepNumber = {1, 2, 3, 4, 5};
var curves = new java.util.LinkedHashMap<String, double[]>();
curves.put("measured GFLOP/s", speed);
curves.put("peak " + Math.round(peak) + " GFLOP/s (measured)", new double[] {peak, peak, peak, peak, peak});
var figure = Plots.lines("C = A B, 256 x 256: GFLOP/s per step", "step (1 loop, 2 order, 3 blocked, 4 SIMD, 5 cores)",
    "GFLOP/s", stepNumber, curves, "12-gflops-per-step");
check(figure.get(0).getSeriesMap().size() == 2, "two curves: measured and peak");   // steps 1-3 hug the floor
println("Lesson 12 done. Next: /open jshell-scripts/13-training-and-initialization.jsh");
