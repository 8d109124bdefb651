package layerwise.tensor;

/**
 * The matrix products with their derivatives. For C = A B (A: n×k, B: k×m), each C[i][j] = Σₖ A[i][k] B[k][j],
 * so dL/dA[i][k] = Σⱼ g[i][j] B[k][j] and dL/dB[k][j] = Σᵢ A[i][k] g[i][j]:
 * <pre>
 *   dA = g · Bᵀ      dB = Aᵀ · g
 * </pre>
 * both products themselves, on the kernel {@link Kernels} selects. A 1-D operand is a row (left) or a
 * column (right) for the formula, and broadcast batch dims are summed back ({@link Grads#sumTo}).
 */
final class MatmulGrad {
    private MatmulGrad() {
    }

    static Tensor mm(Tensor a, Tensor b) {
        return Autograd.op("MmBackward0", () -> Kernels.mm(a, b),
                (g, out) -> new Tensor[] {
                    a.requiresGrad ? Kernels.mm(g, Views.t(b)) : null,
                    b.requiresGrad ? Kernels.mm(Views.t(a), g) : null}, new Tensor[] {a, b}, a, b);
    }

    static Tensor bmm(Tensor a, Tensor b) {
        return Autograd.op("BmmBackward0", () -> Kernels.bmm(a, b),
                (g, out) -> new Tensor[] {
                    a.requiresGrad ? Kernels.bmm(g, Views.transpose(b, 1, 2)) : null,
                    b.requiresGrad ? Kernels.bmm(Views.transpose(a, 1, 2), g) : null}, new Tensor[] {a, b}, a, b);
    }

    /** torch.matmul in every form, named as PyTorch names its node for that form. */
    static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, b, Kernels.selected());
    }

    /** {@link #matmul(Tensor, Tensor)} with its forward and backward products on the given kernel. */
    static Tensor matmul(Tensor a, Tensor b, Kernels.Kind kind) {
        String name = a.dims.length == 1 && b.dims.length == 1 ? "DotBackward0"
                : a.dims.length == 2 && b.dims.length == 2 ? "MmBackward0"
                : a.dims.length == 2 && b.dims.length == 1 ? "MvBackward0"
                : a.dims.length == 1 ? "SqueezeBackward1" : "UnsafeViewBackward0";
        return Autograd.op(name, () -> Kernels.matmul(a, b, kind), (g, out) -> {
            Tensor a2 = a.dims.length == 1 ? Views.unsqueeze(a, 0) : a;
            Tensor b2 = b.dims.length == 1 ? Views.unsqueeze(b, 1) : b;
            Tensor g2 = g;
            if (a.dims.length == 1) g2 = Views.unsqueeze(g2, g2.dims.length - (b.dims.length == 1 ? 0 : 1));
            if (b.dims.length == 1) g2 = Views.unsqueeze(g2, g2.dims.length);
            Tensor da = a.requiresGrad ? Grads.sumTo(Kernels.matmul(g2, Views.transpose(b2, -2, -1), kind), a2.dims).reshape(a.dims)
                    : null;
            Tensor db = b.requiresGrad ? Grads.sumTo(Kernels.matmul(Views.transpose(a2, -2, -1), g2, kind), b2.dims).reshape(b.dims)
                    : null;
            return new Tensor[] {da, db};
        }, new Tensor[] {a, b}, a, b);
    }
}
