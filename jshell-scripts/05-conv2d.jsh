// 05 · Conv2d: sliding a small kernel over an image, from loops to im2col + matmul. Prose: lessons/05-conv2d.md
// Open it with:  /open jshell-scripts/05-conv2d.jsh

// 1. Example: Conv2d(3, 16, 3, padding=1) with PyTorch's numbers.
Tensor.manualSeed(0);                                        // torch.manual_seed(0)
var conv = new Conv2d(3, 16, 3, Conv2d.options().padding(1));  // nn.Conv2d(3, 16, 3, padding=1)
println(conv);                                               // ==> Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
checkShape(conv.weight, 16, 3, 3, 3);                        // ==> [16, 3, 3, 3]
checkShape(conv.bias, 16);                                   // ==> [16]
var img = Tensor.randn(1, 3, 32, 32);                        // torch.randn(1, 3, 32, 32)
var out = conv.forward(img);
checkShape(out, 1, 16, 32, 32);                              // ==> [1, 16, 32, 32]
checkClose(out.get(0, 0, 0, 0), -0.31455790996551514f, 1e-5f, "out[0, 0, 0, 0] as torch");   // ==> -0.3146
checkClose(out.sum().item(), -517.1293f, 2e-3f, "out.sum() as torch");                        // ==> -517.1293
check(conv.numParameters() == 16 * 3 * 3 * 3 + 16, "448 parameters");                          // ==> 448
// positional (stride, padding), as nn.Conv2d(3, 16, 3, 1, 1); built after the draws above, which it would shift
check(new Conv2d(3, 16, 3, 1, 1).toString().equals(conv.toString()), "the same layer as options().padding(1)");

// 2. The output size: how many positions the (dilated) kernel fits in the padded input, every s-th.
int outSize(int in, int k, int s, int p, int d) {
    return (in + 2 * p - d * (k - 1) - 1) / s + 1;           // floor((in + 2p - d(k-1) - 1) / s) + 1
}
check(outSize(32, 3, 1, 1, 1) == 32, "k3 p1 keeps the size");                                  // ==> 32
var strided = new Conv2d(3, 8, 3, Conv2d.options().stride(2).padding(1));
checkShape(strided.forward(img), 1, 8, outSize(32, 3, 2, 1, 1), outSize(32, 3, 2, 1, 1));       // ==> [1, 8, 16, 16]
var rect = new Conv2d(3, 8, new int[] {5, 3}, Conv2d.options().stride(3, 1).padding(0, 2));
checkShape(rect.forward(img), 1, 8, outSize(32, 5, 3, 0, 1), outSize(32, 3, 1, 2, 1));          // ==> [1, 8, 10, 34]

// 3. padding "valid", "same", and the asymmetric split of "same".
checkShape(new Conv2d(3, 8, 5, Conv2d.options().padding("valid")).forward(img), 1, 8, 28, 28);  // ==> [1, 8, 28, 28]
var same4 = new Conv2d(3, 8, 4, Conv2d.options().padding("same"));
checkShape(same4.forward(img), 1, 8, 32, 32);                // ==> [1, 8, 32, 32]
var sides = Functional.samePadding(4, 4, same4.dilation());       // what the layer pads, per side
println(Arrays.toString(sides));                             // ==> [1, 2, 1, 2]  (left, right, top, bottom)
check(Arrays.equals(sides, new int[] {1, 2, 1, 2}), "the extra column/row goes right/bottom");

// 4. Dilation: taps d apart, so a 3x3 kernel with d=2 spans 5x5.
var dilated = new Conv2d(3, 8, 3, Conv2d.options().dilation(2));
checkShape(dilated.forward(img), 1, 8, outSize(32, 3, 1, 0, 2), outSize(32, 3, 1, 0, 2));       // ==> [1, 8, 28, 28]

// 5. Groups: each group of in/groups channels gets its own filters. Depthwise: groups = in_channels.
var grouped = new Conv2d(6, 4, 3, Conv2d.options().groups(2));
checkShape(grouped.weight, 4, 3, 3, 3);                      // ==> [4, 3, 3, 3]  (in/groups = 3)
var depthwise = new Conv2d(3, 3, 3, Conv2d.options().groups(3).padding(1));
checkShape(depthwise.weight, 3, 1, 3, 3);                    // ==> [3, 1, 3, 3]
check(depthwise.numParameters() == 3 * 9 + 3, "30 parameters instead of 84");
var oneChannel = depthwise.forward(img).select(1, 2);        // channel 2 sees only input channel 2
var alone = Functional.conv2d(img.narrow(1, 2, 1), depthwise.weight.narrow(0, 2, 1), depthwise.bias.narrow(0, 2, 1),
    new int[] {1}, new int[] {1}, new int[] {1}, 1).select(1, 0);
