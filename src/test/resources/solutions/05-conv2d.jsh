// Reference solutions for jshell-scripts/exercises/05-conv2d.jsh (graded by ./workbook grade --solutions).

int[] conv2dWeightShape(int inChannels, int outChannels, int kernelSize, int groups) {
    return new int[] {outChannels, inChannels / groups, kernelSize, kernelSize};
}

int convOutputSize(int size, int kernel, int stride, int padding, int dilation) {
    return (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
}

Tensor conv2dLoops(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
    int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    int out = weight.size(0), k = weight.size(2), perGroup = c / groups, outPerGroup = out / groups;
    int ho = convOutputSize(h, k, stride, padding, dilation), wo = convOutputSize(w, k, stride, padding, dilation);
    Tensor y = Tensor.zeros(n, out, ho, wo);
    for (int b = 0; b < n; b++)
        for (int o = 0; o < out; o++) {
            int g = o / outPerGroup;
            for (int i = 0; i < ho; i++)
                for (int j = 0; j < wo; j++) {
                    float sum = bias.get(o);
                    for (int ci = 0; ci < perGroup; ci++)
                        for (int u = 0; u < k; u++)
                            for (int v = 0; v < k; v++) {
                                int r = i * stride - padding + u * dilation, q = j * stride - padding + v * dilation;
                                if (r >= 0 && r < h && q >= 0 && q < w) sum += weight.get(o, ci, u, v) * x.get(b, g * perGroup + ci, r, q);
                            }
                    y.set(sum, b, o, i, j);
                }
        }
    return y;
}

Tensor im2col(Tensor x, int kernelSize, int stride, int padding) {
    int c = x.size(0), h = x.size(1), w = x.size(2), k = kernelSize;
    int ho = convOutputSize(h, k, stride, padding, 1), wo = convOutputSize(w, k, stride, padding, 1);
    Tensor cols = Tensor.zeros(c * k * k, ho * wo);
    for (int ch = 0; ch < c; ch++)
        for (int u = 0; u < k; u++)
            for (int v = 0; v < k; v++)
                for (int i = 0; i < ho; i++)
                    for (int j = 0; j < wo; j++) {
                        int r = i * stride - padding + u, q = j * stride - padding + v;
                        if (r >= 0 && r < h && q >= 0 && q < w) cols.set(x.get(ch, r, q), (ch * k + u) * k + v, i * wo + j);
                    }
    return cols;
}

int inFeaturesAfter(int channels, int height, int width, int[] layers) {
    for (int l = 0; l < layers.length; l += 4) {
        int out = layers[l], k = layers[l + 1], s = layers[l + 2], p = layers[l + 3];
        height = convOutputSize(height, k, s, p, 1);
        width = convOutputSize(width, k, s, p, 1);
        if (out > 0) channels = out;
    }
    return channels * height * width;
}

long conv2dParameterCount(int inChannels, int outChannels, int kernelSize, int groups, boolean bias) {
    return (long) outChannels * (inChannels / groups) * kernelSize * kernelSize + (bias ? outChannels : 0);
}
