// 06 · From conv to linear: a whole network's shapes, forwards and backwards. Prose: lessons/06-from-conv-to-linear.md
// Open it with:  /open jshell-scripts/06-from-conv-to-linear.jsh

// 1. A small CNN for 32×32 RGB images, and its summary.
Tensor.manualSeed(0);
var cnn = new Sequential(
    new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
    new Conv2d(16, 32, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
    new Flatten(), new Linear(32 * 8 * 8, 10));
var summary = Summary.of(cnn, 1, 3, 32, 32);                 // torchinfo: summary(cnn, input_size=(1, 3, 32, 32))
println(summary);
println(Summary.of(cnn));                                    // ==> ... parameters only, no input shape given ...
check(Summary.of(cnn).toString().contains("Give the input shape, e.g. Summary.of(model, 1, 3, 32, 32)"), "without input: parameters only");
long convParams(int in, int out, int k) {
    return (long) out * in * k * k + out;                    // weight (out, in, k, k) + bias (out)
}
long total = convParams(3, 16, 3) + convParams(16, 32, 3) + (32L * 8 * 8 * 10 + 10);
check(summary.totalParameters() == total, "448 + 4,640 + 20,490 parameters");           // ==> 25578
check(summary.totalParameters() == cnn.numParameters(), "the summary counts what numParameters() counts");
// Multiply-adds: each weight and bias element once per output position (torchinfo's count).
long macs = convParams(3, 16, 3) * 32 * 32 + convParams(16, 32, 3) * 16 * 16 + (32L * 8 * 8 * 10 + 10);
check(summary.totalMultAdds() == macs, "458,752 + 1,187,840 + 20,490");                  // ==> 1667082
var conv2Row = summary.rows().get(4);                        // (3) Conv2d(16, 32, ...)
println(conv2Row.path() + " " + conv2Row.layer());           // ==> 3 Conv2d(16, 32, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
check(Arrays.equals(conv2Row.input(), new int[] {1, 16, 16, 16}), "the pool halved 32 to 16");   // ==> [1, 16, 16, 16]
var w2 = conv2Row.params().get(0);
println(w2.key() + " " + Arrays.toString(w2.shape()) + " fan_in=" + w2.fanIn());  // ==> 3.weight [32, 16, 3, 3] fan_in=144
checkClose((float) w2.bound(), (float) (1 / Math.sqrt(16 * 9)), 1e-7f, "default init U(±1/√fan_in)");   // ==> 0.0833
// The same shapes as a picture: features per example, channels and positions after every layer.
Plots.layerShapes(summary, "06-layer-shapes");

// 2. The trace: every shape with the formula that made it.
var trace = Trace.of(cnn, Tensor.zeros(1, 3, 32, 32));
println(trace);
check(trace.steps().get(0).formulas().contains("H_out = ⌊(32 + 2·1 − 1·(3−1) − 1)/1⌋ + 1 = 32"), "conv k3 p1 keeps 32");
check(trace.steps().get(2).formulas().contains("H_out = ⌊(32 + 2·0 − 1·(2−1) − 1)/2⌋ + 1 = 16"), "pool 2 halves it");
check(trace.steps().get(6).formulas().contains("dims 1..3 become one: 32×8×8 = 2048"), "Flatten: C·H·W");

// 3. Sizing the classifier: in_features = C·H·W after the last conv/pool, for THIS input size.
var features = new Sequential(
    new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
    new Conv2d(16, 32, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2));
var head = Solve.linearAfter(features, new int[] {1, 3, 32, 32}, 10);
println(head);
println(head.first().code());                                // ==> new Sequential(stack, new Flatten(), new Linear(2048, 10))
var head28 = Solve.linearAfter(features, new int[] {1, 3, 28, 28}, 10);
println(head28.first().code());                              // ==> new Sequential(stack, new Flatten(), new Linear(1568, 10))
check(head28.first().code().contains("new Linear(" + 32 * 7 * 7 + ", 10)"), "28 → 14 → 7: 32·7·7 = 1568");
var net28 = new Sequential(features, new Flatten(), new Linear(32 * 7 * 7, 10));
checkShape(net28.forward(Tensor.zeros(8, 3, 28, 28)), 8, 10);   // ==> [8, 10]

// 4. Asking backwards: which Conv2d turns 32×32 into 16×16?
var halve = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 16, 16});
println(halve);                                              // ==> ...: the 5 simplest of 8,100 settings in the searched range
var firstHalve = (Conv2d) halve.first().module();
check(firstHalve.kernelSize()[0] >= firstHalve.stride()[0], "kernels that cover their stride first: no pixel skipped");
println(halve.first().code());                               // ==> new Conv2d(3, 16, 2, Conv2d.options().stride(2))
var halve3 = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 16, 16}, Solve.where().kernelSize(3));
println(halve3.first().code());                              // ==> new Conv2d(3, 16, 3, Conv2d.options().stride(2).padding(1))
check(Arrays.equals(halve3.first().parameters().get("weight"), new int[] {16, 3, 3, 3}), "weight (16, 3, 3, 3)");
// Impossible: a 3×3 kernel without padding loses a pixel on each side.
var keep = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 32, 32}, Solve.where().kernelSize(3).padding(0));
println(keep);
check(!keep.possible(), "k3 without padding can't keep 32");
check(keep.reason().contains("is at most 30"), "the reason: at most 32 − 3 + 1 = 30");
println(keep.nearest().get(0).code());                       // ==> new Conv2d(3, 16, 3, Conv2d.options().padding(1))
// Not impossible, only beyond the searched range: 32 → 64 takes padding 16, the search stops at 12.
var grow = Solve.conv2d(new int[] {1, 3, 32, 32}, new int[] {1, 16, 64, 64});
println(grow);                                               // ==> ...: none within the searched range (...) ... padding=16 gives ... = 64
check(!grow.possible() && !grow.impossible(), "out of the searched range, not impossible");
checkShape(new Conv2d(3, 16, 1, Conv2d.options().padding(16)).forward(Tensor.zeros(1, 3, 32, 32)), 1, 16, 64, 64);   // ==> [1, 16, 64, 64]

// 5. Linear and recurrent layers, backwards.
var flat = Solve.linear(new int[] {8, 32, 8, 8}, new int[] {8, 10});
println(flat.first().code());                                // ==> new Sequential(new Flatten(), new Linear(2048, 10))
var lstm40 = Solve.recurrent("LSTM", new int[] {5, 3, 10}, 40);
println(lstm40);
check(lstm40.proposals().size() == 4, "hidden 40; bidirectional 2·20; proj_size 40; two layers of 40");

// 6. The summary as a table (Tablesaw), and as CSV next to the plots.
var table = Tables.summary(summary);
println(table.print());
check(table.rowCount() == 9, "the model and its 8 layers");
Tables.writeCsv(table, "06-summary");
println("Lesson 06 done. Next: /open jshell-scripts/07-rnn.jsh");
