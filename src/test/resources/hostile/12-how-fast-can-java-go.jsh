// Wrong in the classic ways: C assigned instead of accumulated, the partial last tiles dropped, the FMA's
// two flops counted as one, and the output size computed without the stride.

float[] matmulIpj(float[] a, float[] b, int m, int k, int n) {
    float[] c = new float[m * n];
    for (int i = 0; i < m; i++)
        for (int p = 0; p < k; p++)
            for (int j = 0; j < n; j++) c[i * n + j] = a[i * k + p] * b[p * n + j]; // only the last p survives
    return c;
}

float[] matmulBlocked(float[] a, float[] b, int m, int k, int n, int block) {
    float[] c = new float[m * n];
    for (int p0 = 0; p0 + block <= k; p0 += block) // whole tiles only: the rest of k and n is never added
        for (int j0 = 0; j0 + block <= n; j0 += block)
            for (int i = 0; i < m; i++)
                for (int p = p0; p < p0 + block; p++)
                    for (int j = j0; j < j0 + block; j++) c[i * n + j] += a[i * k + p] * b[p * n + j];
    return c;
}

double peakGflops(int cores, double ghz, int lanes, int fmaUnits) {
    return cores * ghz * fmaUnits * lanes; // an FMA is two flops
}

long conv2dFlops(int[] input, int outChannels, int kernel, int stride, int padding) {
    long hOut = input[2] + 2 * padding - kernel + 1, wOut = input[3] + 2 * padding - kernel + 1; // stride forgotten
    return 2L * input[0] * hOut * wOut * outChannels * input[1] * kernel * kernel;
}
