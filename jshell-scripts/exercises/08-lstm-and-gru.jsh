// Exercises for lesson 08, LSTM and GRU (lessons/08-lstm-and-gru.md). 13 points.
// In the workbook: /open jshell-scripts/exercises/08-lstm-and-gru.jsh, call a method to try it, edit this
// file, /open it again. Grade it: ./workbook grade 08. Stuck: ./workbook hint 8.3
// Each method replaces its `throw` with your code; keep the names and parameter types.
// One sequence, no batch: x is (input_size), h and c are (hidden_size); matrices are row-major float[].

// Exercise 8.1 (1 point) · lessons/08-lstm-and-gru.md#2-the-stacked-gates-i--f--g--o
// The shape of LSTM(inputSize, hiddenSize).weight_ih_l0.
//   in:  inputSize, hiddenSize
//   out: int[] of length 2
int[] lstmWeightIhShape(int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 8.1: the shape of an LSTM's weight_ih_l0; see lessons/08-lstm-and-gru.md#2-the-stacked-gates-i--f--g--o");
}

// Exercise 8.2 (2 points) · lessons/08-lstm-and-gru.md#2-the-stacked-gates-i--f--g--o
// The forget gate's block W_if of an LSTM's weight_ih.
//   in:  weightIh float[4H*in] (4H, in);  inputSize, hiddenSize
//   out: float[H*in] (H, in)
float[] forgetGateWeights(float[] weightIh, int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 8.2: the forget gate's weights; see lessons/08-lstm-and-gru.md#2-the-stacked-gates-i--f--g--o");
}

// Exercise 8.3 (4 points) · lessons/08-lstm-and-gru.md#3-one-lstm-step-by-hand
// One LSTM step, gates stacked i | f | g | o.
//   in:  x float[in];  h, c float[H];  weightIh float[4H*in];  weightHh float[4H*H];  biasIh, biasHh float[4H];
//        inputSize, hiddenSize
//   out: float[2H]: the new h, then the new c (do not write into h or c)
float[] lstmStep(float[] x, float[] h, float[] c, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 8.3: one LSTM step; see lessons/08-lstm-and-gru.md#3-one-lstm-step-by-hand");
}

// Exercise 8.4 (4 points) · lessons/08-lstm-and-gru.md#4-gru-r--z--n-and-where-b_hn-goes
// One GRU step, gates stacked r | z | n, exactly as PyTorch computes it.
//   in:  x float[in];  h float[H];  weightIh float[3H*in];  weightHh float[3H*H];  biasIh, biasHh float[3H];
//        inputSize, hiddenSize
//   out: float[H], the new h
float[] gruStep(float[] x, float[] h, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    throw new UnsupportedOperationException("Exercise 8.4: one GRU step; see lessons/08-lstm-and-gru.md#4-gru-r--z--n-and-where-b_hn-goes");
}

// Exercise 8.5 (2 points) · lessons/08-lstm-and-gru.md#6-counting-parameters
// How many numbers LSTM(inputSize, hiddenSize, numLayers, bidirectional) learns, every layer and direction.
//   in:  inputSize, hiddenSize, numLayers, bidirectional
//   out: long
long lstmParameterCount(int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
    throw new UnsupportedOperationException("Exercise 8.5: the parameter count of an LSTM; see lessons/08-lstm-and-gru.md#6-counting-parameters");
}
