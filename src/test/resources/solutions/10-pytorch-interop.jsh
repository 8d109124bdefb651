// Reference solutions for jshell-scripts/exercises/10-pytorch-interop.jsh (graded by ./workbook grade --solutions).

int[] lstmParameterShape(String key, int inputSize, int hiddenSize, int numLayers, boolean bidirectional) {
    int layer = Integer.parseInt(key.replaceAll(".*_l(\\d+).*", "$1"));
    int in = layer == 0 ? inputSize : (bidirectional ? 2 : 1) * hiddenSize;
    if (key.startsWith("weight_ih")) return new int[] {4 * hiddenSize, in};
    if (key.startsWith("weight_hh")) return new int[] {4 * hiddenSize, hiddenSize};
    return new int[] {4 * hiddenSize};
}

float[] readF32(byte[] data, int begin, int end) {
    float[] values = new float[(end - begin) / 4];
    for (int i = 0; i < values.length; i++) {
        int at = begin + 4 * i;
        int bits = (data[at] & 0xff) | (data[at + 1] & 0xff) << 8 | (data[at + 2] & 0xff) << 16 | (data[at + 3] & 0xff) << 24;
        values[i] = Float.intBitsToFloat(bits);
    }
    return values;
}

Tensor linearBiasAfterSeed(int inFeatures, int outFeatures) {
    double bound = 1 / Math.sqrt(inFeatures);
    Tensor.zeros(outFeatures, inFeatures).uniform_(-bound, bound); // the weight draws first
    return Tensor.zeros(outFeatures).uniform_(-bound, bound);
}

boolean parityPasses(float[] ours, float[] theirs) {
    for (int i = 0; i < ours.length; i++)
        if (Math.abs(ours[i] - theirs[i]) > 1e-5 + 1e-4 * Math.abs(theirs[i])) return false;
    return true;
}
