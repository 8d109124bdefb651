// Exercises for lesson 09, debugging shape errors (lessons/09-debugging-shape-errors.md). 8 points.
// In the workbook: /open jshell-scripts/exercises/09-debugging-shape-errors.jsh, call a method to try it,
// edit this file, /open it again. Grade it: ./workbook grade 09. Stuck: ./workbook hint 9.1
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Each input is shaped the wrong way for its layer: return the repaired tensor, with every value where the
// layer expects it. Views (permute, unsqueeze, select, t) and Tensor.cat are enough; loops work too.
// Try the mistake first: feed the wrong shape to the layer and read the message.

// Exercise 9.1 (2 points) · lessons/09-debugging-shape-errors.md#4-channels-last
// A batch of images stored channels last, made ready for a Conv2d.
//   in:  x Tensor (N, H, W, C)
//   out: Tensor (N, C, H, W)
Tensor channelsFirst(Tensor x) {
    throw new UnsupportedOperationException("Exercise 9.1: channels last to channels first; see lessons/09-debugging-shape-errors.md#4-channels-last");
}

// Exercise 9.2 (2 points) · lessons/09-debugging-shape-errors.md#3-one-image-without-a-batch-dim
// One image, made a batch of one for a network that wants (N, C, H, W). A 2-D input is one grey image
// (section 5): one channel.
//   in:  image Tensor (C, H, W) or (H, W)
//   out: Tensor (1, C, H, W), with C = 1 for a grey image
Tensor asBatch(Tensor image) {
    throw new UnsupportedOperationException("Exercise 9.2: one image as a batch; see lessons/09-debugging-shape-errors.md#3-one-image-without-a-batch-dim");
}

// Exercise 9.3 (2 points) · lessons/09-debugging-shape-errors.md#8-the-two-directions-of-a-bidirectional-h_n
// The final states of a bidirectional RNN's last layer side by side, for a Linear(2H, ...) classifier:
// the forward direction's state first, then the reverse's.
//   in:  hN Tensor (2*numLayers, N, H), as RNN/GRU with bidirectional(true) return it
//   out: Tensor (N, 2H)
Tensor bothDirections(Tensor hN) {
    throw new UnsupportedOperationException("Exercise 9.3: both directions of h_n; see lessons/09-debugging-shape-errors.md#8-the-two-directions-of-a-bidirectional-h_n");
}

// Exercise 9.4 (2 points) · lessons/09-debugging-shape-errors.md#9-a-weight-written-as-in-out
// A weight matrix written "in inputs by out outputs", made the weight of Linear(in, out), ready for copy_.
//   in:  w Tensor (in, out)
//   out: Tensor (out, in)
Tensor linearWeightFrom(Tensor w) {
    throw new UnsupportedOperationException("Exercise 9.4: a weight written as (in, out); see lessons/09-debugging-shape-errors.md#9-a-weight-written-as-in-out");
}
