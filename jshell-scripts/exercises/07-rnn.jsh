// Exercises for lesson 07, RNN (lessons/07-rnn.md). 11 points.
// In the workbook: /open jshell-scripts/exercises/07-rnn.jsh, call a method to try it, edit this file,
// /open it again. Grade it: ./workbook grade 07. Stuck: ./workbook hint 7.2
// Each method replaces its `throw` with your code; keep the names and parameter types.
// One sequence, no batch: x is (input_size), h is (hidden_size); matrices are row-major float[].

// Exercise 7.1 (2 points) · lessons/07-rnn.md#2-two-weights-two-biases--and-why
// The shape of RNN(inputSize, hiddenSize)'s parameter of this name.
//   in:  name "weight_ih_l0", "weight_hh_l0", "bias_ih_l0" or "bias_hh_l0";  inputSize, hiddenSize
//   out: int[]
int[] rnnParameterShape(String name, int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 7.1: the shapes of an RNN's parameters; see lessons/07-rnn.md#2-two-weights-two-biases--and-why");
}

// Exercise 7.2 (3 points) · lessons/07-rnn.md#3-the-unrolled-loop
// One step of an Elman RNN (tanh).
//   in:  x float[in];  h float[H];  weightIh float[H*in] (H, in);  weightHh float[H*H];  biasIh, biasHh float[H];
//        inputSize, hiddenSize
//   out: float[H], the new h (do not write into h)
float[] rnnStep(float[] x, float[] h, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 7.2: one RNN step; see lessons/07-rnn.md#3-the-unrolled-loop");
}

// Exercise 7.3 (3 points) · lessons/07-rnn.md#3-the-unrolled-loop
// The whole sequence: h starts at h0, one step per time step; return every step's h.
//   in:  xs float[seqLen*in] (seqLen, in);  h0 float[H];  the weights as in 7.2;  seqLen, inputSize, hiddenSize
//   out: float[seqLen*H] (seqLen, H), PyTorch's output for a batch of one
float[] rnnForward(float[] xs, float[] h0, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int seqLen, int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 7.3: the unrolled loop; see lessons/07-rnn.md#3-the-unrolled-loop");
}

// Exercise 7.4 (2 points) · lessons/07-rnn.md#7-counting-parameters
// How many numbers RNN(inputSize, hiddenSize, numLayers, bidirectional) learns, every layer and direction.
//   in:  inputSize, hiddenSize, numLayers, bidirectional
//   out: long
long rnnParameterCount(int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
    throw new UnsupportedOperationException("Exercise 7.4: the parameter count of an RNN; see lessons/07-rnn.md#7-counting-parameters");
}

// Exercise 7.5 (1 point) · lessons/07-rnn.md#6-layers-and-directions
// The shape of h_n for a batched input.
//   in:  numLayers, bidirectional, batch, hiddenSize
//   out: int[] of length 3
int[] hiddenStateShape(int numLayers, boolean bidirectional, int batch, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 7.5: the shape of h_n; see lessons/07-rnn.md#6-layers-and-directions");
}
