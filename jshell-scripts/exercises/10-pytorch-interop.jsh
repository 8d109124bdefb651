// Exercises for lesson 10, PyTorch interop (lessons/10-pytorch-interop.md). 9 points.
// In the workbook: /open jshell-scripts/exercises/10-pytorch-interop.jsh, call a method to try it, edit
// this file, /open it again. Grade it: ./workbook grade 10. Stuck: ./workbook hint 10.1
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Do what the file format and PyTorch's rules say, not what SafeTensors, loadStateDict or parity do for you.

// Exercise 10.1 (2 points) · lessons/10-pytorch-interop.md#2-load-it-and-run-the-same-input
// loadStateDict is strict: every key must come with its exact shape. The shape stored under this key of
// LSTM(inputSize, hiddenSize, numLayers, bidirectional)'s state dict. Keys are PyTorch's:
// weight_ih_l0, weight_hh_l1, bias_ih_l2_reverse, ... (gates i|f|g|o stacked in the rows).
//   in:  key;  inputSize, hiddenSize, numLayers, bidirectional
//   out: int[]
int[] lstmParameterShape(String key, int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
    throw new UnsupportedOperationException("Exercise 10.1: an LSTM's state-dict shapes; see lessons/10-pytorch-interop.md#2-load-it-and-run-the-same-input");
}

// Exercise 10.2 (2 points) · lessons/10-pytorch-interop.md#1-a-model-exported-from-pytorch
// The values of one F32 tensor in a safetensors data section: the bytes from begin (inclusive) to end
// (exclusive), as the header's data_offsets give them, four bytes per float32, little-endian.
//   in:  data byte[];  begin, end (multiples of 4)
//   out: float[(end - begin) / 4]
float[] readF32(byte[] data, int begin, int end) {
    throw new UnsupportedOperationException("Exercise 10.2: float32 values from bytes; see lessons/10-pytorch-interop.md#1-a-model-exported-from-pytorch");
}

// Exercise 10.3 (3 points) · lessons/10-pytorch-interop.md#4-the-same-seed-the-same-initial-weights
// The grader calls Tensor.manualSeed(seed) just before your method. Return the bias that
// new Linear(inFeatures, outFeatures) (and nn.Linear after torch.manual_seed) would get next, drawn
// yourself with uniform_ in PyTorch's order, without building a Linear.
//   in:  inFeatures, outFeatures
//   out: Tensor (outFeatures)
Tensor linearBiasAfterSeed(int inFeatures, int outFeatures) {
    throw new UnsupportedOperationException("Exercise 10.3: the same seed, the same bias; see lessons/10-pytorch-interop.md#4-the-same-seed-the-same-initial-weights");
}

// Exercise 10.4 (2 points) · lessons/10-pytorch-interop.md#3-the-same-check-as-a-command
// The verdict of ./workbook parity: true when every |ours[i] - theirs[i]| <= 1e-5 + 1e-4*|theirs[i]|
// (theirs is PyTorch's, the expected output).
//   in:  ours float[n];  theirs float[n]
//   out: boolean
boolean parityPasses(float[] ours, float[] theirs) {
    throw new UnsupportedOperationException("Exercise 10.4: the parity tolerance; see lessons/10-pytorch-interop.md#3-the-same-check-as-a-command");
}
