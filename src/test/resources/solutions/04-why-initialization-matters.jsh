// Reference solutions for jshell-scripts/exercises/04-why-initialization-matters.jsh.

double outputVariance(int fanIn, double weightVariance, double inputVariance) {
    return fanIn * weightVariance * inputVariance;
}

double xavierNormalStd(int fanIn, int fanOut) {
    return Math.sqrt(2.0 / (fanIn + fanOut));
}

float[] layerStds(float[] x, int batch, int width, float[] weights, int depth, String activation) {
    float[] stds = new float[depth];
    Tensor h = Tensor.of(x, batch, width);
    for (int l = 0; l < depth; l++) {
        Tensor w = Tensor.of(Arrays.copyOfRange(weights, l * width * width, (l + 1) * width * width), width, width);
        Tensor pre = h.matmul(w.t());
        h = activation.equals("relu") ? pre.relu() : pre.tanh();
        stds[l] = h.std().item();
    }
    return stds;
}
