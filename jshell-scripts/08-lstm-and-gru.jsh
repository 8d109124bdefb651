// 08 · LSTM and GRU: gated recurrent layers. Prose: lessons/08-lstm-and-gru.md
// Open it with:  /open jshell-scripts/08-lstm-and-gru.jsh

// 1. Example: LSTM(4, 3) with PyTorch's numbers.
Tensor.manualSeed(0);                                        // torch.manual_seed(0)
var lstm = new LSTM(4, 3);                                   // nn.LSTM(4, 3)
println(lstm);                                               // ==> LSTM(4, 3)
lstm.namedParameters().forEach((name, p) -> println(name + " " + TorchFormat.shapeString(p.shape())));
checkShape(lstm.getParameter("weight_ih_l0"), 12, 4);        // ==> [12, 4]  (4H, input_size)
checkShape(lstm.getParameter("weight_hh_l0"), 12, 3);        // ==> [12, 3]  (4H, H)
checkClose(lstm.getParameter("weight_ih_l0").get(3, 0), -0.55157071352005f, 0f, "weight_ih_l0[3, 0], bit for bit as torch");
var x = Tensor.randn(5, 2, 4);                               // torch.randn(5, 2, 4)
var res = lstm.forward(x);                                   // torch: output, (h_n, c_n) = lstm(x)
checkShape(res.output(), 5, 2, 3);                           // ==> [5, 2, 3]
checkShape(res.hN(), 1, 2, 3);                               // ==> [1, 2, 3]
checkShape(res.cN(), 1, 2, 3);                               // ==> [1, 2, 3]  the cell state, LSTM only
println(res.cN());                                           // ==> tensor([[[-0.0142,  0.2451, -0.0658], [ 0.1485,  0.0609, -0.2494]]])
checkClose(res.hN().get(0, 1, 2), -0.06282495707273483f, 1e-6f, "h_n[0, 1, 2] as torch");
checkClose(res.cN().get(0, 1, 2), -0.24935384094715118f, 1e-6f, "c_n[0, 1, 2] as torch");

// 2. The stacked gates: rows [i | f | g | o], H = 3 rows each.
var wih = lstm.getParameter("weight_ih_l0");
var whh = lstm.getParameter("weight_hh_l0");
var bias = lstm.getParameter("bias_ih_l0").add(lstm.getParameter("bias_hh_l0"));
var wihGates = wih.chunk(4, 0);                              // W_ii, W_if, W_ig, W_io
checkShape(wihGates.get(0), 3, 4);                           // ==> [3, 4]  one gate's input weights
check(wihGates.get(1).equal(wih.slice(0, 3, 6)), "the forget gate is rows 3..5");

// 3. One LSTM step by hand, then the whole sequence: the layer is this loop.
Tensor[] lstmStep(Tensor xt, Tensor h, Tensor c) {
    var gates = xt.matmul(wih.t()).add(h.matmul(whh.t())).add(bias).chunk(4, 1);
    var i = gates.get(0).sigmoid();                          // input gate: how much of g to write
    var f = gates.get(1).sigmoid();                          // forget gate: how much of c to keep
    var g = gates.get(2).tanh();                             // candidate values
    var o = gates.get(3).sigmoid();                          // output gate: how much of c to show
    var cNext = f.mul(c).add(i.mul(g));                      // c' = f*c + i*g
    return new Tensor[] {o.mul(cNext.tanh()), cNext};        // h' = o*tanh(c')
}
var hc = new Tensor[] {Tensor.zeros(2, 3), Tensor.zeros(2, 3)};
hc = lstmStep(x.select(0, 0), hc[0], hc[1]);
check(hc[0].allclose(res.output().select(0, 0), 1e-5, 1e-6), "step 0 by hand = output[0]");
for (int t = 1; t < 5; t++) hc = lstmStep(x.select(0, t), hc[0], hc[1]);
check(hc[0].allclose(res.hN().select(0, 0), 1e-5, 1e-6), "five steps by hand = h_n");
check(hc[1].allclose(res.cN().select(0, 0), 1e-5, 1e-6), "... and c_n");
var cell = new LSTMCell(4, 3);                               // the same step as a module
cell.loadStateDict(Map.of("weight_ih", wih, "weight_hh", whh,
    "bias_ih", lstm.getParameter("bias_ih_l0"), "bias_hh", lstm.getParameter("bias_hh_l0")));
