// 04 · Why initialization matters: activations ten layers deep. Prose: lessons/04-why-initialization-matters.md
// Open it with:  /open jshell-scripts/04-why-initialization-matters.jsh
// Pictures are saved under out/ (or -Dlayerwise.out=DIR); tables print here.
import layerwise.experiment.*;

// 1. One layer: Var(y) = fan_in * Var(w) * Var(x).
Tensor.manualSeed(0);
var x = Tensor.randn(256, 256);                              // 256 samples, 256 features, std 1
var wide = new Linear(256, 256);
Init.normal(wide.weight, 0.0, 1.0);                          // N(0, 1): Var(w) = 1
Init.zeros(wide.bias);
var yWide = wide.forward(x);
checkClose(yWide.std().item(), 16f, 1f, "std sqrt(256 * 1 * 1) = 16");   // ==> about 16
Init.xavierNormal(wide.weight);                              // Var(w) = 2/(256+256) = 1/256
var yXavier = wide.forward(x);
checkClose(yXavier.std().item(), 1f, 0.05f, "std sqrt(256 * 1/256) = 1");   // ==> about 1

// 2. What tanh does with those outputs.
Plots.forwardOutputs(yWide, yWide.tanh(), "tanh", Theory.normal(0, 16), "04-forward-normal-tanh");
Plots.forwardOutputs(yXavier, yXavier.tanh(), "tanh", Theory.normal(0, 1), "04-forward-xavier-tanh");
int flat = 0;
for (float v : yWide.tanh().toFloatArray()) if (Math.abs(v) > 0.99f) flat++;
check(flat > 0.8 * yWide.numel(), "with N(0, 1) weights over 80% of tanh outputs sit at ±1 (gradient ~0)");

// 3. Ten layers deep: an MLP of 10 × [Linear(256, 256), activation], batch 256.
var runs = List.of(
    DepthExperiment.mlp(Scheme.normal(1.0), "tanh", 10),
    DepthExperiment.mlp(Scheme.normal(0.01), "tanh", 10),
    DepthExperiment.mlp(Scheme.xavierUniform(Init.calculateGain("tanh")), "tanh", 10),
    DepthExperiment.mlp(Scheme.normal(1.0), "relu", 10),
    DepthExperiment.mlp(Scheme.kaimingNormal(), "relu", 10),
    DepthExperiment.mlp(Scheme.pytorchDefault(), "relu", 10));
Plots.depthLines(runs, "04-depth-lines");
check(runs.get(0).layers().get(10).fractionSaturated() > 0.7, "N(0, 1) + tanh: most units saturated");
check(runs.get(1).stdRatio() < 1e-6, "N(0, 0.01²) + tanh: the signal collapses to 0");
check(runs.get(2).stdRatio() > 0.3 && runs.get(2).stdRatio() < 1.5, "Xavier (gain 5/3) + tanh: std stays put");
check(runs.get(3).stdRatio() > 1e8, "N(0, 1) + ReLU: std explodes, about 11x per layer");
check(runs.get(4).stdRatio() > 0.3 && runs.get(4).stdRatio() < 3, "Kaiming + ReLU: std stays put");
check(runs.get(5).stdRatio() < 0.1, "PyTorch's default + ReLU shrinks: U(±1/sqrt(fan_in)) is not He init");

// 4. The same runs as per-layer histograms.
Plots.depthHistograms(runs.get(0), "04-layers-normal-tanh");
Plots.depthHistograms(runs.get(1), "04-layers-small-tanh");
Plots.depthHistograms(runs.get(2), "04-layers-xavier-tanh");
Plots.depthHistograms(runs.get(4), "04-layers-kaiming-relu");

// 5. The numbers behind the pictures.
var depthTable = Tables.depth(runs);
println(depthTable.where(depthTable.intColumn("layer").isIn(0, 5, 10)).printAll());
Tables.writeCsv(depthTable, "04-depth");
check(depthTable.rowCount() == 6 * 11, "6 runs × 11 rows (the input and 10 layers)");

// 6. A conv stack tells the same story: 8 × [Conv2d(16, 16, 3, padding=1), ReLU] on 16×16 images.
var convRuns = List.of(
    DepthExperiment.convStack(Scheme.normal(1.0), "relu", 8),
    DepthExperiment.convStack(Scheme.kaimingNormal(), "relu", 8),
    DepthExperiment.convStack(Scheme.pytorchDefault(), "relu", 8));
Plots.depthLines(convRuns, "04-conv-depth-lines");
check(convRuns.get(0).stdRatio() > 1e6, "conv, N(0, 1): fan_in = 16*3*3 = 144, std grows ~8.5x per layer");
check(convRuns.get(1).stdRatio() > 0.2 && convRuns.get(1).stdRatio() < 5, "conv, Kaiming: stays put");
println("Lesson 04 done. Next: /open jshell-scripts/05-conv2d.jsh");
