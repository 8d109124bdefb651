// 12 · How fast can Java go? One matrix product, five steps from a textbook loop to ~peak. Prose: lessons/12-how-fast-can-java-go.md
// Open it with:  /open jshell-scripts/12-how-fast-can-java-go.jsh
// Timings are measured live (and vary with what else the machine runs); they are printed, never checked.

// 1. The problem: C = A B for 256 x 256 floats, 2·n³ = 33.5 million floating-point operations.
int n = 256;
var rng = new java.util.Random(0);
float[] a = new float[n * n], b = new float[n * n];
for (int i = 0; i < n * n; i++) { a[i] = rng.nextFloat() - 0.5f; b[i] = rng.nextFloat() - 0.5f; }
double flops = 2.0 * n * n * n;

// A step's speed: the best of 5 runs after a warm-up of at least 1 s and 100 runs (at most 6 s), in which
// the JIT compiles the loops. Interpreted, the vectorised kernel crawls (the Vector API is only fast once
// compiled), and the compiler needs thousands of calls of a kernel before it starts, then some time.
interface Step { void run(float[] a, float[] b, float[] c, int n); }
double gflops(Step step, float[] c) {
    long start = System.nanoTime();
    for (int w = 0; (w < 100 || System.nanoTime() - start < 1_000_000_000L) && System.nanoTime() - start < 6_000_000_000L; w++) {
        step.run(a, b, c, n);
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

// 3. The ceiling: cores x clock x FMA units x lanes per vector x 2 flops per fused multiply-add.
int cores = Runtime.getRuntime().availableProcessors();
double ghz = 2.6;                                              // this machine's clock; see /proc/cpuinfo or your CPU's spec sheet
int fmaUnits = 2;                                              // Xeon Gold/Platinum: 2 AVX-512 FMA units per core
int lanes = MatmulSteps.vectorLanes();                         // 16 floats per AVX-512 register; 1 without SIMD
double peak = cores * ghz * fmaUnits * Math.max(lanes, 1) * 2;
printf("peak ~ %d x %.1f GHz x %d FMA x %d lanes x 2 = %.0f GFLOP/s%n", cores, ghz, fmaUnits, lanes, peak);  // ==> ~333
printf("best step: %.0f%% of peak; step 5 over step 1: %.0fx%n", 100 * speed[4] / peak, speed[4] / speed[0]);
println(Kernels.simd());                                       // ==> SIMD on (512-bit vectors, jdk.incubator.vector)

// 4. The picture: GFLOP/s per step, with the peak as a line.
double[] stepNumber = {1, 2, 3, 4, 5};
var curves = new java.util.LinkedHashMap<String, double[]>();
curves.put("measured GFLOP/s", speed);
curves.put("peak ~" + Math.round(peak) + " GFLOP/s", new double[] {peak, peak, peak, peak, peak});
var figure = Plots.lines("C = A B, 256 x 256: GFLOP/s per step", "step (1 loop, 2 order, 3 blocked, 4 SIMD, 5 cores)",
    "GFLOP/s", stepNumber, curves, "12-gflops-per-step");
check(figure.get(0).getSeriesMap().size() == 2, "two curves: measured and peak");   // steps 1-3 hug the floor
println("Lesson 12 done. Next: ./workbook bench, the layers timed against PyTorch");
