// 11 · Backpropagation: the chain rule, op by op, and what it does ten layers deep. Prose: lessons/11-backpropagation.md
// Open it with:  /open jshell-scripts/11-backpropagation.jsh
// Pictures are saved under out/ (or -Dlayerwise.out=DIR); tables print here.
import layerwise.experiment.*;

// 1. The chain rule on one number: y = tanh(w·x + b).
var x = Tensor.scalar(0.5f).requiresGrad(true);              // torch.tensor(0.5, requires_grad=True)
var w = Tensor.scalar(-1.5f).requiresGrad(true);
var b = Tensor.scalar(0.25f).requiresGrad(true);
var z = w.mul(x).add(b);                                     // z = w·x + b = -0.5
var y = z.tanh();                                            // y = tanh(z)
println(y);                                                  // ==> tensor(-0.4621, grad_fn=<TanhBackward0>)
println(y.gradFn().nextFunctions());                         // ==> [AddBackward0]  (the op that made z)
y.backward();                                                // dy/dy = 1, then back through tanh, add, mul
// By hand: dy/dz = 1 - tanh(z)², and z = w·x + b has dz/dw = x, dz/dx = w, dz/db = 1.
double yValue = Math.tanh(-1.5 * 0.5 + 0.25);
double dyDz = 1 - yValue * yValue;                           // 0.7864
checkClose(w.grad.item(), (float) (dyDz * 0.5), 1e-6f, "dy/dw = (1 - y²) · x");       // ==> 0.3932
checkClose(x.grad.item(), (float) (dyDz * -1.5), 1e-6f, "dy/dx = (1 - y²) · w");      // ==> -1.1797
checkClose(b.grad.item(), (float) dyDz, 1e-6f, "dy/db = 1 - y²");                      // ==> 0.7864
printf("dy/dw %.4f, dy/dx %.4f, dy/db %.4f%n", w.grad.item(), x.grad.item(), b.grad.item());

// 2. What a PyTorch user needs to know: requires_grad, accumulation, detach, no_grad, retain_grad, the errors.
check(!Tensor.randn(3).requiresGrad(), "a new tensor does not require grad, as torch.randn(3)");
var small = new Linear(3, 2);
check(small.weight.requiresGrad() && small.weight.isLeaf(), "a layer's parameters require grad, and are leaves");
println(small.weight);                                       // ==> Parameter containing: tensor([[...]], requires_grad=True)

// Each backward ADDS into .grad; a training loop zeroes the grads every step (optimizer.zero_grad()).
var a = Tensor.of(new float[] {1f, 2f, 3f}, 3).requiresGrad(true);
a.mul(a).sum().backward();                                   // d(Σ a²)/da = 2a
println(a.grad);                                             // ==> tensor([2., 4., 6.])
a.mul(a).sum().backward();                                   // a new forward pass, a second backward
println(a.grad);                                             // ==> tensor([ 4.,  8., 12.])  added, not replaced
check(a.grad.equal(Tensor.of(new float[] {4f, 8f, 12f}, 3)), "gradients accumulate across backward calls");
a.grad.zero_();                                              // zero_grad(set_to_none=False); a.grad = null also works
a.mul(a).sum().backward();
check(a.grad.equal(Tensor.of(new float[] {2f, 4f, 6f}, 3)), "after zeroing, one backward's gradient again");

// detach(): the same values, no history. Gradients do not flow into it; it is a constant to autograd.
var doubled = a.mul(2f).detach();
check(!doubled.requiresGrad() && doubled.gradFn() == null, "detach(): no grad_fn, requires_grad False");
a.grad = null;                                               // set_to_none
a.mul(doubled).sum().backward();                             // L = Σ a·d with d held constant
check(a.grad.equal(doubled), "dL/da = d: nothing flowed through the detached factor");

// Inside Autograd.noGrad() (with torch.no_grad():) ops record nothing: that is how weights are set.
try (var off = Autograd.noGrad()) {
    small.weight.copy_(Tensor.ones(2, 3));
    check(!small.forward(Tensor.randn(1, 3)).requiresGrad(), "inside noGrad() a forward records no graph");
}
check(small.weight.sum().item() == 6f && small.weight.requiresGrad(), "the weight changed, and still requires grad");

