// Exercises for lesson 11, backpropagation (lessons/11-backpropagation.md). 24 points.
// In the workbook: /open jshell-scripts/exercises/11-backpropagation.jsh, call a method to try it, edit this
// file (or /edit linearWeightGrad), /open it again. Grade it: ./workbook grade 11. Stuck: ./workbook hint 11.2
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Every gradient is dL/d(something) for a loss L; g is dL/d(the op's output), handed down from above.
// Matrices are row-major float[]; the grader compares your answer with autograd's on random shapes.

// Exercise 11.1 (1 point) · lessons/11-backpropagation.md#1-the-chain-rule-on-one-number
// The three derivatives of y = tanh(w·x + b), by the chain rule.
//   in:  x, w, b
//   out: float[] {dy/dx, dy/dw, dy/db}
float[] tanhNeuronGrads(double x, double w, double b) {
    throw new UnsupportedOperationException("Exercise 11.1: the chain rule on tanh(w·x + b); see lessons/11-backpropagation.md#1-the-chain-rule-on-one-number");
}

// Exercise 11.2 (2 points) · lessons/11-backpropagation.md#3-linears-backward-by-hand
// Linear's weight gradient dL/dW for y = x Wᵀ + b, with plain loops.
//   in:  x float[batch*in] (batch, in);  g float[batch*out] (batch, out), dL/dy;  batch, in, out
//   out: float[out*in]  (out, in), the weight's shape
float[] linearWeightGrad(float[] x, float[] g, int batch, int inFeatures, int outFeatures) {
    throw new UnsupportedOperationException("Exercise 11.2: Linear's weight gradient; see lessons/11-backpropagation.md#3-linears-backward-by-hand");
}

// Exercise 11.3 (1 point) · lessons/11-backpropagation.md#3-linears-backward-by-hand
// Linear's bias gradient dL/db.
//   in:  g float[batch*out] (batch, out);  batch, out
//   out: float[out]
float[] linearBiasGrad(float[] g, int batch, int outFeatures) {
    throw new UnsupportedOperationException("Exercise 11.3: Linear's bias gradient; see lessons/11-backpropagation.md#3-linears-backward-by-hand");
}

// Exercise 11.4 (2 points) · lessons/11-backpropagation.md#3-linears-backward-by-hand
// Linear's input gradient dL/dx, the gradient it hands down to the layer before.
//   in:  g float[batch*out] (batch, out);  weight float[out*in] (out, in);  batch, in, out
//   out: float[batch*in]  (batch, in), the input's shape
float[] linearInputGrad(float[] g, float[] weight, int batch, int inFeatures, int outFeatures) {
    throw new UnsupportedOperationException("Exercise 11.4: Linear's input gradient; see lessons/11-backpropagation.md#3-linears-backward-by-hand");
}

// Exercise 11.5 (3 points) · lessons/11-backpropagation.md#4-activations-and-the-loss
// The backward of an elementwise activation y = act(x): dL/dx from x and g = dL/dy.
//   in:  activation "relu", "tanh" or "sigmoid";  x float[n];  g float[n]
//   out: float[n]
float[] activationBackward(String activation, float[] x, float[] g) {
    throw new UnsupportedOperationException("Exercise 11.5: the backward of relu, tanh and sigmoid; see lessons/11-backpropagation.md#4-activations-and-the-loss");
}

// Exercise 11.6 (3 points) · lessons/11-backpropagation.md#4-activations-and-the-loss
// The gradient of F.cross_entropy(logits, labels) (mean over the batch) with respect to the logits.
//   in:  logits float[batch*classes] (batch, classes);  labels int[batch], each in 0..classes-1;  batch, classes
//   out: float[batch*classes]
float[] crossEntropyGrad(float[] logits, int[] labels, int batch, int classes) {
    throw new UnsupportedOperationException("Exercise 11.6: the gradient of softmax + cross-entropy; see lessons/11-backpropagation.md#4-activations-and-the-loss");
}

// Exercise 11.7 (3 points) · lessons/11-backpropagation.md#5-broadcasting-the-gradient-sums
// out = a + b, where b was broadcast to out's shape: dL/db from g = dL/dout. bShape has at most out's
// rank; lined up at the right, each of its dims equals out's or is 1.
//   in:  g float[numel(outShape)];  outShape, e.g. {2, 3, 4};  bShape, e.g. {3, 1}
//   out: float[numel(bShape)], of b's shape
float[] broadcastAddGrad(float[] g, int[] outShape, int[] bShape) {
    throw new UnsupportedOperationException("Exercise 11.7: the gradient of a broadcast add; see lessons/11-backpropagation.md#5-broadcasting-the-gradient-sums");
}

// Exercise 11.8 (4 points) · lessons/11-backpropagation.md#6-conv2ds-gradients
// Conv2d's weight gradient with plain loops: square kernel, stride, zero padding on every side, groups 1.
//   in:  x Tensor (N, C, H, W);  g Tensor (N, out, H_out, W_out), dL/dy;  kernelSize, stride, padding
//   out: Tensor (out, C, k, k), the weight's shape
Tensor conv2dWeightGrad(Tensor x, Tensor g, int kernelSize, int stride, int padding) {
    throw new UnsupportedOperationException("Exercise 11.8: Conv2d's weight gradient as loops; see lessons/11-backpropagation.md#6-conv2ds-gradients");
}

// Exercise 11.9 (5 points) · lessons/11-backpropagation.md#7-lstms-gradients-gate-by-gate
// The backward of one LSTM step (gates stacked i | f | g | o, lesson 08), gate by gate. The step computed
// c' = f ⊙ c + i ⊙ g and h' = o ⊙ tanh(c') from x, h, c; dhNext = dL/dh' and dcNext = dL/dc' arrive from above.
//   in:  x float[in];  h, c float[H];  weightIh float[4H*in];  weightHh float[4H*H];  biasIh, biasHh float[4H];
//        dhNext, dcNext float[H];  inputSize, hiddenSize
//   out: float[6H]: dL/d(the gate sums a, before their activations) in the order i|f|g|o (4H, which is also
//        dL/db_ih), then dL/dh (H), then dL/dc (H)
float[] lstmStepBackward(float[] x, float[] h, float[] c, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh,
                         float[] dhNext, float[] dcNext, int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 11.9: one LSTM step's backward; see lessons/11-backpropagation.md#7-lstms-gradients-gate-by-gate");
}
