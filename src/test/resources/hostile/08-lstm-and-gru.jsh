// Classic slips in the gated steps: each is a wrong answer.

// gates read in the order i|g|f|o instead of i|f|g|o
float[] lstmStep(float[] x, float[] h, float[] c, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    int H = hiddenSize;
    float[] out = new float[2 * H];
    for (int j = 0; j < H; j++) {
        float[] a = new float[4];
        for (int gate = 0; gate < 4; gate++) {
            int r = gate * H + j;
            a[gate] = biasIh[r] + biasHh[r];
            for (int i = 0; i < inputSize; i++) a[gate] += weightIh[r * inputSize + i] * x[i];
            for (int k = 0; k < H; k++) a[gate] += weightHh[r * H + k] * h[k];
        }
        float i = sig(a[0]), g = (float) Math.tanh(a[1]), f = sig(a[2]), o = sig(a[3]);
        out[H + j] = f * c[j] + i * g;
        out[j] = o * (float) Math.tanh(out[H + j]);
    }
    return out;
}

float sig(float a) {
    return (float) (1 / (1 + Math.exp(-a)));
}

// b_hn outside the reset product: n = tanh(W_in x + b_in + r * (W_hn h) + b_hn)
float[] gruStep(float[] x, float[] h, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    int H = hiddenSize;
    float[] next = new float[H];
    for (int j = 0; j < H; j++) {
        float[] xi = new float[3], hh = new float[3];
        for (int gate = 0; gate < 3; gate++) {
            int r = gate * H + j;
            xi[gate] = biasIh[r];
            for (int i = 0; i < inputSize; i++) xi[gate] += weightIh[r * inputSize + i] * x[i];
            for (int k = 0; k < H; k++) hh[gate] += weightHh[r * H + k] * h[k];
        }
        float r = sig(xi[0] + hh[0] + biasHh[j]), z = sig(xi[1] + hh[1] + biasHh[H + j]);
        float n = (float) Math.tanh(xi[2] + r * hh[2] + biasHh[2 * H + j]);
        next[j] = (1 - z) * n + z * h[j];
    }
    return next;
}