check(oneChannel.allclose(alone, 1e-5, 1e-6), "depthwise: output channel 2 depends on input channel 2 only");

// 6. Padding modes on a small image.
var tiny = Tensor.arange(9).reshape(1, 1, 3, 3);
for (String mode : List.of("zeros", "reflect", "replicate", "circular")) {   // Conv2d's padding_mode names
    new Conv2d(1, 1, 3, Conv2d.options().padding(1).paddingMode(mode));      // each is a valid padding_mode
    String padMode = mode.equals("zeros") ? "constant" : mode;               // F.pad calls zeros "constant"
    println(mode + ":\n" + Functional.pad(tiny, new int[] {1, 1, 1, 1}, padMode).select(0, 0).select(0, 0));
}
check(Functional.pad(tiny, new int[] {1, 1, 1, 1}, "reflect").get(0, 0, 0, 0) == 4f, "reflect mirrors without the edge");
check(Functional.pad(tiny, new int[] {1, 1, 1, 1}, "replicate").get(0, 0, 0, 0) == 0f, "replicate repeats the edge");
check(Functional.pad(tiny, new int[] {1, 1, 1, 1}, "circular").get(0, 0, 0, 0) == 8f, "circular wraps around");
var reflectConv = new Conv2d(1, 1, 3, Conv2d.options().padding(1).paddingMode("reflect"));
checkShape(reflectConv.forward(tiny), 1, 1, 3, 3);          // ==> [1, 1, 3, 3]

// 7. Convolution as loops: out[n,o,i,j] = b[o] + Σ_c Σ_u Σ_v W[o,c,u,v] · xp[n, c, i·s + u, j·s + v].
Tensor conv2dLoops(Tensor x, Tensor w, Tensor b, int stride, int pad) {
    int n = x.size(0), c = x.size(1), h = x.size(2), wd = x.size(3);
    int o = w.size(0), k = w.size(2);
    int oh = outSize(h, k, stride, pad, 1), ow = outSize(wd, k, stride, pad, 1);
    var y = Tensor.zeros(n, o, oh, ow);
    for (int ni = 0; ni < n; ni++)
        for (int oi = 0; oi < o; oi++)
            for (int i = 0; i < oh; i++)
                for (int j = 0; j < ow; j++) {
                    float sum = b.get(oi);
                    for (int ci = 0; ci < c; ci++)
                        for (int u = 0; u < k; u++)
                            for (int v = 0; v < k; v++) {
                                int row = i * stride + u - pad, col = j * stride + v - pad;
                                if (row >= 0 && row < h && col >= 0 && col < wd) sum += w.get(oi, ci, u, v) * x.get(ni, ci, row, col);
                            }
                    y.set(sum, ni, oi, i, j);
                }
    return y;
}
var small = Tensor.randn(2, 3, 8, 8);
check(conv2dLoops(small, conv.weight, conv.bias, 1, 1).allclose(conv.forward(small), 1e-4, 1e-5), "loops = Conv2d");
check(conv2dLoops(small, strided.weight, strided.bias, 2, 1).allclose(strided.forward(small), 1e-4, 1e-5), "stride 2 too");

// 8. ... then im2col + matmul: each receptive field becomes a column; the convolution is W (O × C·k·k) @ cols.
Tensor im2col(Tensor x, int k, int pad) {                    // one image (C, H, W), stride 1
    var xp = Functional.pad(x, new int[] {pad, pad, pad, pad});
    int c = x.size(0), oh = xp.size(1) - k + 1, ow = xp.size(2) - k + 1;
    var cols = Tensor.zeros(c * k * k, oh * ow);
    for (int ci = 0; ci < c; ci++)
        for (int u = 0; u < k; u++)
            for (int v = 0; v < k; v++)
                for (int i = 0; i < oh; i++)
                    for (int j = 0; j < ow; j++) cols.set(xp.get(ci, i + u, j + v), (ci * k + u) * k + v, i * ow + j);
    return cols;
}
var cols = im2col(small.select(0, 0), 3, 1);
checkShape(cols, 27, 64);                                    // ==> [27, 64]  (3·3·3 rows, 8·8 positions)
var viaMatmul = conv.weight.reshape(16, 27).matmul(cols).add(conv.bias.reshape(16, 1)).reshape(16, 8, 8);
check(viaMatmul.allclose(conv.forward(small).select(0, 0), 1e-4, 1e-5), "im2col + matmul = Conv2d");

