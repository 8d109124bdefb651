// 09 · Debugging shape errors: each common mistake triggered, read and fixed. Prose: lessons/09-debugging-shape-errors.md
// Open it with:  /open jshell-scripts/09-debugging-shape-errors.jsh

// The message of whatever the code throws ("no error" when it runs).
String errorOf(Runnable code) {
    try {
        code.run();
        return "no error";
    } catch (RuntimeException e) {
        return e.getMessage();
    }
}

// 1. Reading an error inside a network: PyTorch's line, the layer by path, where its input came from, the fix.
var net = new Sequential(
    new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
    new Flatten(), new Linear(1024, 10));
var image = Tensor.zeros(1, 3, 32, 32);
var e1 = errorOf(() -> net.forward(image));
println(e1);                                                 // ==> ... Fix: (4) Linear: in_features=4096, i.e. new Linear(4096, 10); or ... (0) Conv2d: out_channels=4 ...
check(e1.startsWith("mat1 and mat2 shapes cannot be multiplied (1x4096 and 1024x10)"), "PyTorch's first line");   // ==> (1x4096 and 1024x10)
check(e1.contains("got 4096 features = 16×16×16, from (3) Flatten of [1, 16, 16, 16]"), "where the 4096 came from");
check(e1.contains("Fix: (4) Linear: in_features=4096"), "the layer, the parameter and the value");
var fixed1 = new Sequential(
    new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
    new Flatten(), new Linear(4096, 10));
checkShape(fixed1.forward(image), 1, 10);                    // ==> [1, 10]

// 2. A forgotten Flatten: the Linear gets the feature map [1, 16, 32, 32] and reads its last dim.
var noFlatten = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new Linear(16 * 32 * 32, 10));
var e2 = errorOf(() -> noFlatten.forward(image));
println(e2);                                                 // ==> ... Fix: insert new Flatten() before (1) Linear ...
check(e2.contains("new Flatten() before (1) Linear"), "insert the Flatten, keep the Linear");
checkShape(new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new Flatten(),
    new Linear(16 * 32 * 32, 10)).forward(image), 1, 10);   // ==> [1, 10]
// Whatever in_features is: a feature map from a conv or pool reaching a Linear still wants a Flatten.
var pooled = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new MaxPool2d(2), new Linear(100, 10));
var e2b = errorOf(() -> pooled.forward(image));
println(e2b);                                                // ==> ... Fix: insert new Flatten() before (2) Linear and build it for 4096 features: new Linear(4096, 10) ...
check(e2b.contains("new Flatten() before (2) Linear") && e2b.contains("new Linear(4096, 10)"), "Flatten, then 16×16×16 = 4096");
checkShape(new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new MaxPool2d(2), new Flatten(),
    new Linear(4096, 10)).forward(image), 1, 10);            // ==> [1, 10]

// 3. One image without its batch dim: Flatten() keeps dim 0, which is now the channels.
var cnn = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new Flatten(), new Linear(16 * 32 * 32, 10));
var one = Tensor.zeros(3, 32, 32);
var e3 = errorOf(() -> cnn.forward(one));
println(e3);                                                 // ==> ... Fix: the network's input [3, 32, 32] is one sample without a batch dim: pass x.unsqueeze(0) ...
check(e3.startsWith("mat1 and mat2 shapes cannot be multiplied (16x1024 and 16384x10)"), "16 rows of 1024");
check(e3.contains("x.unsqueeze(0)"), "give the image a batch dim");
checkShape(cnn.forward(one.unsqueeze(0)), 1, 10);            // ==> [1, 10]

// 4. A channels-last image, (N, H, W, C), as images come from files.
var conv = new Conv2d(3, 16, 3, Conv2d.options().padding(1));
var hwc = Tensor.zeros(1, 32, 32, 3);
var e4 = errorOf(() -> conv.forward(hwc));
println(e4);                                                 // ==> ... Fix: x.permute(0, 3, 1, 2), which is [1, 3, 32, 32] ...
check(e4.contains("Fix: x.permute(0, 3, 1, 2)"), "permute to channels first");
checkShape(conv.forward(hwc.permute(0, 3, 1, 2)), 1, 16, 32, 32);   // ==> [1, 16, 32, 32]

