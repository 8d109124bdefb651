// Wrong answers to jshell-scripts/exercises/05-conv2d.jsh: off-by-one sizes, a mutated input, a missing method.
// 5.1 and 5.6 are left out on purpose: a missing method "does not compile".

// off by one: forgets the "- 1" inside the floor
int convOutputSize(int size, int kernel, int stride, int padding, int dilation) {
    return (size + 2 * padding - dilation * (kernel - 1)) / stride + 1;
}

// right loops, but the output is sized with the off-by-one formula: a wrong shape
Tensor conv2dLoops(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
    int n = x.size(0), c = x.size(1), h = x.size(2), w = x.size(3);
    int out = weight.size(0), k = weight.size(2), perGroup = c / groups, outPerGroup = out / groups;
    int ho = convOutputSize(h, k, stride, padding, dilation), wo = convOutputSize(w, k, stride, padding, dilation);
    Tensor y = Tensor.zeros(n, out, ho, wo);
    for (int b = 0; b < n; b++)
        for (int o = 0; o < out; o++)
            for (int i = 0; i < ho; i++)
                for (int j = 0; j < wo; j++) {
                    float sum = bias.get(o);
                    for (int ci = 0; ci < perGroup; ci++)
                        for (int u = 0; u < k; u++)
                            for (int v = 0; v < k; v++) {
                                int r = i * stride - padding + u * dilation, q = j * stride - padding + v * dilation;
                                if (r >= 0 && r < h && q >= 0 && q < w) sum += weight.get(o, ci, u, v) * x.get(b, (o / outPerGroup) * perGroup + ci, r, q);
                            }
                    y.set(sum, b, o, i, j);
                }
    return y;
}

// zero-pads the image in place before reading it: "changed its argument #1 in place"
Tensor im2col(Tensor x, int kernelSize, int stride, int padding) {
    x.set(0f, 0, 0, 0);
    return Tensor.zeros(x.size(0) * kernelSize * kernelSize, 1);
}

// the right answer
int inFeaturesAfter(int channels, int height, int width, int[] layers) {
    for (int l = 0; l < layers.length; l += 4) {
        int out = layers[l], k = layers[l + 1], s = layers[l + 2], p = layers[l + 3];
        height = (height + 2 * p - k) / s + 1;
        width = (width + 2 * p - k) / s + 1;
        if (out > 0) channels = out;
    }
    return channels * height * width;
}