// 9. Sizing the Linear after a conv stack: C · H · W after the last layer.
int side = outSize(outSize(32, 3, 1, 1, 1) / 2, 3, 1, 1, 1) / 2;     // conv k3 p1, pool 2, conv k3 p1, pool 2
check(side == 8, "32 -> 16 -> 8");
var net = new Sequential(
    new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
    new Conv2d(16, 32, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
    new Flatten(), new Linear(32 * side * side, 10));
println(net);
checkShape(net.forward(Tensor.randn(4, 3, 32, 32)), 4, 10);  // ==> [4, 10]
String mistake = "";
try {
    new Sequential(new Conv2d(3, 16, 3), new Flatten(), new Linear(16 * 32 * 32, 10)).forward(img);
} catch (ShapeError e) {
    mistake = e.getMessage();
}
println(mistake);
check(mistake.startsWith("mat1 and mat2 shapes cannot be multiplied (1x14400 and 16384x10)"), "no padding: 30x30, not 32x32");
check(mistake.contains("(0) Conv2d: padding=1 gives 16×32×32 = 16384"), "the message names the padding that keeps 32x32");

// ---------------------------------------------------------------------------------------------------
// 10. Pictures: kernels and feature maps of a small generated image.
var picture = Tensor.zeros(1, 1, 16, 16);                    // a bright 8×8 square on a dark 16×16 image
for (int i = 4; i < 12; i++) for (int j = 4; j < 12; j++) picture.set(1f, 0, 0, i, j);
var handKernels = new Conv2d(1, 3, 3, Conv2d.options().padding(1).bias(false));
try (var noGrad = Autograd.noGrad()) {                      // setting weights by hand: as PyTorch's with torch.no_grad():
    handKernels.weight.copy_(Tensor.of(new float[] {
        -1, 0, 1,  -2, 0, 2,  -1, 0, 1,                      // Sobel x: brightness rising to the right
        -1, -2, -1,  0, 0, 0,  1, 2, 1,                      // Sobel y: brightness rising downwards
        1f / 9, 1f / 9, 1f / 9,  1f / 9, 1f / 9, 1f / 9,  1f / 9, 1f / 9, 1f / 9}, 3, 1, 3, 3));   // blur
}
var handMaps = handKernels.forward(picture);
checkShape(handMaps, 1, 3, 16, 16);                          // ==> [1, 3, 16, 16]
checkClose(handMaps.get(0, 0, 8, 3), 4f, 0f, "Sobel x fires on the square's left edge");
checkClose(handMaps.get(0, 0, 8, 8), 0f, 0f, "... and is 0 where the image is flat");
var handNames = List.of("Sobel x", "Sobel y", "blur (1/9 each)");
Plots.heatmap(picture.select(0, 0).select(0, 0), "input: an 8x8 square of ones", "05-image");
// each kernel on its own colour scale: on Sobel's ±2 the blur's 1/9s would look blank
Plots.imageGridOwnScales(handKernels.weight, "three hand-made 3x3 kernels, each on its own scale", handNames, "05-kernels-hand");
Plots.imageGrid(handMaps, "their feature maps of the square", handNames, "05-feature-maps-hand");
Tensor.manualSeed(0);
var randomKernels = new Conv2d(1, 8, 3, Conv2d.options().padding(1));   // PyTorch's default init
Plots.imageGrid(randomKernels.weight, "the 8 kernels of a fresh Conv2d(1, 8, 3)", List.of(), "05-kernels-default-init");
Plots.imageGrid(randomKernels.forward(picture), "their 8 feature maps (bias included)", List.of(), "05-feature-maps-default-init");
println("Lesson 05 done. Next: /open jshell-scripts/06-from-conv-to-linear.jsh");