// retain_grad(): backward fills .grad only on leaves, unless an intermediate tensor asks to keep its own.
var h = a.mul(3f);                                           // not a leaf: grad_fn=<MulBackward1>
h.retainGrad();
h.pow(2f).sum().backward();                                  // L = Σ h², so dL/dh = 2h
check(h.grad.equal(h.detach().mul(2f)), "h.retain_grad() keeps dL/dh = 2h");
println(h.grad);                                             // ==> tensor([ 6., 12., 18.])

// The three errors a PyTorch user meets first, with PyTorch's first line, what it means and the fix.
String nonScalar = "", secondTime = "", inPlace = "";
try {
    a.mul(2f).backward();                                    // a tensor of 3 values, not a loss
} catch (AutogradError e) {
    nonScalar = e.getMessage();
}
println(nonScalar);
check(nonScalar.startsWith("grad can be implicitly created only for scalar outputs"), "backward() needs one number");
var once = a.mul(a).sum();
once.backward();
try {
    once.backward();                                         // the graph was freed by the first backward
} catch (AutogradError e) {
    secondTime = e.getMessage();
}
println(secondTime);
check(secondTime.startsWith("Trying to backward through the graph a second time"), "one backward per graph");
try {
    small.weight.fill_(0f);                                  // outside noGrad()
} catch (AutogradError e) {
    inPlace = e.getMessage();
}
println(inPlace);
check(inPlace.startsWith("a leaf Variable that requires grad is being used in an in-place operation."), "PyTorch's text");
check(inPlace.contains("Autograd.noGrad()"), "the fix names the no-grad scope");

// 3. Linear's backward by hand: y = x Wᵀ + b, and dL/dy = g arrives from the layers above.
Tensor.manualSeed(0);
var lin = new Linear(4, 3);                                  // weight (3, 4), bias (3)
var xb = Tensor.randn(5, 4).requiresGrad(true);              // a batch of 5 rows
var yb = lin.forward(xb);                                    // (5, 3)
var g = Tensor.randn(5, 3);                                  // dL/dy, one number per output
yb.backward(g);                                              // the same as yb.mul(g).sum().backward()
var dW = g.t().matmul(xb.detach());                          // dW = gᵀ x:  (3, 5)(5, 4) = (3, 4)
var db = g.sum(0);                                           // db = Σₙ g:  (3)
var dx = g.matmul(lin.weight.detach());                      // dx = g W:   (5, 3)(3, 4) = (5, 4)
checkShape(lin.weight.grad, 3, 4);                           // ==> [3, 4], the weight's shape
checkShape(lin.bias.grad, 3);                                // ==> [3], the bias's shape
checkShape(xb.grad, 5, 4);                                   // ==> [5, 4], the input's shape
check(lin.weight.grad.allclose(dW, 1e-5, 1e-6), "dL/dW = gᵀ x");
check(lin.bias.grad.allclose(db, 1e-5, 1e-6), "dL/db = Σ over the batch of g");
check(xb.grad.allclose(dx, 1e-5, 1e-6), "dL/dx = g W");
// one weight by its own sum: dL/dW[o][k] = Σₙ g[n][o] · x[n][k]
float w21 = 0f;
for (int n = 0; n < 5; n++) w21 += g.get(n, 2) * xb.get(n, 1);
checkClose(lin.weight.grad.get(2, 1), w21, 1e-5f, "dL/dW[2][1] = Σₙ g[n][2] · x[n][1]");
// leading dims are batch dims: every position adds its share into the same (out, in) gradient
lin.weight.grad = null;
var xSeq = Tensor.randn(2, 6, 4);
var gSeq = Tensor.randn(2, 6, 3);
lin.forward(xSeq).backward(gSeq);
checkShape(lin.weight.grad, 3, 4);                           // ==> [3, 4] still
check(lin.weight.grad.allclose(gSeq.reshape(12, 3).t().matmul(xSeq.reshape(12, 4)), 1e-5, 1e-5),
    "(2, 6, 4) input: dW sums over all 12 positions");

