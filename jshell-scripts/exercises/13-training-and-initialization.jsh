// Exercises for lesson 13, training and initialization (lessons/13-training-and-initialization.md). 18 points.
// In the workbook: /open jshell-scripts/exercises/13-training-and-initialization.jsh, call a method to try it, edit
// this file (or /edit crossEntropy), /open it again. Grade it: ./workbook grade 13. Stuck: ./workbook hint 13.1
// Each method replaces its `throw` with your code; keep the names and parameter types.
// Matrices are row-major float[]. 13.1 to 13.5 are plain Java, compared with the workbook's CrossEntropyLoss,
// SGD and Adam; 13.6 and 13.7 use the workbook and are graded by training: the grader sets Tensor.manualSeed
// first and prints its seed, so a run can be replayed (./workbook grade 13 --seed N).

// Exercise 13.1 (2 points) · lessons/13-training-and-initialization.md#2-the-training-loop-written-out
// F.cross_entropy(logits, labels): the mean over the batch of -log softmax(logits[n])[labels[n]]. Logits may be
// as large as ±1000: exp(1000) overflows, so subtract each row's max first (it does not change softmax).
//   in:  logits float[batch*classes] (batch, classes);  labels int[batch], each in 0..classes-1
//   out: the loss, a double
double crossEntropy(float[] logits, int[] labels, int batch, int classes) {
    throw new UnsupportedOperationException("Exercise 13.1: cross-entropy, stable; see lessons/13-training-and-initialization.md#2-the-training-loop-written-out");
}

// Exercise 13.2 (1 point) · lessons/13-training-and-initialization.md#3-accuracy-and-the-confusion-matrix
// The confusion matrix: how many samples of true class t were predicted as p, at [t][p].
//   in:  predicted int[n], labels int[n], each in 0..classes-1
//   out: int[classes*classes]  (classes, classes), row = true class, column = predicted class
int[] confusionMatrix(int[] predicted, int[] labels, int classes) {
    throw new UnsupportedOperationException("Exercise 13.2: the confusion matrix; see lessons/13-training-and-initialization.md#3-accuracy-and-the-confusion-matrix");
}

// Exercise 13.3 (3 points) · lessons/13-training-and-initialization.md#2-the-training-loop-written-out
// torch.optim.SGD(lr, momentum) run for `steps` steps on one parameter, as PyTorch does it (dampening 0):
// the first step sets the buffer to the gradient, later ones to momentum·buffer + gradient; then p -= lr·buffer.
//   in:  param float[n] (the starting values);  grads float[steps*n], step s's gradient in row s;  steps, lr, momentum
//   out: float[n], the parameter after the last step (leave param itself unchanged)
float[] sgdMomentum(float[] param, float[] grads, int steps, double lr, double momentum) {
    throw new UnsupportedOperationException("Exercise 13.3: SGD with momentum; see lessons/13-training-and-initialization.md#2-the-training-loop-written-out");
}

// Exercise 13.4 (3 points) · lessons/13-training-and-initialization.md#2-the-training-loop-written-out
// torch.optim.Adam(lr, betas=(beta1, beta2), eps) run for `steps` steps on one parameter. At step t = 1, 2, ...:
//   m = beta1·m + (1 - beta1)·g        v = beta2·v + (1 - beta2)·g²        (m and v start at 0)
//   p -= lr · (m / (1 - beta1^t)) / (sqrt(v / (1 - beta2^t)) + eps)
//   in:  param float[n];  grads float[steps*n];  steps, lr, beta1, beta2, eps
//   out: float[n], the parameter after the last step (leave param itself unchanged)
float[] adam(float[] param, float[] grads, int steps, double lr, double beta1, double beta2, double eps) {
    throw new UnsupportedOperationException("Exercise 13.4: an Adam step; see lessons/13-training-and-initialization.md#2-the-training-loop-written-out");
}

// Exercise 13.5 (1 point) · lessons/13-training-and-initialization.md#3-accuracy-and-the-confusion-matrix
// Accuracy: the fraction of rows whose largest score is at the label's index (the first largest on a tie).
//   in:  logits float[batch*classes] (batch, classes);  labels int[batch]
//   out: a double between 0 and 1
double accuracy(float[] logits, int[] labels, int batch, int classes) {
    throw new UnsupportedOperationException("Exercise 13.5: accuracy; see lessons/13-training-and-initialization.md#3-accuracy-and-the-confusion-matrix");
}

// Exercise 13.6 (5 points) · lessons/13-training-and-initialization.md#2-the-training-loop-written-out
// A whole training loop. x holds 2-D points of three interleaved spirals, y their class (0, 1 or 2, as floats).
// Build a classifier (an MLP of Linear layers and an activation), train it on x and y with a loss and an
// optimizer of layerwise.optim for at most `steps` steps (zero_grad, forward, loss, backward, step), and return its
// scores for xTest. It passes when over 90% of the test points get their class (chance: 33%).
//   in:  x tensor (n, 2), y tensor (n), xTest tensor (m, 2), steps
//   out: a tensor (m, 3), the model's scores (logits) for xTest
Tensor trainSpirals(Tensor x, Tensor y, Tensor xTest, int steps) {
    throw new UnsupportedOperationException("Exercise 13.6: a whole training loop; see lessons/13-training-and-initialization.md#2-the-training-loop-written-out");
}

// Exercise 13.7 (3 points) · lessons/13-training-and-initialization.md#4-six-inits-two-activations-three-depths
// Choose the init of a deep tanh network: return the weight of one Linear(inFeatures, outFeatures), shape
// (outFeatures, inFeatures), drawn so that a stack of ten Linear + tanh layers learns. The grader builds the
// stack (16 inputs, width 32, 4 classes) from your weights, biases 0, trains it for 60 steps of plain SGD, and it
// passes when the loss falls below 0.6 (a net that guesses has ln 4 = 1.39). N(0, 1) weights saturate tanh;
// N(0, 0.01²) weights let no gradient through.
//   in:  outFeatures, inFeatures
//   out: a tensor (outFeatures, inFeatures)
Tensor tanhWeight(int outFeatures, int inFeatures) {
    throw new UnsupportedOperationException("Exercise 13.7: an init for a deep tanh net; see lessons/13-training-and-initialization.md#4-six-inits-two-activations-three-depths");
}
