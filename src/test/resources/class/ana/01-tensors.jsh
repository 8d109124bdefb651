// An honest learner: every answer right.

int numel(int[] shape) {
    int n = 1;
    for (int d : shape) n *= d;
    return n;
}

int[] contiguousStrides(int[] shape) {
    int[] strides = new int[shape.length];
    int step = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
        strides[d] = step;
        step *= Math.max(shape[d], 1);
    }
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
    float[] out = new float[dim == 0 ? cols : rows];
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++) out[dim == 0 ? c : r] += x[r * cols + c];
    return out;
}