// 4. Activations and the loss: each backward is g times the local derivative.
Tensor.manualSeed(1);
var pre = Tensor.randn(8).requiresGrad(true);
var gAct = Tensor.randn(8);
float[] relu1 = pre.detach().toFloatArray();
for (int i = 0; i < relu1.length; i++) relu1[i] = relu1[i] > 0 ? 1f : 0f;       // relu'(x) = 1 where x > 0, else 0
pre.relu().backward(gAct);
check(pre.grad.allclose(gAct.mul(Tensor.of(relu1, 8)), 1e-6, 1e-7), "relu: g where x > 0, 0 elsewhere");
pre.grad = null;
var th = pre.tanh();
th.backward(gAct);
check(pre.grad.allclose(gAct.mul(th.detach().pow(2f).neg().add(1f)), 1e-5, 1e-6), "tanh: g · (1 - y²)");
pre.grad = null;
var sg = pre.sigmoid();
sg.backward(gAct);
check(pre.grad.allclose(gAct.mul(sg.detach().mul(sg.detach().neg().add(1f))), 1e-5, 1e-6), "sigmoid: g · s(1 - s)");

// Softmax + cross-entropy, mean over the batch: dL/dlogits = (softmax(z) - onehot(label)) / N.
var logits = Tensor.randn(4, 5).requiresGrad(true);          // 4 samples, 5 classes
int[] labels = {1, 0, 4, 2};
float[] hot = new float[4 * 5];
for (int n = 0; n < 4; n++) hot[n * 5 + labels[n]] = 1f;
var onehot = Tensor.of(hot, 4, 5);
var shifted = logits.sub(logits.max(1, true).detach());      // z - max: the same softmax, no overflow
var logProbs = shifted.sub(shifted.exp().sum(1, true).log());  // log softmax
var ce = logProbs.mul(onehot).sum().neg().div(4f);           // F.cross_entropy(logits, labels)
ce.backward();
var probs = shifted.detach().exp();
probs = probs.div(probs.sum(1, true));
check(logits.grad.allclose(probs.sub(onehot).div(4f), 1e-5, 1e-6), "cross-entropy: (softmax - onehot) / N");
printf("cross-entropy %.4f; each row of the gradient sums to 0: %.1e%n", ce.item(), logits.grad.sum(1).abs().max().item());

// 5. Broadcasting: a value used at many positions collects the gradient of every one (sum over broadcast dims).
var big = Tensor.randn(2, 3, 4).requiresGrad(true);
var col = Tensor.randn(3, 1).requiresGrad(true);             // broadcast along dim 0 (added) and dim 2 (size 1)
var gBig = Tensor.randn(2, 3, 4);
big.add(col).backward(gBig);
checkShape(col.grad, 3, 1);                                  // ==> [3, 1], col's own shape
check(col.grad.allclose(gBig.sum(0).sum(1, true), 1e-5, 1e-6), "summed over dim 0 (dropped) and dim 2 (kept as 1)");
check(big.grad.allclose(gBig, 0, 0), "the full-size operand gets g as it is");

