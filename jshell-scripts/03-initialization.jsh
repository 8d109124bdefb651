// 03 · Initialization: what torch.nn.init draws, and why those numbers. Prose: lessons/03-initialization.md
// Open it with:  /open jshell-scripts/03-initialization.jsh
// Pictures are saved under out/ (or -Dlayerwise.out=DIR); tables print here.
import layerwise.experiment.*;

// 1. Example: Linear(20, 8), Xavier on the weight, zeros on the bias.
Tensor.manualSeed(0);                                        // torch.manual_seed(0)
var lin = new Linear(20, 8);                                 // nn.Linear(20, 8)
Init.xavierUniform(lin.weight);                              // nn.init.xavier_uniform_(lin.weight)
Init.zeros(lin.bias);                                        // nn.init.zeros_(lin.bias)
println("weight " + TorchFormat.shapeString(lin.weight.shape()) + ", bias " + TorchFormat.shapeString(lin.bias.shape()));  // ==> weight [8, 20], bias [8]
checkShape(lin.weight, 8, 20);                               // ==> [8, 20]
checkShape(lin.bias, 8);                                     // ==> [8]
checkClose(lin.weight.get(0, 0), -0.4166460931301117f, 0f, "weight[0, 0], bit for bit as torch");
checkClose(lin.weight.get(7, 19), 0.06203135475516319f, 0f, "weight[7, 19], bit for bit as torch");
check(lin.bias.abs().max().item() == 0f, "the bias is all zeros");
var y = lin.forward(Tensor.randn(4, 20));                    // a batch of 4 rows
checkShape(y, 4, 8);                                         // ==> [4, 8]
checkClose(y.get(0, 0), -2.1293787956237793f, 1e-5f, "y[0, 0] as torch computes it");

// 2. Fans and gains: the two numbers every formula uses.
println(Init.calculateFanInAndFanOut(lin.weight));           // ==> Fans(fan_in=20, fan_out=8)
println(Init.calculateFanInAndFanOut(Tensor.empty(8, 3, 3, 3)));   // ==> Fans(fan_in=27, fan_out=72)  (a Conv2d(3, 8, 3) weight)
checkClose((float) Init.calculateGain("tanh"), 5f / 3, 0f, "tanh gain 5/3");
checkClose((float) Init.calculateGain("relu"), (float) Math.sqrt(2), 0f, "relu gain sqrt(2)");
checkClose((float) Init.calculateGain("leaky_relu"), 1.4141428569978354f, 0f, "leaky_relu with no slope uses 0.01");

// 3. Xavier / Glorot: bound = gain * sqrt(6 / (fan_in + fan_out)).
var xavier = Init.theory("xavier_uniform", lin.weight);
println(xavier);                                             // ==> xavier_uniform_(gain=1): U(-0.46291, 0.46291); fan_in=20, fan_out=8, gain=1; bound = gain*sqrt(6/(fan_in+fan_out)) = 0.46291
checkClose((float) xavier.bound(), (float) Math.sqrt(6.0 / 28), 1e-7f, "bound sqrt(6/28)");
check(lin.weight.abs().max().item() <= (float) xavier.bound(), "every weight is inside the bound");
var big = Init.xavierUniform(Tensor.empty(256, 128));
Plots.histogram(big, Init.theory("xavier_uniform", big), "03-xavier-uniform");
var bigNormal = Init.xavierNormal(Tensor.empty(256, 128));
Plots.histogram(bigNormal, Init.theory("xavier_normal", bigNormal), "03-xavier-normal");
checkClose(bigNormal.std().item(), (float) Math.sqrt(2.0 / 384), 0.002f, "sample std near sqrt(2/(128+256))");

