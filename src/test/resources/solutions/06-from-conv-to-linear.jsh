// Reference solutions for jshell-scripts/exercises/06-from-conv-to-linear.jsh (graded by ./workbook grade --solutions).

int[] stackOutputShape(int[] inputShape, int[] layers) {
    int c = inputShape[1], h = inputShape[2], w = inputShape[3];
    for (int l = 0; l < layers.length; l += 4) {
        int out = layers[l], k = layers[l + 1], s = layers[l + 2], p = layers[l + 3];
        h = (h + 2 * p - k) / s + 1;
        w = (w + 2 * p - k) / s + 1;
        if (out > 0) c = out;
    }
    return new int[] {inputShape[0], c, h, w};
}

int[] classifierWeightShape(int[] inputShape, int[] layers, int numClasses) {
    int[] out = stackOutputShape(inputShape, layers);
    return new int[] {numClasses, out[1] * out[2] * out[3]};
}

int[] convSettings(int size, int target) {
    for (int k = 1; k <= 11; k++)
        for (int s = 1; s <= 8; s++)
            for (int p = 0; p < k; p++)
                if (size + 2 * p >= k && (size + 2 * p - k) / s + 1 == target) return new int[] {k, s, p};
    throw new IllegalArgumentException("no Conv2d maps " + size + " to " + target);
}

long cnnParameterCount(int[] inputShape, int[] layers, int numClasses) {
    long count = 0;
    int c = inputShape[1];
    for (int l = 0; l < layers.length; l += 4) {
        int out = layers[l], k = layers[l + 1];
        if (out > 0) {
            count += (long) out * c * k * k + out;
            c = out;
        }
    }
    int[] classifier = classifierWeightShape(inputShape, layers, numClasses);
    return count + (long) classifier[0] * classifier[1] + numClasses;
}
