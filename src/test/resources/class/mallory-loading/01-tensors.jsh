// Attacks on loading: a hanging static initializer, top-level code, a name the grader uses, a workbook subclass that saves.

int numel(int[] shape) {
    return Forever.VALUE + shape.length;
}

class Forever {
    static final int VALUE;
    static { int v = 0; while (v >= 0) v = (v + 1) % 1000; VALUE = v; }
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
    var m = new Saver();
    m.keep();
    return a;
}

class Saver extends layerwise.nn.Module {
    void keep() { save("stolen.safetensors"); }
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

class layerwise { }

int LayerwiseGradeProbe = 3;

int forever() { while (true) { } }

var stuck = forever();

while (true) { }