// 6. Conv2d: every gradient has its parameter's shape; dW slides g over the input as the forward slid W.
Tensor.manualSeed(2);
var conv = new Conv2d(3, 8, 3, 2, 1);                        // stride 2, padding 1
var img = Tensor.randn(2, 3, 9, 9).requiresGrad(true);
var fmap = conv.forward(img);
checkShape(fmap, 2, 8, 5, 5);                                // ==> [2, 8, 5, 5]
var gConv = Tensor.randn(2, 8, 5, 5);
fmap.backward(gConv);
checkShape(conv.weight.grad, 8, 3, 3, 3);                    // ==> [8, 3, 3, 3] = (out, in, kH, kW)
checkShape(conv.bias.grad, 8);                               // ==> [8]
checkShape(img.grad, 2, 3, 9, 9);                            // ==> [2, 3, 9, 9]
check(conv.bias.grad.allclose(gConv.sum(0).sum(1).sum(1), 1e-4, 1e-5), "db[o] = Σ over n, h, w of g[n][o][h][w]");
// one weight: dW[o][c][i][j] = Σ_{n, oh, ow} g[n][o][oh][ow] · x[n][c][oh·s + i - p][ow·s + j - p] (0 outside)
float convW = 0f;
for (int n = 0; n < 2; n++)
    for (int oh = 0; oh < 5; oh++)
        for (int ow = 0; ow < 5; ow++) {
            int ih = oh * 2 + 0 - 1, iw = ow * 2 + 2 - 1;          // tap (i, j) = (0, 2), stride 2, padding 1
            if (ih >= 0 && ih < 9 && iw >= 0 && iw < 9) convW += gConv.get(n, 5, oh, ow) * img.get(n, 1, ih, iw);
        }
checkClose(conv.weight.grad.get(5, 1, 0, 2), convW, 1e-4f, "dW[5][1][0][2] by its own sum");

// 7. LSTM: four gates stacked in each weight, so four blocks of rows in each gradient; and through time.
Tensor.manualSeed(3);
var lstm = new LSTM(5, 4);                                   // gates i|f|g|o: 4·4 = 16 rows
var seq = Tensor.randn(6, 2, 5).requiresGrad(true);          // (L=6 steps, N=2, in=5)
var states = lstm.forward(seq);
states.hN().sum().backward();                                // a loss that reads only the last step's h
for (String p : List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")) {
    var param = lstm.getParameter(p);
    check(Arrays.equals(param.grad.shape(), param.shape()), p + ": the gradient has the parameter's shape");
    println(p + " " + Arrays.toString(param.shape()) + ", grad " + Arrays.toString(param.grad.shape()));
}
check(lstm.getParameter("bias_ih_l0").grad.allclose(lstm.getParameter("bias_hh_l0").grad, 1e-5, 1e-6),
    "b_ih and b_hh are added to the same gate sums, so they get the same gradient");
double[] stepNorms = new double[6];
for (int t = 0; t < 6; t++) stepNorms[t] = Math.sqrt(seq.grad.select(0, t).pow(2f).sum().item());
println("|dL/dx_t| for t = 0..5: " + Arrays.toString(Arrays.stream(stepNorms).map(v -> Math.round(v * 1e4) / 1e4).toArray()));
check(stepNorms[0] > 0, "the gradient reaches step 0 through five recurrent steps");
check(stepNorms[0] < stepNorms[5], "and arrives smaller than at the last step");

// 8. gradcheck: your own op with your own backward, checked against finite differences.
Tensor softplus(Tensor t) {                                  // softplus(x) = log(1 + eˣ), softplus'(x) = sigmoid(x)
    return Autograd.function("SoftplusBackward", t, v -> v.exp().add(1f).log(), (gr, v) -> gr.mul(v.sigmoid()));
}
Tensor softplusWrong(Tensor t) {                             // forgot the 1 + eˣ below eˣ
    return Autograd.function("SoftplusBackward", t, v -> v.exp().add(1f).log(), (gr, v) -> gr.mul(v.exp()));
}
Tensor.manualSeed(4);
var probe = Tensor.randn(6).requiresGrad(true);
println(softplus(probe));                                    // ==> tensor([...], grad_fn=<SoftplusBackward>)
check(Autograd.gradcheck(t -> softplus(t), probe), "the right derivative passes");
String mismatch = "";
try {
    Autograd.gradcheck(t -> softplusWrong(t), probe);
} catch (AutogradError e) {
    mismatch = e.getMessage();
}
println(mismatch);
check(mismatch.startsWith("Jacobian mismatch for output 0 with respect to input 0,"), "the wrong one: PyTorch's first line");
check(mismatch.contains("analytical") && mismatch.contains("numerical"), "it names the element and both values");
// the workbook's own ops, composed: Linear then tanh, with respect to the input and the weight together
check(Autograd.gradcheck((in, wt) -> Functional.linear(in, wt, null).tanh(), Tensor.randn(3, 4).requiresGrad(true),
    Tensor.randn(2, 4).mul(0.5f).requiresGrad(true)), "F.linear + tanh: backward matches finite differences");

