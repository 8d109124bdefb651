package layerwise.tensor;

/**
 * A sequence {@code (T, N, features)} seen as T·N rows of one matrix, for the product of all steps at once:
 * row (t, b) is row {@code t·N + b} when time-major (the usual layout) or {@code b·T + t} when batch-major (a
 * batch_first input read through its transposed view), each {@code rowStride} apart. A layout that is
 * neither is copied once.
 */
record SequenceRows(float[] data, int offset, int steps, int batch, int features, int rowStride, int featureStride,
                    boolean timeMajor) {

    static SequenceRows of(Tensor seq) {
        int steps = seq.dims[0], batch = seq.dims[1], features = seq.dims[2];
        int st = seq.strides[0], sb = seq.strides[1], sf = seq.strides[2];
        if (batch == 1) return new SequenceRows(seq.storage, seq.offset, steps, batch, features, st, sf, true);
        if (steps == 1 || st == batch * sb) return new SequenceRows(seq.storage, seq.offset, steps, batch, features, sb, sf, true);
        if (sb == steps * st) return new SequenceRows(seq.storage, seq.offset, steps, batch, features, st, sf, false);
        Tensor c = seq.clone();
        return new SequenceRows(c.storage, c.offset, steps, batch, features, c.strides[1], c.strides[2], true);
    }
}