// 4. Kaiming / He: std = gain / sqrt(fan_in), gain sqrt(2) for ReLU.
var he = Init.kaimingNormal(Tensor.empty(256, 128));         // defaults: a=0, mode='fan_in', nonlinearity='leaky_relu'
var heTheory = Init.theory("kaiming_normal", he);
println(heTheory);                                           // ==> kaiming_normal_(a=0, mode='fan_in', nonlinearity='leaky_relu'): N(0, std=0.125); fan_in=128, fan_out=256, gain=1.41421; std = gain/sqrt(fan_in) = 0.125
checkClose((float) heTheory.std(), 0.125f, 1e-7f, "sqrt(2)/sqrt(128) = 0.125");
checkClose(he.std().item(), 0.125f, 0.002f, "the sample agrees");
Plots.histogram(he, heTheory, "03-kaiming-normal");
// Keyword arguments become positions: nn.init.kaiming_normal_(w, mode="fan_out") is Init.kaimingNormal(w, 0, "fan_out").
var heOut = Init.kaimingNormal(Tensor.empty(256, 128), 0, "fan_out");
checkClose((float) Theory.kaimingNormal(heOut, 0, "fan_out", "leaky_relu").std(), 0.0884f, 1e-4f,
    "mode fan_out: sqrt(2)/sqrt(256) = 0.0884");                  // ==> 0.0884

// 5. PyTorch's default is kaiming_uniform_(a=sqrt(5)): U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
var defaultTheory = Init.theory("default", lin.weight);
checkClose((float) defaultTheory.gain(), (float) Math.sqrt(1.0 / 3), 1e-7f, "gain sqrt(2/(1+5)) = sqrt(1/3)");
checkClose((float) defaultTheory.bound(), (float) (1 / Math.sqrt(20)), 0f, "bound = sqrt(3)*sqrt(1/3)/sqrt(20) = 1/sqrt(20)");
Tensor.manualSeed(0);
var fresh = new Linear(20, 8);
Tensor.manualSeed(0);
var byHand = Init.kaimingUniform(Tensor.empty(8, 20), Math.sqrt(5));
check(fresh.weight.equal(byHand), "new Linear(20, 8) draws exactly kaimingUniform(w, sqrt(5))");
check(fresh.bias.abs().max().item() <= (float) defaultTheory.bound(), "the bias uses the same 1/sqrt(fan_in) range");

// 6. Five schemes on one weight shape, side by side.
var samples = SchemeSample.classic(256, 128);
Plots.compareSchemes(samples, "03-schemes");
var schemesTable = Tables.compareSchemes(samples);
println(schemesTable);
Tables.writeCsv(schemesTable, "03-schemes");
checkClose((float) samples.get(3).stats().std(), 1f, 0.02f, "N(0, 1) ignores the layer: std 1 for 128 inputs");

// 7. The rest of torch.nn.init.
var tn = Init.truncNormal(Tensor.empty(1000), 0.0, 0.02);    // a and b are ABSOLUTE: [-2, 2] cuts nothing at std 0.02
checkClose(tn.std().item(), 0.02f, 0.002f, "trunc_normal_(std=0.02) is just N(0, 0.02^2)");
var q = Init.orthogonal(Tensor.empty(3, 5));
check(q.matmul(q.t()).allclose(Tensor.eye(3), 1e-5, 1e-5), "orthogonal rows: Q Qᵀ = I");
var dirac = Init.dirac(Tensor.empty(3, 3, 3, 3));
check(dirac.sum().item() == 3f && dirac.get(1, 1, 1, 1) == 1f, "dirac_: a conv that passes its input through");
var sp = Init.sparse(Tensor.empty(10, 4), 0.3);
int zerosInColumn0 = 0;
for (int r = 0; r < 10; r++) if (sp.get(r, 0) == 0f) zerosInColumn0++;
check(zerosInColumn0 == 3, "sparse_(sparsity=0.3): ceil(0.3 * 10) = 3 zeros in every column");
println("Lesson 03 done. Next: /open jshell-scripts/04-why-initialization-matters.jsh");
