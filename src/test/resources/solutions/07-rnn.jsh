// Reference solutions for jshell-scripts/exercises/07-rnn.jsh (graded by ./workbook grade --solutions).

int[] rnnParameterShape(String name, int inputSize, int hiddenSize) {
    return switch (name) {
        case "weight_ih_l0" -> new int[] {hiddenSize, inputSize};
        case "weight_hh_l0" -> new int[] {hiddenSize, hiddenSize};
        default -> new int[] {hiddenSize};
    };
}

float[] rnnStep(float[] x, float[] h, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int inputSize, int hiddenSize) {
    float[] next = new float[hiddenSize];
    for (int j = 0; j < hiddenSize; j++) {
        float a = biasIh[j] + biasHh[j];
        for (int i = 0; i < inputSize; i++) a += weightIh[j * inputSize + i] * x[i];
        for (int k = 0; k < hiddenSize; k++) a += weightHh[j * hiddenSize + k] * h[k];
        next[j] = (float) Math.tanh(a);
    }
    return next;
}

float[] rnnForward(float[] xs, float[] h0, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh, int seqLen, int inputSize, int hiddenSize) {
    float[] outputs = new float[seqLen * hiddenSize];
    float[] h = h0;
    for (int t = 0; t < seqLen; t++) {
        float[] x = Arrays.copyOfRange(xs, t * inputSize, (t + 1) * inputSize);
        h = rnnStep(x, h, weightIh, weightHh, biasIh, biasHh, inputSize, hiddenSize);
        System.arraycopy(h, 0, outputs, t * hiddenSize, hiddenSize);
    }
    return outputs;
}

long rnnParameterCount(int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
    int directions = bidirectional ? 2 : 1;
    long count = 0;
    for (int l = 0; l < numLayers; l++) {
        long in = l == 0 ? inputSize : (long) hiddenSize * directions;
        count += directions * (hiddenSize * in + (long) hiddenSize * hiddenSize + 2L * hiddenSize);
    }
    return count;
}

int[] hiddenStateShape(int numLayers, boolean bidirectional, int batch, int hiddenSize) {
    return new int[] {numLayers * (bidirectional ? 2 : 1), batch, hiddenSize};
}
