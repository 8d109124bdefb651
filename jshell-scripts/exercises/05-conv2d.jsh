// Exercises for lesson 05, Conv2d (lessons/05-conv2d.md). 13 points.
// In the workbook: /open jshell-scripts/exercises/05-conv2d.jsh, call a method to try it, edit this
// file, /open it again. Grade it: ./workbook grade 05. Stuck: ./workbook hint 5.3
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Images are (N, C, H, W), weights (out, in/groups, kH, kW); Tensor.zeros, get and set are all you need.

// Exercise 5.1 (1 point) · lessons/05-conv2d.md#5-groups-and-depthwise-convolution
// The shape of Conv2d(inChannels, outChannels, kernelSize, groups).weight, e.g. for Conv2d(3, 16, 3).
//   in:  inChannels, outChannels, kernelSize (square), groups
//   out: int[] of length 4
int[] conv2dWeightShape(int inChannels, int outChannels, int kernelSize, int groups) {
    throw new UnsupportedOperationException("Exercise 5.1: the weight shape of Conv2d; see lessons/05-conv2d.md#5-groups-and-depthwise-convolution");
}

// Exercise 5.2 (2 points) · lessons/05-conv2d.md#2-the-output-size
// The output size along one dim of a convolution.
//   in:  size (H or W), kernel, stride, padding (each side), dilation
//   out: int
int convOutputSize(int size, int kernel, int stride, int padding, int dilation) {
    throw new UnsupportedOperationException("Exercise 5.2: the output size of a conv; see lessons/05-conv2d.md#2-the-output-size");
}

// Exercise 5.3 (4 points) · lessons/05-conv2d.md#7-convolution-as-loops
// Conv2d's forward with plain loops: zero padding on every side, stride, dilation and groups (square).
//   in:  x Tensor (N, C, H, W);  weight Tensor (out, C/groups, k, k);  bias Tensor (out);
//        stride, padding, dilation, groups
//   out: Tensor (N, out, H_out, W_out)
Tensor conv2dLoops(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
    throw new UnsupportedOperationException("Exercise 5.3: Conv2d forward as loops; see lessons/05-conv2d.md#7-convolution-as-loops");
}

// Exercise 5.4 (3 points) · lessons/05-conv2d.md#8--then-im2col--matmul
// im2col of one image: one column per output position (row-major over H_out, W_out), one row per
// (channel, kernel row, kernel column), zeros where the kernel covers the padding.
//   in:  x Tensor (C, H, W);  kernelSize, stride, padding
//   out: Tensor (C*k*k, H_out*W_out)
Tensor im2col(Tensor x, int kernelSize, int stride, int padding) {
    throw new UnsupportedOperationException("Exercise 5.4: im2col; see lessons/05-conv2d.md#8--then-im2col--matmul");
}

// Exercise 5.5 (2 points) · lessons/05-conv2d.md#9-sizing-the-linear-after-a-conv-stack
// The in_features of the Linear after Flatten, for an input (channels, height, width) and a stack of
// layers given as quadruples {outChannels, kernel, stride, padding}; outChannels 0 means
// MaxPool2d(kernel, stride, padding), which keeps the channel count. Square kernels, dilation 1.
//   in:  channels, height, width;  layers int[4*numLayers]
//   out: int
int inFeaturesAfter(int channels, int height, int width, int[] layers) {
    throw new UnsupportedOperationException("Exercise 5.5: in_features after a conv stack; see lessons/05-conv2d.md#9-sizing-the-linear-after-a-conv-stack");
}

// Exercise 5.6 (1 point) · lessons/05-conv2d.md#5-groups-and-depthwise-convolution
// How many numbers Conv2d(inChannels, outChannels, kernelSize, groups, bias) learns.
//   in:  inChannels, outChannels, kernelSize, groups, bias
//   out: long
long conv2dParameterCount(int inChannels, int outChannels, int kernelSize, int groups, boolean bias) {
    throw new UnsupportedOperationException("Exercise 5.6: the parameter count of Conv2d; see lessons/05-conv2d.md#5-groups-and-depthwise-convolution");
}