// 5. A 2-D grey image into a colour conv.
var grey = Tensor.zeros(32, 32);
var e5 = errorOf(() -> conv.forward(grey));
println(e5);                                                 // ==> ... Fix: for grey images build Conv2d(1, 16, 3, ...) ...; or ... x.unsqueeze(0).expand(3, 32, 32)
check(e5.contains("grey image"), "2-D is one grey image");
checkShape(new Conv2d(1, 16, 3, Conv2d.options().padding(1)).forward(grey.unsqueeze(0)), 16, 32, 32);   // ==> [16, 32, 32]
checkShape(conv.forward(grey.unsqueeze(0).expand(3, 32, 32)), 16, 32, 32);                              // ==> [16, 32, 32]
// A batch of grey images loaded as (N, H, W) lacks the channel dim: a 3-D input reads as one image (C, H, W).
var mnistLike = new Sequential(new Conv2d(1, 8, 3), new Flatten(), new Linear(8 * 26 * 26, 10));
var greys = Tensor.zeros(64, 28, 28);
var e5b = errorOf(() -> mnistLike.forward(greys));
println(e5b);                                                // ==> ... Fix: x.unsqueeze(1), which is [64, 1, 28, 28]
check(e5b.contains("Fix: x.unsqueeze(1), which is [64, 1, 28, 28]"), "add the channel dim at 1, not a 64-channel conv");
checkShape(mnistLike.forward(greys.unsqueeze(1)), 64, 10);   // ==> [64, 10]

// 6. Convolutions that don't chain: out_channels of one must be in_channels of the next.
var chain = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new Conv2d(32, 64, 3, Conv2d.options().padding(1)));
var e6 = errorOf(() -> chain.forward(image));
println(e6);                                                 // ==> ... Fix: (2) Conv2d: in_channels=16, ...; or (0) Conv2d: out_channels=32
check(e6.contains("(2) Conv2d: in_channels=16"), "change the second conv ...");
check(e6.contains("(0) Conv2d: out_channels=32"), "... or the first");

// 7. A column vector into a Linear.
var lin = new Linear(10, 5);
var column = Tensor.zeros(10, 1);
var e7 = errorOf(() -> lin.forward(column));
println(e7);                                                 // ==> ... Fix: x.t() or x.reshape(1, 10) makes it one row of 10 features; ...
check(e7.contains("Fix: x.t() or x.reshape(1, 10)"), "a row, not a column");
checkShape(lin.forward(column.t()), 1, 5);                   // ==> [1, 5]

// 8. A bidirectional h_n into the classifier: two directions, one row each.
var lstm = new LSTM(10, 20, LSTM.options().bidirectional(true));
var hN = lstm.forward(Tensor.zeros(5, 3, 10)).hN();
checkShape(hN, 2, 3, 20);                                    // ==> [2, 3, 20]  (D·num_layers, N, H)
var head = new Linear(40, 2);
var e8 = errorOf(() -> head.forward(hN));
println(e8);                                                 // ==> ... Fix: concatenate the last layer's two directions, Tensor.cat(...), which is [3, 40]
check(e8.contains("Tensor.cat(List.of(hN.select(0, 0), hN.select(0, 1)), 1)"), "concatenate the directions");
checkShape(head.forward(Tensor.cat(List.of(hN.select(0, 0), hN.select(0, 1)), 1)), 3, 2);   // ==> [3, 2]

// 9. A weight written as (in, out).
var w = Tensor.zeros(10, 5);                                 // "10 inputs, 5 outputs"
var e9 = errorOf(() -> {
    try (var noGrad = Autograd.noGrad()) { lin.weight.copy_(w); }   // writing weights: gradients off, as torch.no_grad()
});
println(e9);                                                 // ==> ... Fix: copy the transpose: weight.copy_(w.t())
check(e9.contains("Fix: copy the transpose: weight.copy_(w.t())"), "weights are (out, in)");
try (var noGrad = Autograd.noGrad()) { lin.weight.copy_(w.t()); }

// 10. Batch-first data into a time-first RNN, and h0 shaped like the input.
var rnn = new RNN(10, 20);
var batchFirst = Tensor.zeros(4, 7, 10);                     // meant as (N=4, T=7, input_size=10)
var e10 = errorOf(() -> rnn.forward(batchFirst, Tensor.zeros(1, 4, 20)));
println(e10);                                                // ==> ... Fix: build the layer with RNN.options().batchFirst(true), or pass x.transpose(0, 1) ...
check(e10.contains("RNN.options().batchFirst(true)"), "say batch_first ...");
check(e10.contains("x.transpose(0, 1)"), "... or put time first");
var e11 = errorOf(() -> rnn.forward(Tensor.zeros(7, 4, 10), Tensor.zeros(7, 4, 10)));
println(e11);                                                // ==> ... Fix: pass h0 of shape [1, 4, 20], or leave the state out ...
check(e11.contains("Fix: pass h0 of shape [1, 4, 20]"), "one state per layer and direction");
checkShape(rnn.forward(Tensor.zeros(7, 4, 10), Tensor.zeros(1, 4, 20)).hN(), 1, 4, 20);    // ==> [1, 4, 20]
println("Lesson 09 done. Next: /open jshell-scripts/10-pytorch-interop.jsh");