// ---------------------------------------------------------------------------------------------------
// 9. Through depth: gradient norms at step 0 of 10 × [Linear(256, 256), activation], for five inits.
// L = Σ y·v / 256 with a fixed random v ~ N(0, 1): its gradient is a random direction, so what we see is what
// the layers do to a gradient, not what one loss does. Per layer: |dL/dy| arriving at its output, |dL/dW| of its weight.
double norm(Tensor t) {                                      // summed in double: a float sum of squares overflows past 3e38
    double s = 0;
    for (float v : t.toFloatArray()) s += (double) v * v;
    return Math.sqrt(s);
}
record GradRun(String init, String activation, double[] signal, double[] weightGrad, double[] weight) {
    double signalRatio() { return signal[0] / signal[signal.length - 1]; }   // layer 1 over layer 10
    double weightRatio() { return weightGrad[0] / weightGrad[weightGrad.length - 1]; }
}
GradRun gradRun(Scheme scheme, String activation) {
    Tensor.manualSeed(0);
    var layers = new ArrayList<Linear>();
    for (int l = 0; l < 10; l++) {
        var layer = new Linear(256, 256);
        if (scheme.init() != null) {                         // the default keeps the layer's own init
            scheme.init().apply(layer.weight);
            Init.zeros(layer.bias);
        }
        layers.add(layer);
    }
    var act = Tensor.randn(256, 256);                        // a batch of 256 inputs of std 1
    var direction = Tensor.randn(256, 256);
    var outputs = new ArrayList<Tensor>();
    for (var layer : layers) {
        var out = layer.forward(act);
        out.retainGrad();                                    // keep dL/dy of every layer's output
        outputs.add(out);
        act = activation.equals("tanh") ? out.tanh() : out.relu();
    }
    act.mul(direction).sum().div(256f).backward();
    double[] signal = new double[10], weightGrad = new double[10], weight = new double[10];
    for (int l = 0; l < 10; l++) {
        signal[l] = norm(outputs.get(l).grad);
        weightGrad[l] = norm(layers.get(l).weight.grad);
        weight[l] = norm(layers.get(l).weight);
    }
    return new GradRun(scheme.name(), activation, signal, weightGrad, weight);
}
var schemes = List.of(Scheme.normal(1.0), Scheme.normal(0.01), Scheme.pytorchDefault(), Scheme.xavierUniform(), Scheme.kaimingNormal());
var gradRuns = new LinkedHashMap<String, List<GradRun>>();
for (String activation : List.of("tanh", "relu")) {
    var runs = new ArrayList<GradRun>();
    for (var scheme : schemes) runs.add(gradRun(scheme, activation));
    gradRuns.put(activation, runs);
}
GradRun find(String activation, String init) {
    return gradRuns.get(activation).stream().filter(r -> r.init().equals(init)).findFirst().orElseThrow();
}

// The pictures, one per activation: the gradient reaching each layer (left) and each weight's gradient (right);
// and the numbers behind them, |dL/dW| per layer and init, as a table (also written as CSV).
double[] layerAxis = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
int[] layerNumbers = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
void drawAndTabulate(String activation, String name) {
    var signalLines = new LinkedHashMap<String, double[]>();
    var weightLines = new LinkedHashMap<String, double[]>();
    for (var r : gradRuns.get(activation)) {
        signalLines.put(r.init(), r.signal());
        weightLines.put(r.init(), r.weightGrad());
    }
    var panels = new LinkedHashMap<String, Map<String, double[]>>();
    panels.put("|dL/dy|: the gradient reaching each layer's output", signalLines);
    panels.put("|dL/dW|: each layer's weight gradient", weightLines);
    Plots.logLines("Gradients at step 0, 10 x [Linear(256, 256), " + activation + "], one line per init",
        "layer (1 = next to the input, 10 = next to the loss)", "norm (log scale)", layerAxis, panels, name);
    var table = Tables.columns("|dL/dW| per layer, " + activation, "layer", layerNumbers, weightLines);
    println(table.printAll());
    Tables.writeCsv(table, name);
}
drawAndTabulate("tanh", "11-grad-norms-tanh");
drawAndTabulate("relu", "11-grad-norms-relu");

