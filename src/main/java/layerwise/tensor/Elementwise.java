package layerwise.tensor;

/** Elementwise ops. Binary ops broadcast (Shapes.broadcast); results are new contiguous tensors. */
final class Elementwise {
    private Elementwise() {
    }

    /** out = op(a, b) over the broadcast shape of a and b. */
    static Tensor binary(Tensor a, Tensor b, Strided.BinaryOp op) {
        int[] shape = Shapes.broadcast(a.dims, b.dims);
        Tensor out = Tensor.zeros(shape);
        Strided.apply(out, Views.expand(a, shape), Views.expand(b, shape), op);
        return out;
    }

    /** out = op(a) elementwise; a {@link Unary} op runs its own loop, any other op is called per element. */
    static Tensor unary(Tensor a, Strided.UnaryOp op) {
        Source in = Source.of(a);
        if (op instanceof Unary u) {
            u.map(in.data, in.from, in.out, in.out.length);
        } else {
            for (int i = 0; i < in.out.length; i++) in.out[i] = op.apply(in.data[in.from + i]);
        }
        return in.result(a);
    }

    /** out = a op c for a number c, e.g. x.mul(2): one loop with c held in a register. */
    static Tensor withScalar(Tensor a, Arith op, float c) {
        Source in = Source.of(a);
        op.right(in.out, 0, in.data, in.from, c, in.out.length);
        return in.result(a);
    }

    /**
     * Where a one-input op reads and writes: a contiguous input is read where it lies, into a new array; any
     * other is first copied in row-major order, and that copy is then overwritten element by element.
     */
    private record Source(float[] data, int from, float[] out) {
        static Source of(Tensor a) {
            if (a.isContiguous()) return new Source(a.storage, a.offset, Storage.allocate(a.dims));
            float[] copy = Strided.toArray(a);
            return new Source(copy, 0, copy);
        }

        Tensor result(Tensor a) {
            return new Tensor(out, a.dims.clone(), Shapes.contiguousStrides(a.dims), 0);
        }
    }

    /**
     * An expanded view (stride 0 along a dim of size &gt; 1) has several elements in one memory cell, so a
     * write of different values to them would keep only the last. torch refuses that; so do we.
     */
    static void checkWritable(Tensor self, String what) {
        for (int d = 0; d < self.dims.length; d++) {
            if (self.strides[d] == 0 && self.dims[d] > 1) {
                throw new IllegalArgumentException(TorchError.compose("unsupported operation: more than one element of the "
                        + "written-to tensor refers to a single memory location. Please clone() the tensor before "
                        + "performing the operation.",
                        "This tensor " + Shapes.str(self.dims) + " is an expanded view: dim " + d + " has stride 0, so its "
                                + self.dims[d] + " elements share one float, and " + what + " would write different values there.",
                        "call clone() (or contiguous()) first and write into the copy."));
            }
        }
    }

    /** self = src, broadcast; a source that is self's shape transposed gets the weight-layout repair. */
    static Tensor copy(Tensor self, Tensor src) {
        try {
            return inPlace(self, src, Arith.COPY);
        } catch (ShapeError e) {
            ShapeHints.Hint hint = ShapeHints.transposedCopy(self.dims, src.dims);
            if (hint == null) throw e;
            throw new ShapeError(e.torchMessage(), hint.meaning(), hint.fix());
        }
    }

    /** self = op(self, src) in place, src broadcast to self's shape (which may not change). */
    static Tensor inPlace(Tensor self, Tensor src, Strided.BinaryOp op) {
        // the tensor method that runs it, for the messages: add_, copy_, ...
        String name = op instanceof Arith a ? a.name().toLowerCase(java.util.Locale.ROOT) + "_" : "the in-place op";
        int[] shape;
        try {
            shape = Shapes.broadcast(self.dims, src.dims);
        } catch (ShapeError e) {
            throw onlySourceBroadcasts(e.torchMessage(), self, src, name);
        }
        if (!java.util.Arrays.equals(shape, self.dims)) {
            throw onlySourceBroadcasts("output with shape " + Shapes.str(self.dims) + " doesn't match the broadcast shape "
                    + Shapes.str(shape), self, src, name);
        }
        checkWritable(self, "an in-place op");
        Tensor source = Views.expand(src, shape);
        if (self.storage == src.storage) source = new Tensor(Strided.toArray(source), shape, Shapes.contiguousStrides(shape), 0);
        Strided.apply(self, self, source, op);
        return self;
    }

    /**
     * In place, only the source broadcasts: the tensor written into keeps its shape. So the general fix of a
     * broadcast, "make one of them 1", does not apply: the source must fit this tensor.
     */
    private static ShapeError onlySourceBroadcasts(String torchMessage, Tensor self, Tensor src, String name) {
        boolean copy = name.equals("copy_");
        String source = copy ? "the source" : "the other operand";
        return new ShapeError(torchMessage, name + " writes " + source + " " + Shapes.str(src.dims) + " into this tensor "
                + Shapes.str(self.dims) + ", whose shape never changes: only " + source + " broadcasts, so each of its dims, "
                + "lined up from the right, must equal this tensor's or be 1.",
                "give " + source + " this tensor's shape " + Shapes.str(self.dims) + ", or one that broadcasts to it (a dim of 1"
                        + " is repeated)" + (copy || !name.endsWith("_") ? "" : "; or use the out-of-place "
                        + name.substring(0, name.length() - 1) + ", whose result takes the broadcast shape"));
    }

    /** (float) of the double result: Math.exp/log/tanh are within 1 ulp, so the cast rounds like torch's float kernels. */
    static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    static float relu(float x) {
        return Float.isNaN(x) ? x : Math.max(x, 0f);
    }

    /** torch.clamp: max wins when min > max; NaN stays NaN. */
    static float clamp(float x, float min, float max) {
        if (Float.isNaN(x)) return x;
        return Math.min(Math.max(x, min), max);
    }
}
