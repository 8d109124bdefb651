// 10 · PyTorch interop: weights in, weights out, the same numbers. Prose: lessons/10-pytorch-interop.md
// Open it with:  /open jshell-scripts/10-pytorch-interop.jsh
// Uses only files committed with the workbook (recorded once from PyTorch 1.13); no Python runs here.
import layerwise.interop.*;

// 1. A Linear exported from PyTorch: its state dict, an input and PyTorch's output, in one safetensors file.
var fixtures = Path.of("src/test/resources/fixtures/pytorch-1.13");
var fromTorch = Fixture.read(fixtures.resolve("linear_2d.safetensors"));
println(fromTorch.metadata().get("module") + " " + fromTorch.constructorArgs());   // ==> Linear {in_features=20, out_features=5, bias=true}
println(fromTorch.stateDict().keySet());                    // ==> [weight, bias]
check(fromTorch.stateDict().keySet().equals(Set.of("weight", "bias")), "PyTorch's key names");

// 2. Load it into a workbook Linear and run the same input.
var lin = new Linear(20, 5);
lin.loadStateDict(fromTorch.stateDict());
var ours = lin.forward(fromTorch.input());
checkShape(ours, 4, 20 / 4);                                 // ==> [4, 5]
float worst = ours.sub(fromTorch.output()).abs().max().item();
println("kernels: " + (Kernels.selected() == Kernels.Kind.PLAIN ? "PLAIN" : "FAST, " + Kernels.simd()));
// ==> kernels: FAST, SIMD on (512-bit vectors, jdk.incubator.vector) by default (the width is your CPU's)
println("largest difference from PyTorch's output: " + worst);
// ==> 0.0 with the default kernels and SIMD on: each multiply-add rounded once (fma), as PyTorch's CPU matmul does;
//     2.3841858E-7 with -Dlayerwise.kernels=plain or SIMD off: product and sum rounded apart, the last bit of a few floats
// The plain loops' answer, whichever kernels this session uses:
var plainOut = Kernels.matmul(fromTorch.input(), lin.weight.t(), Kernels.Kind.PLAIN).add(lin.bias);
float plainWorst = plainOut.sub(fromTorch.output()).abs().max().item();
println("the plain loops' largest difference: " + plainWorst);   // ==> 2.3841858E-7 with any kernels
check(worst <= 1e-5f && plainWorst <= 1e-5f, "both kernels within the parity tolerance");

// 3. The same check as a command: ./workbook parity FILE (here called from JShell).
int status = layerwise.workbook.Main.run("parity", fixtures.resolve("linear_2d.safetensors").toString(),
        fixtures.resolve("lstm_basic.safetensors").toString());
check(status == 0, "parity passes for a Linear and an LSTM");

// 4. The same seed gives the same default init, bit for bit.
Tensor.manualSeed(fromTorch.initSeed());                     // the seed PyTorch used before nn.Linear(20, 5)
var fresh = new Linear(20, 5);
check(fresh.weight.equal(fromTorch.stateDict().get("weight")), "weight identical to torch's default init");
check(fresh.bias.equal(fromTorch.stateDict().get("bias")), "bias identical too");
check(layerwise.workbook.Main.run("parity", "--init", fixtures.resolve("lstm_basic.safetensors").toString()) == 0,
        "and an LSTM's four tensors");

// 5. Save back: a safetensors file PyTorch's load_file reads, under PyTorch's key names.
var outDir = Files.createDirectories(OutputDirectory.path());   // out/, where the plots go too
lin.save(outDir.resolve("10-linear.safetensors"));
var back = SafeTensors.load(outDir.resolve("10-linear.safetensors"));
println(back.keySet() + " " + Arrays.toString(back.get("weight").shape()));   // ==> [weight, bias] [5, 20]
check(back.get("weight").equal(lin.weight), "what was saved is what loads");

// 6. Why "close" and not "equal": float32 sums depend on their order.
float[] xs = fromTorch.input().select(0, 0).mul(lin.weight.select(0, 0)).toFloatArray();   // 20 products
float forward = 0f, backward = 0f;
for (int i = 0; i < xs.length; i++) forward += xs[i];
for (int i = xs.length - 1; i >= 0; i--) backward += xs[i];
double exact = 0;
for (float v : xs) exact += v;                               // the same sum in double precision
printf("left to right %.9f, right to left %.9f, in double %.9f%n", forward, backward, exact);
check(Math.abs(forward - exact) < 1e-5 && Math.abs(backward - exact) < 1e-5, "both orders within 1e-5 of the exact sum");
println("PyTorch's own float32 vs float64 difference for this case: " + fromTorch.metadata().get("max_abs_diff_f32_vs_f64"));

// 7. A model built here, moved to PyTorch: the nn.Module definition, and the weights to load into it.
Tensor.manualSeed(0);
var net = new Sequential(
    new Conv2d(1, 8, 3, Conv2d.options().padding(1)),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new Linear(8 * 4 * 4, 10));
checkShape(net.forward(Tensor.randn(2, 1, 8, 8)), 2, 10);    // ==> [2, 10]
net.save(outDir.resolve("10-net.safetensors"));
println(net.stateDict().keySet());                          // ==> [0.weight, 0.bias, 4.weight, 4.bias]
String python = PyTorchCode.program(net, outDir.resolve("10-net.safetensors").toString());
println(python);
check(python.contains("nn.Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))"), "the Conv2d as torch writes it");
check(python.contains("nn.MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"), "pooling too");
println(PyTorchCode.module(new Conv2d(3, 16, 3, Conv2d.options().padding("same").paddingMode("reflect"))));
// ==> nn.Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding='same', padding_mode='reflect')
println("Lesson 10 done: the workbook and PyTorch agree, and you can move a model either way.");
