// 01 · Tensors: shape, strides, views and copies, broadcasting, matmul shapes. Prose: lessons/01-tensors.md
// Open it with:  /open jshell-scripts/01-tensors.jsh

// 1. Shape: how many dims, and how long each one is.
var x = Tensor.arange(24).reshape(2, 3, 4);                  // torch.arange(24.).reshape(2, 3, 4)
println(x);
checkShape(x, 2, 3, 4);                                      // ==> [2, 3, 4]
println(x.size());                                           // ==> torch.Size([2, 3, 4]), as torch prints x.size()
check(x.size().equals(Tensor.zeros(2, 3, 4).size()), "sizes compare by value");
check(x.dim() == 3 && x.numel() == 24, "3 dims, 24 elements");
check(x.size(-1) == 4, "size(-1) is the last dim");          // ==> 4
var m = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});     // torch.tensor([[1., 2., 3.], [4., 5., 6.]])
checkShape(m, 2, 3);                                         // ==> [2, 3]

// 2. Strides: element [i, j, k] lives at offset + i*stride[0] + j*stride[1] + k*stride[2].
println(Arrays.toString(x.stride()));                        // ==> [12, 4, 1]
check(Arrays.equals(x.stride(), new int[] {12, 4, 1}), "row-major strides");
int i = 1, j = 2, k = 3;
int position = x.storageOffset() + i * x.stride()[0] + j * x.stride()[1] + k * x.stride()[2];
check(position == 23 && x.get(i, j, k) == 23f, "x[1, 2, 3] is storage element 23");   // ==> 23

// 3. Views share storage; copies do not.
var xt = x.transpose(0, 2);                                  // shape [4, 3, 2], no data moved
println(Arrays.toString(xt.stride()));                       // ==> [1, 4, 12]
check(xt.sharesStorageWith(x) && !xt.isContiguous(), "transpose is a view");
xt.set(-1f, 3, 2, 1);                                        // write through the view ...
check(x.get(1, 2, 3) == -1f, "... and the original changed");                  // ==> -1.0
x.set(23f, 1, 2, 3);
String viewError = "";
try {
    xt.view(24);
} catch (ShapeError e) {
    viewError = e.getMessage();
}
println(viewError.lines().findFirst().get());
check(viewError.startsWith("view size is not compatible with input tensor's size and stride"), "torch's text");
var flat = xt.reshape(24);                                   // reshape copies when a view is impossible
check(!flat.sharesStorageWith(x) && flat.get(1) == 12f, "reshape made a copy");   // ==> 12.0
check(x.reshape(6, 4).sharesStorageWith(x), "reshape of a contiguous tensor is a view");
check(!x.clone().sharesStorageWith(x), "clone always copies");
// PyTorch's attributes are methods in Java: x.T is x.T(), x.mT is x.mT(), x.dtype is x.dtype(), x.device is x.device().
var m23 = Tensor.arange(6).reshape(2, 3);
checkShape(m23.T(), 3, 2);                                   // ==> [3, 2]  m.T: the transpose, a view
checkShape(x.mT(), 2, 4, 3);                                 // ==> [2, 4, 3]  x.mT: the last two dims swapped
println(x.dtype() + " " + x.device());                       // ==> torch.float32 cpu
check(x.to("cpu") == x, "x.to(\"cpu\") is x itself; any other device is an error: the workbook is CPU-only");

// 4. Broadcasting: align shapes on the right; a dim of size 1 (or a missing dim) stretches.
var col = Tensor.arange(3).reshape(3, 1);                    // [[0], [1], [2]]
var row = Tensor.arange(4).mul(10);                          // [0, 10, 20, 30]
var grid = col.add(row);                                     // (3, 1) + (4) -> (3, 4)
println(grid);
checkShape(grid, 3, 4);                                      // ==> [3, 4]
check(grid.get(2, 3) == 32f, "grid[i, j] = i + 10 j");       // ==> 32.0
var stretched = row.expand(3, 4);                            // what broadcasting does to row, as a view
println(Arrays.toString(stretched.stride()));                // ==> [0, 1]
check(stretched.stride()[0] == 0, "a stretched dim has stride 0: no copy");
String broadcastError = "";
try {
    Tensor.zeros(2, 3).add(Tensor.zeros(4));
} catch (ShapeError e) {
    broadcastError = e.getMessage();
}
println(broadcastError);
check(broadcastError.startsWith("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"),
      "torch's text");

// 5. Matmul shapes: (n, m) @ (m, p) = (n, p); the inner sizes must agree.
Tensor matmulLoops(Tensor a, Tensor b) {
    int n = a.size(0), mm = a.size(1), p = b.size(1);
    var c = Tensor.zeros(n, p);
    for (int r = 0; r < n; r++) {
        for (int s = 0; s < p; s++) {
            float sum = 0f;
            for (int q = 0; q < mm; q++) sum += a.get(r, q) * b.get(q, s);   // C[r][s] = Σ_q A[r][q] B[q][s]
            c.set(sum, r, s);
        }
    }
    return c;
}
Tensor.manualSeed(0);
var a = Tensor.randn(2, 3);
var b = Tensor.randn(3, 5);
var c = a.matmul(b);
checkShape(c, 2, 5);                                         // ==> [2, 5]
check(matmulLoops(a, b).equal(c), "the triple loop gives the same bits as matmul");
check(Kernels.matmul(a, b, Kernels.Kind.PLAIN).equal(c), "the library's plain kernel: the same bits");
checkShape(Tensor.ones(3).matmul(Tensor.ones(3, 5)), 5);          // 1-D on the left: a row, then removed
checkShape(Tensor.ones(2, 3).matmul(Tensor.ones(3)), 2);          // 1-D on the right: a column, then removed
check(Tensor.ones(3).matmul(Tensor.ones(3)).dim() == 0, "vector @ vector is a 0-d dot product");
checkShape(Tensor.ones(7, 1, 2, 3).matmul(Tensor.ones(4, 3, 5)), 7, 4, 2, 5);   // batch dims broadcast
String matmulError = "";
try {
    a.matmul(Tensor.randn(4, 5));
} catch (ShapeError e) {
    matmulError = e.getMessage();
}
println(matmulError);
check(matmulError.startsWith("mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"), "torch's text");

// 6. Reductions: sum/mean/var along a dim remove it (keepdim=true keeps it as size 1).
checkShape(m.sum(0), 3);                                     // ==> [3]
checkShape(m.mean(1, true), 2, 1);                           // ==> [2, 1]
println(m.sum(0));                                           // ==> tensor([5., 7., 9.])
check(m.var().item() == 3.5f, "var is unbiased: sum((x - 3.5)^2) / (6 - 1)");   // ==> 3.5
check(m.max(1, false).equal(Tensor.of(new float[] {3, 6})), "row maxima");

// 7. Random numbers, exactly as torch draws them.
Tensor.manualSeed(0);                                        // torch.manual_seed(0)
var r = Tensor.rand(5);                                      // torch.rand(5)
println(r);                                                  // ==> tensor([0.4963, 0.7682, 0.0885, 0.1320, 0.3074])
check(r.toString().equals("tensor([0.4963, 0.7682, 0.0885, 0.1320, 0.3074])"), "torch's five numbers");
check(r.get(0) == 0.49625658988952637f, "bit for bit");
println("Lesson 01 done. Next: /open jshell-scripts/02-linear.jsh");
