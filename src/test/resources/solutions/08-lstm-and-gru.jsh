// Reference solutions for jshell-scripts/exercises/08-lstm-and-gru.jsh (graded by ./workbook grade --solutions).

int[] lstmWeightIhShape(int inputSize, int hiddenSize) {
    return new int[] {4 * hiddenSize, inputSize};
}

float[] forgetGateWeights(float[] weightIh, int inputSize, int hiddenSize) {
    return Arrays.copyOfRange(weightIh, hiddenSize * inputSize, 2 * hiddenSize * inputSize);
}

/** W_ih x + b_ih and W_hh h + b_hh, each (gates*H). */
float[] affine(float[] w, float[] b, float[] v, int rows, int cols) {
    float[] y = new float[rows];
    for (int r = 0; r < rows; r++) {
        float s = b[r];
        for (int c = 0; c < cols; c++) s += w[r * cols + c] * v[c];
        y[r] = s;
    }
    return y;
}

float sigmoid(float a) {
    return (float) (1 / (1 + Math.exp(-a)));
}

float[] lstmStep(float[] x, float[] h, float[] c, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    int H = hiddenSize;
    float[] gi = affine(weightIh, biasIh, x, 4 * H, inputSize), gh = affine(weightHh, biasHh, h, 4 * H, H);
    float[] out = new float[2 * H];
    for (int j = 0; j < H; j++) {
        float i = sigmoid(gi[j] + gh[j]), f = sigmoid(gi[H + j] + gh[H + j]);
        float g = (float) Math.tanh(gi[2 * H + j] + gh[2 * H + j]), o = sigmoid(gi[3 * H + j] + gh[3 * H + j]);
        float cNext = f * c[j] + i * g;
        out[j] = o * (float) Math.tanh(cNext);
        out[H + j] = cNext;
    }
    return out;
}

float[] gruStep(float[] x, float[] h, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    int H = hiddenSize;
    float[] gi = affine(weightIh, biasIh, x, 3 * H, inputSize), gh = affine(weightHh, biasHh, h, 3 * H, H);
    float[] next = new float[H];
    for (int j = 0; j < H; j++) {
        float r = sigmoid(gi[j] + gh[j]), z = sigmoid(gi[H + j] + gh[H + j]);
        float n = (float) Math.tanh(gi[2 * H + j] + r * gh[2 * H + j]); // gh holds W_hn h + b_hn: b_hn inside r's product
        next[j] = (1 - z) * n + z * h[j];
    }
    return next;
}

long lstmParameterCount(int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
    int directions = bidirectional ? 2 : 1;
    long count = 0;
    for (int l = 0; l < numLayers; l++) {
        long in = l == 0 ? inputSize : (long) hiddenSize * directions;
        count += directions * 4L * (hiddenSize * in + (long) hiddenSize * hiddenSize + 2L * hiddenSize);
    }
    return count;
}
