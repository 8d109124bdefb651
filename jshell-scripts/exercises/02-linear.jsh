// Exercises for lesson 02, Linear (lessons/02-linear.md). 8 points.
// In the workbook: /open jshell-scripts/exercises/02-linear.jsh, call a method to try it, edit this
// file (or /edit linearLoops), /open it again. Grade it: ./workbook grade 02. Stuck: ./workbook hint 2.3
// Each method replaces its `throw` with your code; keep the names and parameter types.

// Exercise 2.1 (1 point) · lessons/02-linear.md#2-why-the-weight-is-out-in
// The shape of Linear(inFeatures, outFeatures).weight, e.g. for Linear(20, 8).
//   in:  inFeatures, outFeatures
//   out: int[] of length 2
int[] linearWeightShape(int inFeatures, int outFeatures) {
    throw new UnsupportedOperationException("Exercise 2.1: the weight shape of Linear(in, out); see lessons/02-linear.md#2-why-the-weight-is-out-in");
}

// Exercise 2.2 (1 point) · lessons/02-linear.md#2-why-the-weight-is-out-in
// The shape of Linear(inFeatures, outFeatures).bias, e.g. for Linear(20, 8).
//   in:  inFeatures, outFeatures
//   out: int[] of length 1
int[] linearBiasShape(int inFeatures, int outFeatures) {
    throw new UnsupportedOperationException("Exercise 2.2: the bias shape of Linear(in, out); see lessons/02-linear.md#2-why-the-weight-is-out-in");
}

// Exercise 2.3 (3 points) · lessons/02-linear.md#3-the-same-layer-as-loops
// Linear's forward y = x Wᵀ + b with plain loops; every matrix is a row-major float[].
//   in:  x float[batch*in] (batch, in);  weight float[out*in] (out, in);  bias float[out];  batch, in, out
//   out: float[batch*out]  (batch, out)
float[] linearLoops(float[] x, float[] weight, float[] bias, int batch, int inFeatures, int outFeatures) {
    throw new UnsupportedOperationException("Exercise 2.3: Linear forward as loops; see lessons/02-linear.md#3-the-same-layer-as-loops");
}

// Exercise 2.4 (2 points) · lessons/02-linear.md#4--and-as-one-matmul
// The same forward as one matmul on tensors, for x of shape (in), (N, in) or (A, B, in): Linear's leading dims.
//   in:  x Tensor (..., in);  weight Tensor (out, in);  bias Tensor (out)
//   out: Tensor (..., out)
Tensor linearMatmul(Tensor x, Tensor weight, Tensor bias) {
    throw new UnsupportedOperationException("Exercise 2.4: Linear forward as one matmul; see lessons/02-linear.md#4--and-as-one-matmul");
}

// Exercise 2.5 (1 point) · lessons/02-linear.md#7-counting-parameters
// How many numbers Linear(inFeatures, outFeatures, bias) learns: weight plus bias (if any).
//   in:  inFeatures, outFeatures, bias
//   out: long
long linearParameterCount(int inFeatures, int outFeatures, boolean bias) {
    throw new UnsupportedOperationException("Exercise 2.5: the parameter count of Linear; see lessons/02-linear.md#7-counting-parameters");
}
