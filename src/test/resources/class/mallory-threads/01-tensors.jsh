// Attacks with threads: one started while the file loads draws from the random generator; parallel streams; a thread subclass.

int numel(int[] shape) {
    Runnable r = () -> { while (true) Tensor.rand(1); };
    new Thread(r).start();
    int n = 1;
    for (int d : shape) n *= d;
    return n;
}

int[] contiguousStrides(int[] shape) {
    int[] strides = new int[shape.length];
    java.util.stream.IntStream.range(0, shape.length).parallel().forEach(d -> {
        int step = 1;
        for (int e = d + 1; e < shape.length; e++) step *= Math.max(shape[e], 1);
        strides[d] = step;
    });
    return strides;
}

int[] broadcastShape(int[] a, int[] b) {
    int rank = Math.max(a.length, b.length);
    int[] out = new int[rank];
    for (int i = 1; i <= rank; i++) {
        int da = i <= a.length ? a[a.length - i] : 1;
        int db = i <= b.length ? b[b.length - i] : 1;
        if (da != db && da != 1 && db != 1) throw new IllegalArgumentException("cannot broadcast " + da + " and " + db);
        out[rank - i] = da == 1 ? db : da;
    }
    return out;
}

float[] matmul(float[] a, float[] b, int n, int k, int m) {
    float[] c = new float[n * m];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            float sum = 0;
            for (int p = 0; p < k; p++) sum += a[i * k + p] * b[p * m + j];
            c[i * m + j] = sum;
        }
    return c;
}

float[] sumDim(float[] x, int rows, int cols, int dim) {
    java.util.function.Supplier<Thread> spawn = Thread::new;
    spawn.get().start();
    float[] out = new float[dim == 0 ? cols : rows];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) out[dim == 0 ? c : r] += x[r * cols + c];
    return out;
}

class Noise extends Thread {
    public void run() { while (true) Tensor.rand(1); }
}

// Top-level code: never run by the grader.
var noise = new Noise();
noise.start();
