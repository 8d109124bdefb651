// Hostile and wrong answers to jshell-scripts/exercises/02-linear.jsh: each must cost its own exercise only.

// loops forever: "did not return within"
int[] linearWeightShape(int inFeatures, int outFeatures) {
    while (true) { }
}

// recurses without end: "overflowed the stack"
int[] linearBiasShape(int inFeatures, int outFeatures) {
    return linearBiasShape(inFeatures + 1, outFeatures);
}

// the transposed weight: reads weight[i][o] of an (in, out) matrix instead of weight[o][i]: a wrong value
float[] linearLoops(float[] x, float[] weight, float[] bias, int batch, int inFeatures, int outFeatures) {
    float[] y = new float[batch * outFeatures];
    for (int n = 0; n < batch; n++)
        for (int o = 0; o < outFeatures; o++) {
            float sum = bias[o];
            for (int i = 0; i < inFeatures; i++) sum += x[n * inFeatures + i] * weight[i * outFeatures + o];
            y[n * outFeatures + o] = sum;
        }
    return y;
}

// ends the VM: "ended the grading VM"
Tensor linearMatmul(Tensor x, Tensor weight, Tensor bias) {
    System.exit(3);
    return x;
}

// allocates without bound: "ran out of memory"
long linearParameterCount(int inFeatures, int outFeatures, boolean bias) {
    List<float[]> hoard = new ArrayList<>();
    while (true) hoard.add(new float[1 << 20]);
}
