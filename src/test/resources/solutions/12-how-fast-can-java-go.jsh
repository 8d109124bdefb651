// Reference solutions for jshell-scripts/exercises/12-how-fast-can-java-go.jsh (graded by ./workbook grade --solutions).

float[] matmulIpj(float[] a, float[] b, int m, int k, int n) {
    float[] c = new float[m * n];
    for (int i = 0; i < m; i++)
        for (int p = 0; p < k; p++) {
            float aip = a[i * k + p];
            for (int j = 0; j < n; j++) c[i * n + j] += aip * b[p * n + j];
        }
    return c;
}

float[] matmulBlocked(float[] a, float[] b, int m, int k, int n, int block) {
    float[] c = new float[m * n];
    for (int p0 = 0; p0 < k; p0 += block)
        for (int j0 = 0; j0 < n; j0 += block) {
            int pEnd = Math.min(p0 + block, k), jEnd = Math.min(j0 + block, n);
            for (int i = 0; i < m; i++)
                for (int p = p0; p < pEnd; p++) {
                    float aip = a[i * k + p];
                    for (int j = j0; j < jEnd; j++) c[i * n + j] += aip * b[p * n + j];
                }
        }
    return c;
}

double peakGflops(int cores, double ghz, int lanes, int fmaUnits) {
    return cores * ghz * fmaUnits * lanes * 2;
}

long conv2dFlops(int[] input, int outChannels, int kernel, int stride, int padding) {
    long hOut = (input[2] + 2 * padding - kernel) / stride + 1;
    long wOut = (input[3] + 2 * padding - kernel) / stride + 1;
    return 2L * input[0] * hOut * wOut * outChannels * input[1] * kernel * kernel;
}
