// Exercises for lesson 04, why initialization matters (lessons/04-why-initialization-matters.md). 5 points.
// In the workbook: /open jshell-scripts/exercises/04-why-initialization-matters.jsh, call a method to try
// it, edit this file, /open it again. Grade it: ./workbook grade 04. Stuck: ./workbook hint 4.3
// Each method replaces its `throw` with your code; keep the names and parameter types.

// Exercise 4.1 (1 point) · lessons/04-why-initialization-matters.md#1-one-layer-the-variance-rule
// The variance of one output of y = W x, for independent zero-mean weights and inputs.
//   in:  fanIn;  weightVariance Var(w);  inputVariance Var(x)
//   out: double Var(y)
double outputVariance(int fanIn, double weightVariance, double inputVariance) {
    throw new UnsupportedOperationException("Exercise 4.1: the variance rule; see lessons/04-why-initialization-matters.md#1-one-layer-the-variance-rule");
}

// Exercise 4.2 (1 point) · lessons/04-why-initialization-matters.md#1-one-layer-the-variance-rule
// The std that xavier_normal_ (gain 1) draws a weight with.
//   in:  fanIn, fanOut
//   out: double std
double xavierNormalStd(int fanIn, int fanOut) {
    throw new UnsupportedOperationException("Exercise 4.2: the std of xavier_normal_; see lessons/04-why-initialization-matters.md#1-one-layer-the-variance-rule");
}

// Exercise 4.3 (3 points) · lessons/04-why-initialization-matters.md#3-ten-layers-deep
// Feed x through depth layers h = activation(h Wᵀ) (no bias) and record h.std() after each layer
// (torch's std: unbiased). Layer l's weight is the l-th block of width*width numbers of weights.
//   in:  x float[batch*width] (batch, width);  batch, width;  weights float[depth*width*width];  depth;
//        activation "tanh" or "relu"
//   out: float[depth], the std after each layer
float[] layerStds(float[] x, int batch, int width, float[] weights, int depth, String activation) {
    throw new UnsupportedOperationException("Exercise 4.3: the std after each layer; see lessons/04-why-initialization-matters.md#3-ten-layers-deep");
}
