// Wrong in the classic ways: bytes read big-endian, the bias drawn without the weight's draws before it,
// and a tolerance without its relative part. 10.1 changes its signature: the grader cannot call it.

int[] lstmParameterShape(String key, int inputSize, int hiddenSize) {
    return new int[] {4 * hiddenSize, inputSize};
}

float[] readF32(byte[] data, int begin, int end) {
    float[] values = new float[(end - begin) / 4];
    java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(data); // big-endian, Java's default
    for (int i = 0; i < values.length; i++) values[i] = buffer.getFloat(begin + 4 * i);
    return values;
}

Tensor linearBiasAfterSeed(int inFeatures, int outFeatures) {
    double bound = 1 / Math.sqrt(inFeatures);
    return Tensor.zeros(outFeatures).uniform_(-bound, bound); // the weight's draws are missing
}

boolean parityPasses(float[] ours, float[] theirs) {
    for (int i = 0; i < ours.length; i++) if (Math.abs(ours[i] - theirs[i]) > 1e-5) return false;
    return true;
}
