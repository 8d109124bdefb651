// Exercises for lesson 01, tensors (lessons/01-tensors.md). 9 points.
// In the workbook: /open jshell-scripts/exercises/01-tensors.jsh, call a method to try it, edit this
// file (or /edit numel), /open it again. Grade it: ./workbook grade 01. Stuck: ./workbook hint 1.2
// Each method replaces its `throw` with your code; keep the names and parameter types.

// Exercise 1.1 (1 point) · lessons/01-tensors.md#1-shape
// The number of elements of a tensor with this shape: the product of its dims.
//   in:  shape  int[]   e.g. {2, 3, 4}; {} is a scalar; a dim may be 0
//   out: int            e.g. 24
int numel(int[] shape) {
    throw new UnsupportedOperationException("Exercise 1.1: the number of elements of a shape; see lessons/01-tensors.md#1-shape");
}

// Exercise 1.2 (2 points) · lessons/01-tensors.md#2-strides-how-an-index-finds-its-number
// The strides of a contiguous (row-major) tensor of this shape, as Tensor.zeros(shape).stride() gives them.
//   in:  shape  int[]   e.g. {2, 3, 4}
//   out: int[]          same length as shape, e.g. {12, 4, 1}
int[] contiguousStrides(int[] shape) {
    throw new UnsupportedOperationException("Exercise 1.2: the strides of a contiguous tensor; see lessons/01-tensors.md#2-strides-how-an-index-finds-its-number");
}

// Exercise 1.3 (2 points) · lessons/01-tensors.md#4-broadcasting
// The shape that a.add(b) has for tensors of shapes a and b (they are always compatible here).
//   in:  a, b   int[]   e.g. {4, 1, 3} and {2, 1}
//   out: int[]          e.g. {4, 2, 3}
int[] broadcastShape(int[] a, int[] b) {
    throw new UnsupportedOperationException("Exercise 1.3: the broadcast shape of two shapes; see lessons/01-tensors.md#4-broadcasting");
}

// Exercise 1.4 (2 points) · lessons/01-tensors.md#5-matmul-shapes
// The matrix product c = a @ b with three loops; every matrix is a row-major float[].
//   in:  a  float[n*k]  (n, k);  b  float[k*m]  (k, m);  n, k, m
//   out: float[n*m]     (n, m), c[i][j] = sum over p of a[i][p] * b[p][j]
float[] matmul(float[] a, float[] b, int n, int k, int m) {
    throw new UnsupportedOperationException("Exercise 1.4: matmul as loops; see lessons/01-tensors.md#5-matmul-shapes");
}

// Exercise 1.5 (2 points) · lessons/01-tensors.md#6-reductions
// x.sum(dim) for a (rows, cols) matrix: dim 0 sums each column, dim 1 each row.
//   in:  x  float[rows*cols]  (rows, cols);  rows, cols;  dim  0 or 1
//   out: float[cols] for dim 0, float[rows] for dim 1
float[] sumDim(float[] x, int rows, int cols, int dim) {
    throw new UnsupportedOperationException("Exercise 1.5: sum over one dim; see lessons/01-tensors.md#6-reductions");
}
