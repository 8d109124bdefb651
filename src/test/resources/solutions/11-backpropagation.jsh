// Reference solutions for jshell-scripts/exercises/11-backpropagation.jsh (graded by ./workbook grade --solutions).

float[] tanhNeuronGrads(double x, double w, double b) {
    double y = Math.tanh(w * x + b);
    double dz = 1 - y * y;                                   // dy/dz for z = w·x + b
    return new float[] {(float) (dz * w), (float) (dz * x), (float) dz};
}

// dW[o][k] = Σₙ g[n][o] · x[n][k]
float[] linearWeightGrad(float[] x, float[] g, int batch, int inFeatures, int outFeatures) {
    float[] dw = new float[outFeatures * inFeatures];
    for (int o = 0; o < outFeatures; o++)
        for (int k = 0; k < inFeatures; k++) {
            float s = 0f;
            for (int n = 0; n < batch; n++) s += g[n * outFeatures + o] * x[n * inFeatures + k];
            dw[o * inFeatures + k] = s;
        }
    return dw;
}

// db[o] = Σₙ g[n][o]
float[] linearBiasGrad(float[] g, int batch, int outFeatures) {
    float[] db = new float[outFeatures];
    for (int n = 0; n < batch; n++)
        for (int o = 0; o < outFeatures; o++) db[o] += g[n * outFeatures + o];
    return db;
}

// dx[n][k] = Σₒ g[n][o] · W[o][k]
float[] linearInputGrad(float[] g, float[] weight, int batch, int inFeatures, int outFeatures) {
    float[] dx = new float[batch * inFeatures];
    for (int n = 0; n < batch; n++)
        for (int k = 0; k < inFeatures; k++) {
            float s = 0f;
            for (int o = 0; o < outFeatures; o++) s += g[n * outFeatures + o] * weight[o * inFeatures + k];
            dx[n * inFeatures + k] = s;
        }
    return dx;
}

float[] activationBackward(String activation, float[] x, float[] g) {
    float[] dx = new float[x.length];
    for (int i = 0; i < x.length; i++) {
        double local;                                        // the activation's derivative at x[i]
        if (activation.equals("relu")) {
            local = x[i] > 0 ? 1 : 0;
        } else if (activation.equals("tanh")) {
            double t = Math.tanh(x[i]);
            local = 1 - t * t;
        } else {
            double s = 1 / (1 + Math.exp(-x[i]));
            local = s * (1 - s);
        }
        dx[i] = (float) (g[i] * local);
    }
    return dx;
}

// dL/dz[n][c] = (softmax(zₙ)[c] - [c = yₙ]) / N
float[] crossEntropyGrad(float[] logits, int[] labels, int batch, int classes) {
    float[] dz = new float[batch * classes];
    for (int n = 0; n < batch; n++) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int c = 0; c < classes; c++) max = Math.max(max, logits[n * classes + c]);
        for (int c = 0; c < classes; c++) sum += Math.exp(logits[n * classes + c] - max);
        for (int c = 0; c < classes; c++) {
            double p = Math.exp(logits[n * classes + c] - max) / sum;
            dz[n * classes + c] = (float) ((p - (c == labels[n] ? 1 : 0)) / batch);
        }
    }
    return dz;
}

// Every element of g adds into the element of b it was broadcast from: index d of b is 0 where b's dim is 1.
float[] broadcastAddGrad(float[] g, int[] outShape, int[] bShape) {
    int rank = outShape.length, lead = rank - bShape.length;
    int bNumel = 1;
    for (int s : bShape) bNumel *= s;
    float[] db = new float[bNumel];
    int[] index = new int[rank];
    for (int flat = 0; flat < g.length; flat++) {
        int rest = flat;
        for (int d = rank - 1; d >= 0; d--) {
            index[d] = rest % outShape[d];
            rest /= outShape[d];
        }
        int target = 0;
        for (int d = 0; d < bShape.length; d++) target = target * bShape[d] + (bShape[d] == 1 ? 0 : index[lead + d]);
        db[target] += g[flat];
    }
    return db;
}

// dW[o][c][i][j] = Σ_{n, oh, ow} g[n][o][oh][ow] · x[n][c][oh·s + i - p][ow·s + j - p]
Tensor conv2dWeightGrad(Tensor x, Tensor g, int kernelSize, int stride, int padding) {
    int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    int out = g.size(1), ho = g.size(2), wo = g.size(3), k = kernelSize;
    Tensor dw = Tensor.zeros(out, c, k, k);
    for (int o = 0; o < out; o++)
        for (int ch = 0; ch < c; ch++)
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) {
                    float s = 0f;
                    for (int b = 0; b < n; b++)
                        for (int oh = 0; oh < ho; oh++)
                            for (int ow = 0; ow < wo; ow++) {
                                int ih = oh * stride + i - padding, iw = ow * stride + j - padding;
                                if (ih >= 0 && ih < h && iw >= 0 && iw < w) s += g.get(b, o, oh, ow) * x.get(b, ch, ih, iw);
                            }
                    dw.set(s, o, ch, i, j);
                }
    return dw;
}

double sig(double v) {
    return 1 / (1 + Math.exp(-v));
}

float[] lstmStepBackward(float[] x, float[] h, float[] c, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh,
                         float[] dhNext, float[] dcNext, int inputSize, int hiddenSize) {
    int H = hiddenSize;
    double[] a = new double[4 * H];                          // the gate sums, i|f|g|o
    for (int r = 0; r < 4 * H; r++) {
        double s = biasIh[r] + biasHh[r];
        for (int k = 0; k < inputSize; k++) s += weightIh[r * inputSize + k] * x[k];
        for (int k = 0; k < H; k++) s += weightHh[r * H + k] * h[k];
        a[r] = s;
    }
    float[] result = new float[6 * H];
    double[] da = new double[4 * H];
    for (int j = 0; j < H; j++) {
        double i = sig(a[j]), f = sig(a[H + j]), g = Math.tanh(a[2 * H + j]), o = sig(a[3 * H + j]);
        double cNext = f * c[j] + i * g, tc = Math.tanh(cNext);
        double dO = dhNext[j] * tc;
        double dC = dcNext[j] + dhNext[j] * o * (1 - tc * tc);     // all the gradient reaching c'
        da[j] = dC * g * i * (1 - i);
        da[H + j] = dC * c[j] * f * (1 - f);
        da[2 * H + j] = dC * i * (1 - g * g);
        da[3 * H + j] = dO * o * (1 - o);
        result[5 * H + j] = (float) (dC * f);                      // dL/dc
    }
    for (int r = 0; r < 4 * H; r++) result[r] = (float) da[r];
    for (int k = 0; k < H; k++) {                                   // dL/dh = daᵀ W_hh
        double s = 0;
        for (int r = 0; r < 4 * H; r++) s += da[r] * weightHh[r * H + k];
        result[4 * H + k] = (float) s;
    }
    return result;
}
