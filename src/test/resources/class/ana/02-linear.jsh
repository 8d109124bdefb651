// An honest learner: every answer right.

int[] linearWeightShape(int inFeatures, int outFeatures) {
    return new int[] {outFeatures, inFeatures};
}

int[] linearBiasShape(int inFeatures, int outFeatures) {
    return new int[] {outFeatures};
}

float[] linearLoops(float[] x, float[] weight, float[] bias, int batch, int inFeatures, int outFeatures) {
    float[] y = new float[batch * outFeatures];
    for (int n = 0; n < batch; n++)
        for (int o = 0; o < outFeatures; o++) {
            float sum = bias[o];
            for (int i = 0; i < inFeatures; i++) sum += x[n * inFeatures + i] * weight[o * inFeatures + i];
            y[n * outFeatures + o] = sum;
        }
    return y;
}

Tensor linearMatmul(Tensor x, Tensor weight, Tensor bias) {
    return x.matmul(weight.t()).add(bias);
}

long linearParameterCount(int inFeatures, int outFeatures, boolean bias) {
    return (long) outFeatures * inFeatures + (bias ? outFeatures : 0);
}