var state = cell.forward(x.select(0, 0));
for (int t = 1; t < 5; t++) state = cell.forward(x.select(0, t), state.h(), state.c());
check(state.c().allclose(res.cN().select(0, 0), 1e-5, 1e-6), "LSTMCell stepped 5 times gives c_n");
// The gates over time: a fresh LSTM(4, 16), one sequence of 30 steps, input 0 except 2s at steps 10..19.
Tensor.manualSeed(3);
var lstm16 = new LSTM(4, 16);
var w16 = lstm16.getParameter("weight_ih_l0");
var u16 = lstm16.getParameter("weight_hh_l0");
var b16 = lstm16.getParameter("bias_ih_l0").add(lstm16.getParameter("bias_hh_l0"));
var seq30 = Tensor.zeros(30, 1, 4);
for (int t = 10; t < 20; t++) for (int k = 0; k < 4; k++) seq30.set(2f, t, 0, k);
double[] steps30 = new double[30], iMean = new double[30], fMean = new double[30], oMean = new double[30];
var h16 = Tensor.zeros(1, 16);
var c16 = Tensor.zeros(1, 16);
for (int t = 0; t < 30; t++) {
    var a = seq30.select(0, t).matmul(w16.t()).add(h16.matmul(u16.t())).add(b16).chunk(4, 1);
    var gi = a.get(0).sigmoid(); var gf = a.get(1).sigmoid(); var gg = a.get(2).tanh(); var go = a.get(3).sigmoid();
    c16 = gf.mul(c16).add(gi.mul(gg));
    h16 = go.mul(c16.tanh());
    steps30[t] = t; iMean[t] = gi.mean().item(); fMean[t] = gf.mean().item(); oMean[t] = go.mean().item();
}
check(h16.allclose(lstm16.forward(seq30).hN().select(0, 0), 1e-5, 1e-6), "the recorded steps are the layer's");
var gateLines = new LinkedHashMap<String, double[]>();
gateLines.put("input gate i", iMean);
gateLines.put("forget gate f", fMean);
gateLines.put("output gate o", oMean);
Plots.lines("LSTM(4, 16) gates, mean of 16 units; input 2 at steps 10-19, else 0", "time step", "mean gate value",
    steps30, gateLines, "08-lstm-gates");
printf("steps 0-9: i %.3f f %.3f o %.3f; step 15: i %.3f f %.3f o %.3f%n",
    iMean[5], fMean[5], oMean[5], iMean[15], fMean[15], oMean[15]);

// 4. GRU: rows [r | z | n], and b_hn sits inside the reset product.
Tensor.manualSeed(1);
var gru = new GRU(4, 3);                                     // nn.GRU(4, 3)
checkShape(gru.getParameter("weight_ih_l0"), 9, 4);          // ==> [9, 4]  (3H, input_size)
var gres = gru.forward(x);
checkClose(gres.hN().get(0, 0, 1), 0.3134429454803467f, 1e-6f, "GRU h_n[0, 0, 1] as torch");
var gwih = gru.getParameter("weight_ih_l0");
var gwhh = gru.getParameter("weight_hh_l0");
var gbih = gru.getParameter("bias_ih_l0");
var gbhh = gru.getParameter("bias_hh_l0");
Tensor gruStep(Tensor xt, Tensor h, boolean bhnInside) {
    var gi = xt.matmul(gwih.t()).add(gbih).chunk(3, 1);      // W_i* x + b_i*
    var ghNoBias = h.matmul(gwhh.t()).chunk(3, 1);           // W_h* h
    var bh = gbhh.chunk(3, 0);                               // b_hr, b_hz, b_hn
    var r = gi.get(0).add(ghNoBias.get(0)).add(bh.get(0)).sigmoid();
    var z = gi.get(1).add(ghNoBias.get(1)).add(bh.get(1)).sigmoid();
    var n = bhnInside
        ? gi.get(2).add(r.mul(ghNoBias.get(2).add(bh.get(2)))).tanh()   // tanh(W_in x + b_in + r*(W_hn h + b_hn))
        : gi.get(2).add(r.mul(ghNoBias.get(2))).add(bh.get(2)).tanh();  // the usual textbook slip
    return Tensor.ones(2, 3).sub(z).mul(n).add(z.mul(h));   // h' = (1-z)*n + z*h
}
var hg = Tensor.zeros(2, 3);
var hSlip = Tensor.zeros(2, 3);
for (int t = 0; t < 5; t++) {
    hg = gruStep(x.select(0, t), hg, true);
    hSlip = gruStep(x.select(0, t), hSlip, false);
}
check(hg.allclose(gres.hN().select(0, 0), 1e-5, 1e-6), "the GRU loop by hand = h_n");
float slip = hSlip.sub(gres.hN().select(0, 0)).abs().max().item();
println("b_hn outside the reset product is off by " + slip);
check(slip > 1e-3f, "putting b_hn outside changes the result");

