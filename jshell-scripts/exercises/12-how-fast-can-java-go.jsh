// Exercises for lesson 12, how fast can Java go (lessons/12-how-fast-can-java-go.md). 8 points.
// In the workbook: /open jshell-scripts/exercises/12-how-fast-can-java-go.jsh, call a method to try it, edit
// this file, /open it again. Grade it: ./workbook grade 12. Stuck: ./workbook hint 12.1
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Matrices are float[] in row-major order: A (m, k) holds A[i][p] at a[i*k + p]. Write the loops yourself,
// not with MatmulSteps, Kernels or Tensor.matmul.

// Exercise 12.1 (2 points) · lessons/12-how-fast-can-java-go.md#2-five-steps
// C = A B with the loops in the order i, p, j (step 2): the inner loop walks a row of B and a row of C.
//   in:  a float[m*k] (m, k);  b float[k*n] (k, n);  m, k, n
//   out: float[m*n] (m, n)
float[] matmulIpj(float[] a, float[] b, int m, int k, int n) {
    throw new UnsupportedOperationException("Exercise 12.1: C = A B in loop order i, p, j; see lessons/12-how-fast-can-java-go.md#2-five-steps");
}

// Exercise 12.2 (3 points) · lessons/12-how-fast-can-java-go.md#2-five-steps
// C = A B cache-blocked (step 3): the i, p, j loops over block x block tiles of B (rows p0.., columns j0..),
// so a tile stays in the cache while every row of A uses it. Any sizes: the last tile in p or j may be
// partial, and block may be larger than k or n.
//   in:  a float[m*k] (m, k);  b float[k*n] (k, n);  m, k, n;  block (>= 1)
//   out: float[m*n] (m, n)
float[] matmulBlocked(float[] a, float[] b, int m, int k, int n, int block) {
    throw new UnsupportedOperationException("Exercise 12.2: a cache-blocked matmul; see lessons/12-how-fast-can-java-go.md#2-five-steps");
}

// Exercise 12.3 (1 point) · lessons/12-how-fast-can-java-go.md#3-the-ceiling
// The peak GFLOP/s of a machine: every core starts fmaUnits fused multiply-adds per cycle, each on
// `lanes` floats at once, at ghz billion cycles per second.
//   in:  cores;  ghz;  lanes (floats per vector: 8 for AVX2, 16 for AVX-512);  fmaUnits
//   out: double (GFLOP/s)
double peakGflops(int cores, double ghz, int lanes, int fmaUnits) {
    throw new UnsupportedOperationException("Exercise 12.3: a machine's peak GFLOP/s; see lessons/12-how-fast-can-java-go.md#3-the-ceiling");
}

// Exercise 12.4 (2 points) · lessons/12-how-fast-can-java-go.md#1-the-problem
// The flops of Conv2d(C, outChannels, kernel, stride, padding).forward on an input (N, C, H, W): Conv2d is
// im2col times the weight, a matrix product; count 2 flops per multiply-add, as for C = A B, and leave out
// the bias. Square kernels, dilation 1, groups 1. The count can exceed an int.
//   in:  input int[] {N, C, H, W};  outChannels, kernel, stride, padding
//   out: long
long conv2dFlops(int[] input, int outChannels, int kernel, int stride, int padding) {
    throw new UnsupportedOperationException("Exercise 12.4: the flops of a Conv2d forward; see lessons/12-how-fast-can-java-go.md#1-the-problem");
}
