// 02 · Linear: y = x Wᵀ + b, from loops to one matmul. Prose: lessons/02-linear.md
// Open it with:  /open jshell-scripts/02-linear.jsh

// 1. Example: Linear(10, 5) with PyTorch's numbers.
Tensor.manualSeed(0);                                        // torch.manual_seed(0)
var lin = new Linear(10, 5);                                 // nn.Linear(10, 5)
println(lin);                                                // ==> Linear(in_features=10, out_features=5, bias=True)
checkShape(lin.weight, 5, 10);                               // ==> [5, 10]
checkShape(lin.bias, 5);                                     // ==> [5]
var x = Tensor.randn(1, 10);                                 // torch.randn(1, 10)
var y = lin.forward(x);
println(y);                                                  // ==> tensor([[-0.4349,  0.5173,  0.2658, -1.5306,  0.7478]])
checkShape(y, 1, 5);                                         // ==> [1, 5]
checkClose(lin.weight.get(0, 0), -0.002367540495470166f, 0f, "weight[0, 0], bit for bit as torch");
checkClose(lin.bias.get(4), 0.21202638745307922f, 0f, "bias[4], bit for bit as torch");
checkClose(y.get(0, 3), -1.5306f, 1e-4f, "y[0, 3] as torch prints it");

// 2. Why the weight is (out, in): row o holds the weights feeding output o.
var row3 = lin.weight.select(0, 3);                          // the 10 weights of output 3
float dot3 = lin.bias.get(3);
for (int k = 0; k < 10; k++) dot3 += row3.get(k) * x.get(0, k);
checkClose(dot3, y.get(0, 3), 1e-6f, "output 3 = bias[3] + row 3 of W · x");   // ==> -1.5306

// 3. The same layer as loops: y[n][o] = b[o] + Σ_k x[n][k] · W[o][k].
Tensor linearLoops(Tensor input, Tensor w, Tensor b) {
    int rows = input.size(0), in = w.size(1), out = w.size(0);
    float[] result = new float[rows * out];
    for (int n = 0; n < rows; n++) {
        for (int o = 0; o < out; o++) {
            float sum = b == null ? 0f : b.get(o);
            for (int k = 0; k < in; k++) sum += input.get(n, k) * w.get(o, k);
            result[n * out + o] = sum;
        }
    }
    return Tensor.of(result, rows, out);
}
var yLoops = linearLoops(x, lin.weight, lin.bias);
check(yLoops.allclose(y, 1e-5, 1e-6), "the loops give the layer's output");

// 4. ... and as one matmul: x (1×10) @ Wᵀ (10×5) + b (5, broadcast over rows).
var yMatmul = x.matmul(lin.weight.t()).add(lin.bias);
check(yMatmul.allclose(y, 1e-5, 1e-6), "x @ W.t() + b is the layer");
var batch = Tensor.randn(64, 10);
check(linearLoops(batch, lin.weight, lin.bias).allclose(lin.forward(batch), 1e-5, 1e-6), "a batch of 64 rows, too");

// 5. Leading dims: any (*, 10) becomes (*, 5); only the last dim is mixed.
var seq = Tensor.randn(2, 3, 10);
var seqOut = lin.forward(seq);
checkShape(seqOut, 2, 3, 5);                                 // ==> [2, 3, 5]
check(seqOut.select(0, 1).allclose(lin.forward(seq.select(0, 1)), 1e-5, 1e-6), "each (3, 10) slice separately");
checkShape(lin.forward(Tensor.randn(10)), 5);                // ==> [5]  (a single vector)

// 6. bias=false: only the weight, and zero maps to zero.
var noBias = new Linear(10, 5, false);
println(noBias);                                             // ==> Linear(in_features=10, out_features=5, bias=False)
check(noBias.bias == null, "no bias tensor");
println(noBias.stateDict().keySet());                        // ==> [weight]
check(noBias.forward(Tensor.zeros(1, 10)).abs().max().item() == 0f, "Linear without bias maps 0 to 0");

// 7. Counting parameters: in·out weights + out biases.
long count(int in, int out, boolean bias) {
    return (long) in * out + (bias ? out : 0);
}
check(lin.numParameters() == count(10, 5, true), "55 parameters");          // ==> 55
check(noBias.numParameters() == count(10, 5, false), "50 parameters");      // ==> 50
check(new Linear(784, 128).numParameters() == 100480, "784·128 + 128");     // ==> 100480

// 8. The classic mistake: the input's last dim is not in_features.
var wide = new Linear(20, 5);
String mistake = "";
try {
    wide.forward(Tensor.randn(1, 10));
} catch (ShapeError e) {
    mistake = e.getMessage();
}
println(mistake);
check(mistake.startsWith("mat1 and mat2 shapes cannot be multiplied (1x10 and 20x5)"), "PyTorch's first line");
check(mistake.contains("Fix: build Linear(10, 5)"), "the fix names a layer that works");
checkShape(new Linear(10, 5).forward(Tensor.randn(1, 10)), 1, 5);             // the fix works: ==> [1, 5]

// 9. Default initialisation: W and b ~ U(-1/√in, 1/√in), drawn weight first, then bias.
float bound = (float) (1 / Math.sqrt(10));
check(lin.weight.abs().max().item() <= bound && lin.bias.abs().max().item() <= bound, "inside ±1/√10");

// ---------------------------------------------------------------------------------------------------
// 10. Pictures: what a Linear layer outputs, before and after an activation (lesson 04 goes deeper).
Tensor.manualSeed(0);
var picLayer = new Linear(256, 64);                          // default init: W, b ~ U(-1/16, 1/16)
var picPre = picLayer.forward(Tensor.randn(512, 256));       // 512 inputs of std 1
checkShape(picPre, 512, 64);                                 // ==> [512, 64]
checkClose(picPre.std().item(), (float) Math.sqrt(257.0 / 768), 0.03f, "std sqrt(256·Var(w) + Var(b)) = 0.58");
var derived = Theory.normal(0, Math.sqrt(257.0 / 768));     // the variance derived above, not fitted
Plots.forwardOutputs(picPre, picPre.tanh(), "tanh", derived, "02-forward-tanh");
Plots.forwardOutputs(picPre, picPre.relu(), "relu", derived, "02-forward-relu");
println("Lesson 02 done. Next: /open jshell-scripts/03-initialization.jsh");
