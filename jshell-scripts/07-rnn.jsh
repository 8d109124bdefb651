// 07 · RNN: a hidden state carried through time. Prose: lessons/07-rnn.md
// Open it with:  /open jshell-scripts/07-rnn.jsh

// 1. Example: RNN(4, 3) with PyTorch's numbers.
Tensor.manualSeed(0);                                        // torch.manual_seed(0)
var rnn = new RNN(4, 3);                                     // nn.RNN(4, 3)
println(rnn);                                                // ==> RNN(4, 3)
rnn.namedParameters().forEach((name, p) -> println(name + " " + TorchFormat.shapeString(p.shape())));
checkShape(rnn.getParameter("weight_ih_l0"), 3, 4);          // ==> [3, 4]  (H, input_size)
checkShape(rnn.getParameter("weight_hh_l0"), 3, 3);          // ==> [3, 3]  (H, H)
checkShape(rnn.getParameter("bias_ih_l0"), 3);               // ==> [3]
checkShape(rnn.getParameter("bias_hh_l0"), 3);               // ==> [3]
checkClose(rnn.getParameter("weight_ih_l0").get(0, 0), -0.004322517663240433f, 0f, "weight_ih_l0[0, 0], bit for bit as torch");
var x = Tensor.randn(5, 2, 4);                               // torch.randn(5, 2, 4): T=5 steps, N=2 sequences, 4 features
var res = rnn.forward(x);                                    // torch: output, h_n = rnn(x)
checkShape(res.output(), 5, 2, 3);                           // ==> [5, 2, 3]  (T, N, H): h at every step
checkShape(res.hN(), 1, 2, 3);                               // ==> [1, 2, 3]  (layers, N, H): h at the last step
println(res.hN());                                           // ==> tensor([[[ 0.1374, -0.1731,  0.8226], [ 0.8859, -0.4532,  0.9010]]])
checkClose(res.hN().get(0, 1, 2), 0.9010015726089478f, 1e-6f, "h_n[0, 1, 2] as torch");

// 2. Two weights and two biases: W_ih reads the input, W_hh reads the previous state.
//    Only the sum b_ih + b_hh matters: fold it into b_ih and the output does not change.
var wih = rnn.getParameter("weight_ih_l0");
var whh = rnn.getParameter("weight_hh_l0");
var bih = rnn.getParameter("bias_ih_l0");
var bhh = rnn.getParameter("bias_hh_l0");
var folded = new RNN(4, 3);
folded.loadStateDict(rnn.stateDict());
try (var noGrad = Autograd.noGrad()) {                      // writing weights: gradients off, as torch.no_grad()
    folded.getParameter("bias_ih_l0").copy_(bih.add(bhh));
    folded.getParameter("bias_hh_l0").zero_();
}
check(folded.forward(x).output().allclose(res.output(), 1e-5, 1e-6), "b_ih + b_hh is all that matters");

// 3. The unrolled loop: h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh), h_{-1} = 0.
var h = Tensor.zeros(2, 3);                                  // (N, H)
var steps = new ArrayList<Tensor>();
for (int t = 0; t < 5; t++) {
    h = x.select(0, t).matmul(wih.t()).add(bih).add(h.matmul(whh.t())).add(bhh).tanh();
    steps.add(h);
}
check(Tensor.stack(steps, 0).allclose(res.output(), 1e-5, 1e-6), "the loop is the layer's output");
check(h.allclose(res.hN().select(0, 0), 1e-5, 1e-6), "h_n is the last step's h");
var cell = new RNNCell(4, 3);                                // the same step as a module
cell.loadStateDict(Map.of("weight_ih", wih, "weight_hh", whh, "bias_ih", bih, "bias_hh", bhh));
var hc = Tensor.zeros(2, 3);
for (int t = 0; t < 5; t++) hc = cell.forward(x.select(0, t), hc);
check(hc.allclose(res.hN().select(0, 0), 1e-5, 1e-6), "RNNCell stepped 5 times gives h_n");
// One rule for parameters: fixed ones are fields with PyTorch's names; getParameter answers every stateDict key.
check(cell.weight_ih == cell.getParameter("weight_ih"), "cell.weight_ih is cell.getParameter(\"weight_ih\")");
check(cell.stateDict().keySet().stream().allMatch(k -> cell.getParameter(k) != null), "every key of the cell");
check(rnn.stateDict().keySet().stream().allMatch(k -> rnn.getParameter(k) == rnn.stateDict().get(k)), "every key of the layer");

// 4. The hidden state over time: one impulse at t = 0, then zeros (no bias, so 0 is the resting state).
Tensor.manualSeed(1);
var echo = new RNN(1, 4, RNN.options().bias(false));
var impulse = Tensor.zeros(10, 1, 1);
impulse.set(1f, 0, 0, 0);
var states = echo.forward(impulse).output().select(1, 0);   // (T, H) for the one sequence
void printStates(Tensor s) {
    print("  t |");
    for (int j = 0; j < s.size(1); j++) printf(" %10s", "h[" + j + "]");
    println();
    for (int t = 0; t < s.size(0); t++) {
        printf("%3d |", t);
        for (int j = 0; j < s.size(1); j++) printf(" %10.6f", s.get(t, j));
        println();
    }
}
printStates(states);                                         // ==> row 0:  0.252079  -0.217175  -0.096628   0.230469
checkClose(states.get(0, 0), 0.25207895040512085f, 1e-6f, "h_0[0] as torch");
checkClose(states.get(9, 2), 7.10862741470919e-06f, 1e-9f, "h_9[2] as torch");
check(states.select(0, 9).abs().max().item() < 1e-3f * states.select(0, 0).abs().max().item(), "the echo fades");
Plots.hiddenState(states, "RNN(1, 4, bias=False): one impulse at t = 0, then zeros", "07-hidden-state-impulse");        // the same table as a heat map: time across, units down
var wide = new RNN(3, 16);                                   // 16 units driven by 40 steps of random input
var wideStates = wide.forward(Tensor.randn(40, 3)).output(); // unbatched: (T, H) = [40, 16]
checkShape(wideStates, 40, 16);
Plots.hiddenState(wideStates, "RNN(3, 16) driven by 40 steps of random input", "07-hidden-state-random");

