package layerwise.workbook;

import java.util.List;
import java.util.Random;

/**
 * A yardstick for the kernel benchmarks: what one core reaches on a plain loop over float arrays
 * ({@code sum += a[i] * b[i]}, 2 flops per element, limited by the loop-carried add).
 */
final class BaselineBench {
    private BaselineBench() {
    }

    static List<Benchmark> all() {
        int n = 1 << 20;
        return List.of(Benchmark.of("baseline dot float[2^20], 1 core", 2.0 * n, () -> {
            Random random = new Random(0);
            float[] a = new float[n];
            float[] b = new float[n];
            for (int i = 0; i < n; i++) {
                a[i] = random.nextFloat();
                b[i] = random.nextFloat();
            }
            return () -> dot(a, b);
        }));
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }
}