// What they say, computed from this run (nothing below is typed in by hand): per init, how the gradient reaching
// layer 1 compares with the one reaching layer 10, the same for the weight gradients, and a weight gradient's
// size next to its weight (what one step of SGD, w - lr·dL/dW, would change).
for (String activation : List.of("tanh", "relu")) {
    var runs = gradRuns.get(activation);
    String[] inits = runs.stream().map(GradRun::init).toArray(String[]::new);
    var summary = new LinkedHashMap<String, double[]>();
    summary.put("|dL/dy| 1 / 10", runs.stream().mapToDouble(GradRun::signalRatio).toArray());
    summary.put("x per layer", runs.stream().mapToDouble(r -> Math.pow(r.signalRatio(), 1.0 / 9)).toArray());
    summary.put("|dL/dW| 1 / 10", runs.stream().mapToDouble(GradRun::weightRatio).toArray());
    summary.put("|dL/dW| / |W| at 10", runs.stream().mapToDouble(r -> r.weightGrad()[9] / r.weight()[9]).toArray());
    println(Tables.columns("layer 1 against layer 10, " + activation, "init", inits, summary).printAll());
}
var tanhSmall = find("tanh", "N(0, 0.01²)");
var reluNormal = find("relu", "N(0, 1²)");
var reluDefault = find("relu", "default");
var reluKaiming = find("relu", "kaiming_normal");
var tanhXavier = find("tanh", "xavier_uniform");
printf("tanh + N(0, 0.01²): the gradient reaching layer 1 is %.1e of the one reaching layer 10 (vanishing);%n"
    + "  its weight gradients are level (layer 1 / layer 10 = %.2f) but each is %.1e of its weight: a step would not move it.%n",
    tanhSmall.signalRatio(), tanhSmall.weightRatio(), tanhSmall.weightGrad()[9] / tanhSmall.weight()[9]);
printf("relu + N(0, 1²): the gradient reaching layer 1 is %.1e times the one reaching layer 10 (exploding);%n"
    + "  every weight gradient is about %.0e, %.0e times its weight.%n",
    reluNormal.signalRatio(), reluNormal.weightGrad()[0], reluNormal.weightGrad()[0] / reluNormal.weight()[0]);
printf("relu + default: layer 1's weight gradient is %.1e of layer 10's; relu + kaiming_normal: %.2f.%n",
    reluDefault.weightRatio(), reluKaiming.weightRatio());
check(tanhSmall.signalRatio() < 1e-5, "tanh + N(0, 0.01²): the gradient vanishes on its way to the input");
check(tanhSmall.weightGrad()[9] / tanhSmall.weight()[9] < 1e-4, "... and every weight gradient is tiny next to its weight");
check(reluNormal.signalRatio() > 1e6, "relu + N(0, 1²): the gradient explodes on its way to the input");
check(reluNormal.weightGrad()[0] > 1e6, "... and every weight gradient is huge");
check(reluDefault.weightRatio() < 0.1, "relu + PyTorch's default: layer 1 learns far slower than layer 10");
check(reluKaiming.signalRatio() > 0.5 && reluKaiming.signalRatio() < 2, "relu + Kaiming: the same gradient at every depth");
check(reluKaiming.weightRatio() > 0.5 && reluKaiming.weightRatio() < 2, "... and level weight gradients");
check(tanhXavier.signalRatio() > 0.1 && tanhXavier.signalRatio() < 1, "tanh + Xavier: within a factor of ten over ten layers");
println("Lesson 11 done. Next: /open jshell-scripts/12-how-fast-can-java-go.jsh");