// 5. batch_first: input and output become (N, T, features); the states stay (layers, N, H).
var rnnBF = new RNN(4, 3, RNN.options().batchFirst(true));
rnnBF.loadStateDict(rnn.stateDict());
println(rnnBF);                                              // ==> RNN(4, 3, batch_first=True)
var resBF = rnnBF.forward(x.transpose(0, 1));                // (N, T, I) = [2, 5, 4]
checkShape(resBF.output(), 2, 5, 3);                         // ==> [2, 5, 3]
checkShape(resBF.hN(), 1, 2, 3);                             // ==> [1, 2, 3]  not batch-first
check(resBF.output().transpose(0, 1).allclose(res.output(), 1e-6, 1e-7), "the same numbers, transposed");

// 6. Two layers, both directions.
var deep = new RNN(4, 3, RNN.options().numLayers(2).bidirectional(true));
println(deep);                                               // ==> RNN(4, 3, num_layers=2, bidirectional=True)
deep.namedParameters().forEach((name, p) -> println(name + " " + TorchFormat.shapeString(p.shape())));
checkShape(deep.getParameter("weight_ih_l1"), 3, 6);         // ==> [3, 6]  layer 1 reads [forward | reverse]
var both = deep.forward(x);
checkShape(both.output(), 5, 2, 6);                          // ==> [5, 2, 6]  (T, N, D*H)
checkShape(both.hN(), 4, 2, 3);                              // ==> [4, 2, 3]  (num_layers*D, N, H), row = layer*D + dir
var lastForward = both.hN().select(0, 2);                    // layer 1, forward
var lastReverse = both.hN().select(0, 3);                    // layer 1, reverse
check(both.output().select(0, 4).slice(1, 0, 3).equal(lastForward), "forward final state = output[T-1, :, :H]");
check(both.output().select(0, 0).slice(1, 3, 6).equal(lastReverse), "reverse final state = output[0, :, H:]");
check(!both.output().select(0, 4).slice(1, 3, 6).equal(lastReverse), "... and not output[T-1, :, H:]");

// 7. Counting parameters: per layer and direction, H*in + H*H + 2H; layers above the first read D*H.
long rnnParameters(int in, int hidden, int layers, boolean bidirectional, boolean bias) {
    int d = bidirectional ? 2 : 1;
    long n = 0;
    for (int layer = 0; layer < layers; layer++) {
        int layerIn = layer == 0 ? in : d * hidden;
        n += d * ((long) hidden * layerIn + (long) hidden * hidden + (bias ? 2L * hidden : 0));
    }
    return n;
}
check(rnn.numParameters() == rnnParameters(4, 3, 1, false, true), "RNN(4, 3): 27");             // ==> 27
check(deep.numParameters() == rnnParameters(4, 3, 2, true, true), "2 layers, bidirectional: 120"); // ==> 120
check(new RNN(10, 20).numParameters() == 640, "RNN(10, 20): 200 + 400 + 40, as torch counts");     // ==> 640

// 8. The classic mistake: a batch-first h0 for a batch_first layer.
String mistake = "";
try {
    rnnBF.forward(x.transpose(0, 1), Tensor.zeros(2, 1, 3));
} catch (ShapeError e) {
    mistake = e.getMessage();
}
println(mistake);
check(mistake.startsWith("Expected hidden size (1, 2, 3), got [2, 1, 3]"), "PyTorch's first line");
check(mistake.contains("h0.transpose(0, 1)"), "the fix says how to get the state's layout");
checkShape(rnnBF.forward(x.transpose(0, 1), Tensor.zeros(1, 2, 3)).hN(), 1, 2, 3);   // the fix works: ==> [1, 2, 3]

// 9. A head after the RNN: a Linear whose in_features is D * hidden_size, fed both directions concatenated.
Tensor.manualSeed(2);
var encoder = new RNN(4, 8, RNN.options().bidirectional(true));   // D = 2, H = 8
var enc = encoder.forward(Tensor.randn(5, 2, 4));            // (T, N, in) = [5, 2, 4]
checkShape(enc.output(), 5, 2, 16);                          // each step: [forward h_t | reverse h_t], D*H = 16
var summary = Tensor.cat(List.of(enc.hN().select(0, 0), enc.hN().select(0, 1)), 1);   // both final states: [2, 16]
check(summary.equal(enc.hN().transpose(0, 1).reshape(2, 16)), "the same as h_n.transpose(0, 1).reshape(N, D*H)");
var head = new Linear(encoder.numDirections() * encoder.hiddenSize(), 3);   // Linear(16, 3): 3 classes
checkShape(head.forward(summary), 2, 3);                     // one prediction per sequence: ==> [2, 3]
checkShape(head.forward(enc.output()), 5, 2, 3);             // or one per step: Linear acts on the last dim
String headMistake = "";
try {
    new Linear(8, 3).forward(summary);                       // sized for one direction only
} catch (ShapeError e) {
    headMistake = e.getMessage();
}
println(headMistake);
check(headMistake.startsWith("mat1 and mat2 shapes cannot be multiplied (2x16 and 8x3)"), "two directions: 16, not 8");
println("Lesson 07 done. Next: /open jshell-scripts/08-lstm-and-gru.jsh");
