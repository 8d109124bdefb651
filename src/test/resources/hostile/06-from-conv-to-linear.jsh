// Wrong in the classic ways: the size formula without its "+ 1", the classifier's weight written (in, out),
// and a Conv2d "found" with more padding than kernel. 6.4 is right.

int[] stackOutputShape(int[] inputShape, int[] layers) {
    int c = inputShape[1], h = inputShape[2], w = inputShape[3];
    for (int l = 0; l < layers.length; l += 4) {
        int out = layers[l], k = layers[l + 1], s = layers[l + 2], p = layers[l + 3];
        h = (h + 2 * p - k) / s; // off by one
        w = (w + 2 * p - k) / s;
        if (out > 0) c = out;
    }
    return new int[] {inputShape[0], c, h, w};
}

int[] classifierWeightShape(int[] inputShape, int[] layers, int numClasses) {
    int c = inputShape[1], h = inputShape[2], w = inputShape[3];
    for (int l = 0; l < layers.length; l += 4) {
        h = (h + 2 * layers[l + 3] - layers[l + 1]) / layers[l + 2] + 1;
        w = (w + 2 * layers[l + 3] - layers[l + 1]) / layers[l + 2] + 1;
        if (layers[l] > 0) c = layers[l];
    }
    return new int[] {c * h * w, numClasses}; // (in, out): transposed
}

int[] convSettings(int size, int target) {
    return new int[] {1, 1, (target - size + 1) / 2 + 1}; // padding as large as it needs, beyond the kernel
}

long cnnParameterCount(int[] inputShape, int[] layers, int numClasses) {
    long count = 0;
    int c = inputShape[1], h = inputShape[2], w = inputShape[3];
    for (int l = 0; l < layers.length; l += 4) {
        int out = layers[l], k = layers[l + 1], s = layers[l + 2], p = layers[l + 3];
        if (out > 0) {
            count += (long) out * c * k * k + out;
            c = out;
        }
        h = (h + 2 * p - k) / s + 1;
        w = (w + 2 * p - k) / s + 1;
    }
    return count + (long) numClasses * c * h * w + numClasses;
}
