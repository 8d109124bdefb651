// Wrong in the classic ways of backpropagation: dW laid out as (in, out), the bias gradient averaged instead of
// summed, cross-entropy's 1/N forgotten, a broadcast gradient left unsummed, the input written into, and
// autograd called where the exercise asks for the formula. 11.1, 11.4 and 11.5 are left out on purpose.

// gᵀ x computed, but stored as (in, out): the right numbers in the wrong places
float[] linearWeightGrad(float[] x, float[] g, int batch, int inFeatures, int outFeatures) {
    float[] dw = new float[outFeatures * inFeatures];
    for (int o = 0; o < outFeatures; o++)
        for (int k = 0; k < inFeatures; k++)
            for (int n = 0; n < batch; n++) dw[k * outFeatures + o] += g[n * outFeatures + o] * x[n * inFeatures + k];
    return dw;
}

// the mean over the batch: the bias was used by every row, so each row's gradient adds, it does not average
float[] linearBiasGrad(float[] g, int batch, int outFeatures) {
    float[] db = new float[outFeatures];
    for (int n = 0; n < batch; n++)
        for (int o = 0; o < outFeatures; o++) db[o] += g[n * outFeatures + o] / batch;
    return db;
}

// softmax minus one-hot, without the 1/N of the batch mean
float[] crossEntropyGrad(float[] logits, int[] labels, int batch, int classes) {
    float[] dz = new float[batch * classes];
    for (int n = 0; n < batch; n++) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (int c = 0; c < classes; c++) max = Math.max(max, logits[n * classes + c]);
        for (int c = 0; c < classes; c++) sum += Math.exp(logits[n * classes + c] - max);
        for (int c = 0; c < classes; c++) {
            dz[n * classes + c] = (float) (Math.exp(logits[n * classes + c] - max) / sum - (c == labels[n] ? 1 : 0));
        }
    }
    return dz;
}

// g handed back as it is: out's shape, not b's
float[] broadcastAddGrad(float[] g, int[] outShape, int[] bShape) {
    return g.clone();
}

// pads the input in place before the loops
Tensor conv2dWeightGrad(Tensor x, Tensor g, int kernelSize, int stride, int padding) {
    x.set(0f, 0, 0, 0, 0);
    return Tensor.zeros(g.size(1), x.size(1), kernelSize, kernelSize);
}

// autograd does the work: the exercise asks for the gate-by-gate formula in plain Java
float[] lstmStepBackward(float[] x, float[] h, float[] c, float[] weightIh, float[] weightHh, float[] biasIh, float[] biasHh,
                         float[] dhNext, float[] dcNext, int inputSize, int hiddenSize) {
    Tensor bias = Tensor.of(biasIh, 4 * hiddenSize).requiresGrad(true);
    bias.sum().backward();
    return bias.grad.toFloatArray();
}
