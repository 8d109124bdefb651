package layerwise.tensor;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * How far one thread's matrix product is from its own micro-kernel, for a 1024-square product (2.15 GFLOP;
 * GFLOP/s = 2147.5 / the time in ms):
 * <ul>
 *   <li>{@code product}: {@link SimdGemm#gemm} on the calling thread, packing included — what a product costs;</li>
 *   <li>{@code kernelsOnly}: the same micro-kernel calls, in the same order over the same C tiles, on panels of A
 *       and B packed once in setup — the speed the product would have if packing were free, i.e. the ceiling of
 *       this kernel on this machine.</li>
 * </ul>
 * {@code ./mvnw -B -Pjmh verify -DskipTests -Djmh.args="GemmCeilingBench -f 1"}. Compare with PyTorch's
 * whole product on one thread ({@code ./workbook bench gemm --threads 1}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class GemmCeilingBench {
    private static final int N = 1024;
    private float[] a, b, c, packedA, packedB;

    @Setup
    public void setup() {
        if (!Simd.ACTIVE) throw new IllegalStateException("run with --add-modules jdk.incubator.vector: this measures the SIMD kernel");
        Random random = new Random(0);
        a = new float[N * N];
        b = new float[N * N];
        c = new float[N * N];
        for (int i = 0; i < N * N; i++) {
            a[i] = random.nextFloat();
            b[i] = random.nextFloat();
        }
        packedA = new float[SimdGemm.paddedRows(N) * N];
        SimdGemm.packARange(N, N, a, 0, N, 1, packedA, 0, SimdGemm.blocksOfA(N, N));
        packedB = SimdGemm.packAll(N, N, b, 0, N, 1);
    }

    @Benchmark
    public float[] product() {
        SimdGemm.gemm(N, N, N, a, 0, N, 1, b, 0, N, 1, c, 0, N, false);
        return c;
    }

    /** SimdGemm.gemm's loop nest (NC columns, KC rows of B, MC rows of A, A micro-panel outer) minus the packing. */
    @Benchmark
    public float[] kernelsOnly() {
        int rowsPadded = SimdGemm.paddedRows(N), nPad = SimdGemm.paddedColumns(N);
        for (int j0 = 0; j0 < N; j0 += SimdGemm.NC) {
            int nc = Math.min(SimdGemm.NC, N - j0);
            for (int p0 = 0; p0 < N; p0 += SimdGemm.KC) {
                int kc = Math.min(SimdGemm.KC, N - p0);
                for (int i0 = 0; i0 < N; i0 += SimdGemm.MC) {
                    int mc = Math.min(SimdGemm.MC, N - i0);
                    for (int ir = 0; ir < mc; ir += SimdGemm.MR) {
                        int rows = SimdTiles.kernelRows(Math.min(SimdGemm.MR, mc - ir));
                        int aPanel = p0 * rowsPadded + (i0 + ir) * kc;
                        for (int jr = 0; jr < nc; jr += SimdGemm.NR) {
                            SimdTiles.run(rows, kc, packedA, aPanel, packedB, p0 * nPad + (j0 + jr) * kc,
                                    c, (i0 + ir) * N + j0 + jr, N, p0 > 0);
                        }
                    }
                }
            }
        }
        return c;
    }
}
