// Hostile and wrong answers to jshell-scripts/exercises/01-tensors.jsh: each must cost its own exercise only.
// GradingHostileTest asserts the status and the reason of each.

// prints megabytes, then answers right: "printed ... MB"
int numel(int[] shape) {
    for (int i = 0; i < 100_000; i++) System.out.println("debugging numel, line " + i + " ..................................");
    int n = 1;
    for (int d : shape) n *= d;
    return n;
}

// throws: "threw IllegalStateException: boom"
int[] contiguousStrides(int[] shape) {
    throw new IllegalStateException("boom");
}

// starts a thread that never ends: "left a thread running"
int[] broadcastShape(int[] a, int[] b) {
    Thread t = new Thread(() -> { while (true) Thread.onSpinWait(); }, "never-ends");
    t.setDaemon(true);
    t.start();
    return a.length >= b.length ? a : b;
}

// writes into its input: "changed its argument #1 in place"
float[] matmul(float[] a, float[] b, int n, int k, int m) {
    float[] c = new float[n * m];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            for (int p = 0; p < k; p++) c[i * m + j] += a[i * k + p] * b[p * m + j];
    Arrays.fill(a, 0f); // "done with a": but a is the caller's
    return c;
}

// does not compile: "sumDim does not compile: incompatible types"
float[] sumDim(float[] x, int rows, int cols, int dim) {
    float[] out = new float[dim == 0 ? cols : rows];
    String total = 0;
    return out;
}
