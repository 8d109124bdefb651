// Attacks with processes and the VM: a sleep that outlives grading, killing the grader, exit, halt.

int[] linearWeightShape(int inFeatures, int outFeatures) {
    try { new ProcessBuilder("sleep", "600").start(); } catch (Exception e) { }
    return new int[] {outFeatures, inFeatures};
}

int[] linearBiasShape(int inFeatures, int outFeatures) {
    ProcessHandle.current().parent().ifPresent(ProcessHandle::destroyForcibly);
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
    System.exit(0);
    return null;
}

long linearParameterCount(int inFeatures, int outFeatures, boolean bias) {
    Runtime.getRuntime().halt(0);
    return 0;
}
