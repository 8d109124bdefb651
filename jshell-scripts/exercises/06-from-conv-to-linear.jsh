// Exercises for lesson 06, from conv to linear (lessons/06-from-conv-to-linear.md). 9 points.
// In the workbook: /open jshell-scripts/exercises/06-from-conv-to-linear.jsh, call a method to try it, edit
// this file, /open it again. Grade it: ./workbook grade 06. Stuck: ./workbook hint 6.1
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Work it out with the output-size formula H_out = (H + 2p - k)/s + 1 (rounded down), not with Summary or Solve.
// A stack is int[4*numLayers], one quadruple {outChannels, kernel, stride, padding} per layer: Conv2d(C,
// outChannels, kernel, stride, padding), or, when outChannels is 0, MaxPool2d(kernel, stride, padding),
// which keeps the channel count. Square kernels, dilation 1. Inputs are (N, C, H, W); H and W may differ.

// Exercise 6.1 (2 points) · lessons/06-from-conv-to-linear.md#2-the-trace-every-shape-with-its-formula
// The shape the stack returns, as the trace would print it after its last layer.
//   in:  inputShape {N, C, H, W};  layers int[4*numLayers]
//   out: int[] {N, C_out, H_out, W_out}
int[] stackOutputShape(int[] inputShape, int[] layers) {
    throw new UnsupportedOperationException("Exercise 6.1: the shape after a conv stack; see lessons/06-from-conv-to-linear.md#2-the-trace-every-shape-with-its-formula");
}

// Exercise 6.2 (2 points) · lessons/06-from-conv-to-linear.md#3-sizing-the-classifier
// The weight shape of the Linear that follows the stack and a Flatten(), for numClasses outputs.
//   in:  inputShape {N, C, H, W};  layers int[4*numLayers];  numClasses
//   out: int[] of length 2, the Linear's weight shape
int[] classifierWeightShape(int[] inputShape, int[] layers, int numClasses) {
    throw new UnsupportedOperationException("Exercise 6.2: the classifier after Flatten; see lessons/06-from-conv-to-linear.md#3-sizing-the-classifier");
}

// Exercise 6.3 (3 points) · lessons/06-from-conv-to-linear.md#4-asking-backwards-which-conv2d
// Settings of a Conv2d that map an input of this size (H or W) to the target size. Any answer that
// works passes: kernel 1..11, stride 1..8, padding 0..kernel-1, dilation 1.
//   in:  size, target
//   out: int[] {kernel, stride, padding}
int[] convSettings(int size, int target) {
    throw new UnsupportedOperationException("Exercise 6.3: a Conv2d for a target size; see lessons/06-from-conv-to-linear.md#4-asking-backwards-which-conv2d");
}

// Exercise 6.4 (2 points) · lessons/06-from-conv-to-linear.md#1-the-summary-of-a-small-cnn
// How many numbers the whole network learns: the stack's convs (with bias), then Flatten() and
// Linear(in_features, numClasses) with bias, sized for this input (the total of the summary).
//   in:  inputShape {N, C, H, W};  layers int[4*numLayers];  numClasses
//   out: long
long cnnParameterCount(int[] inputShape, int[] layers, int numClasses) {
    throw new UnsupportedOperationException("Exercise 6.4: the parameter count of a CNN; see lessons/06-from-conv-to-linear.md#1-the-summary-of-a-small-cnn");
}
