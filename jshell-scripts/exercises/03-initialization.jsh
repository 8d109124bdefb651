// Exercises for lesson 03, initialization (lessons/03-initialization.md). 11 points.
// In the workbook: /open jshell-scripts/exercises/03-initialization.jsh, call a method to try it, edit
// this file, /open it again. Grade it: ./workbook grade 03. Stuck: ./workbook hint 3.3
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Weights are (out, in) for Linear and (out, in, kH, kW) for Conv2d.

// Exercise 3.1 (2 points) · lessons/03-initialization.md#2-fans-and-gains
// fan_in and fan_out of a weight of this shape, as torch.nn.init computes them.
//   in:  shape  int[]  e.g. {8, 20} or {16, 3, 3, 3}
//   out: int[] {fanIn, fanOut}  e.g. {20, 8} or {27, 144}
int[] fans(int[] shape) {
    throw new UnsupportedOperationException("Exercise 3.1: fan_in and fan_out; see lessons/03-initialization.md#2-fans-and-gains");
}

// Exercise 3.2 (1 point) · lessons/03-initialization.md#3-xavier--glorot
// The bound a of xavier_uniform_, which draws from U(-a, a).
//   in:  fanIn, fanOut, gain
//   out: double a
double xavierUniformBound(int fanIn, int fanOut, double gain) {
    throw new UnsupportedOperationException("Exercise 3.2: the bound of xavier_uniform_; see lessons/03-initialization.md#3-xavier--glorot");
}

// Exercise 3.3 (2 points) · lessons/03-initialization.md#3-xavier--glorot
// xavier_uniform_(w, gain): fill w in place from U(-a, a) with the workbook's generator (w.uniform_(lo, hi)),
// so that after the same Tensor.manualSeed it equals Init.xavierUniform(w, gain). Return w.
//   in:  w Tensor (out, in) or (out, in, kH, kW);  gain
//   out: the same Tensor w, filled
Tensor xavierUniform_(Tensor w, double gain) {
    throw new UnsupportedOperationException("Exercise 3.3: xavier_uniform_ in place; see lessons/03-initialization.md#3-xavier--glorot");
}

// Exercise 3.4 (2 points) · lessons/03-initialization.md#4-kaiming--he
// The std of kaiming_normal_(w, a, mode) with nonlinearity leaky_relu (a = 0 is the ReLU case).
//   in:  shape of w;  a (negative slope);  mode "fan_in" or "fan_out"
//   out: double std
double kaimingNormalStd(int[] shape, double a, String mode) {
    throw new UnsupportedOperationException("Exercise 3.4: the std of kaiming_normal_; see lessons/03-initialization.md#4-kaiming--he");
}

// Exercise 3.5 (2 points) · lessons/03-initialization.md#4-kaiming--he
// kaiming_normal_(w, a, mode): fill w in place from N(0, std^2) with w.normal_(mean, std), so that after the
// same Tensor.manualSeed it equals Init.kaimingNormal(w, a, mode). Return w.
//   in:  w Tensor;  a;  mode "fan_in" or "fan_out"
//   out: the same Tensor w, filled
Tensor kaimingNormal_(Tensor w, double a, String mode) {
    throw new UnsupportedOperationException("Exercise 3.5: kaiming_normal_ in place; see lessons/03-initialization.md#4-kaiming--he");
}

// Exercise 3.6 (2 points) · lessons/03-initialization.md#5-pytorchs-default-decoded
// The bound of PyTorch's default init of a Linear or Conv2d weight, kaiming_uniform_(w, a=sqrt(5)), in closed form.
//   in:  the weight's shape
//   out: double bound (the weight is drawn from U(-bound, bound))
double defaultInitBound(int[] weightShape) {
    throw new UnsupportedOperationException("Exercise 3.6: PyTorch's default init bound; see lessons/03-initialization.md#5-pytorchs-default-decoded");
}