// 5. proj_size: h (and output) shrink to P, c keeps H.
Tensor.manualSeed(2);
var proj = new LSTM(4, 6, LSTM.options().projSize(2));      // nn.LSTM(4, 6, proj_size=2)
println(proj);                                               // ==> LSTM(4, 6, proj_size=2)
proj.namedParameters().forEach((name, p) -> println(name + " " + TorchFormat.shapeString(p.shape())));
checkShape(proj.getParameter("weight_hh_l0"), 24, 2);        // ==> [24, 2]  W_hh reads the projected h
checkShape(proj.getParameter("weight_hr_l0"), 2, 6);         // ==> [2, 6]   h = W_hr (o * tanh(c))
var pres = proj.forward(x);
checkShape(pres.output(), 5, 2, 2);                          // ==> [5, 2, 2]
checkShape(pres.hN(), 1, 2, 2);                              // ==> [1, 2, 2]
checkShape(pres.cN(), 1, 2, 6);                              // ==> [1, 2, 6]
checkClose(pres.hN().get(0, 0, 0), -0.14058056473731995f, 1e-6f, "projected h_n[0, 0, 0] as torch");

// 6. Counting parameters: G gate blocks of an RNN's H*in + H*H + 2H (G = 4 for LSTM, 3 for GRU).
long gatedParameters(int gates, int in, int hidden, int projSize) {
    int hOut = projSize > 0 ? projSize : hidden;
    return (long) gates * hidden * (in + hOut) + 2L * gates * hidden + (long) projSize * hidden;
}
check(new LSTM(10, 20).numParameters() == gatedParameters(4, 10, 20, 0), "LSTM(10, 20): 2560");              // ==> 2560
check(new GRU(10, 20).numParameters() == gatedParameters(3, 10, 20, 0), "GRU(10, 20): 1920");                // ==> 1920
check(new LSTM(10, 20, LSTM.options().projSize(5)).numParameters() == gatedParameters(4, 10, 20, 5), "1460"); // ==> 1460

// 7. The classic mistake: c0 shaped like the projected h0.
String mistake = "";
try {
    proj.forward(x, Tensor.zeros(1, 2, 2), Tensor.zeros(1, 2, 2));
} catch (ShapeError e) {
    mistake = e.getMessage();
}
println(mistake);
check(mistake.startsWith("Expected hidden[1] size (1, 2, 6), got [1, 2, 2]"), "PyTorch's first line");
check(mistake.contains("Fix: pass c0 of shape [1, 2, 6]"), "the fix gives c0's shape");
checkShape(proj.forward(x, Tensor.zeros(1, 2, 2), Tensor.zeros(1, 2, 6)).cN(), 1, 2, 6);   // the fix works: ==> [1, 2, 6]

// 8. Memory in the cell: an impulse at t = 0, then zeros; how much of it is left in c after 10 steps?
var impulse = Tensor.zeros(10, 1, 4);
impulse.set(1f, 0, 0, 0);
impulse.set(1f, 0, 0, 1);
var silence = Tensor.zeros(10, 1, 4);
float memory(LSTM layer) {
    return layer.forward(impulse).cN().sub(layer.forward(silence).cN()).abs().max().item();
}
float before = memory(lstm);
println("left of the impulse with the default forget bias: " + before);    // ==> about 0.005
try (var noGrad = Autograd.noGrad()) {                                       // writing weights: as torch.no_grad()
    lstm.getParameter("bias_hh_l0").slice(0, 3, 6).fill_(5f);                // forget-gate rows: f = sigmoid(... + 5) ~ 0.99
}
float after = memory(lstm);
println("left of the impulse with forget bias 5: " + after);              // ==> about 0.39
check(before < 0.01f && after > 0.1f, "a forget gate near 1 keeps the impulse in c");

// 9. A head after an LSTM: in_features = D * H_out, and H_out is proj_size when there is one.
Tensor.manualSeed(3);
var encoder = new LSTM(4, 6, LSTM.options().numLayers(2).bidirectional(true).projSize(2));
var enc = encoder.forward(Tensor.randn(7, 3, 4));            // (T, N, in) = [7, 3, 4]
checkShape(enc.output(), 7, 3, 4);                           // D * proj_size = 2 * 2, not 2 * 6
checkShape(enc.hN(), 4, 3, 2);                               // (D*num_layers, N, proj_size)
var lastLayer = enc.hN().slice(0, 2, 4);                     // rows layer*D + direction for layer 1: [2, 3, 2]
var summary = Tensor.cat(List.of(lastLayer.select(0, 0), lastLayer.select(0, 1)), 1);   // [3, 4]
check(summary.equal(lastLayer.transpose(0, 1).reshape(3, 4)), "= h_n[-2:].transpose(0, 1).reshape(N, -1)");
int headIn = encoder.numDirections() * encoder.outputSize(); // 2 * 2 = 4
var head = new Linear(headIn, 5);
checkShape(head.forward(summary), 3, 5);                     // ==> [3, 5]
check(encoder.outputSize() == 2 && encoder.hiddenSize() == 6, "H_out = proj_size = 2; c keeps hidden_size = 6");
println("Lesson 08 done. Next: /open jshell-scripts/09-debugging-shape-errors.jsh");
