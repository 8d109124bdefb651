// Reference solutions for jshell-scripts/exercises/13-training-and-initialization.jsh (graded by ./workbook grade --solutions).

double crossEntropy(float[] logits, int[] labels, int batch, int classes) {
    double total = 0;
    for (int n = 0; n < batch; n++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) max = Math.max(max, logits[n * classes + c]);
        double sum = 0;
        for (int c = 0; c < classes; c++) sum += Math.exp(logits[n * classes + c] - max);
        // -log softmax[label] = log Σ exp(z - max) - (z[label] - max)
        total += Math.log(sum) - (logits[n * classes + labels[n]] - max);
    }
    return total / batch;
}

int[] confusionMatrix(int[] predicted, int[] labels, int classes) {
    int[] counts = new int[classes * classes];
    for (int i = 0; i < labels.length; i++) counts[labels[i] * classes + predicted[i]]++;
    return counts;
}

float[] sgdMomentum(float[] param, float[] grads, int steps, double lr, double momentum) {
    int n = param.length;
    float[] p = param.clone(), buf = new float[n];
    for (int s = 0; s < steps; s++) {
        for (int i = 0; i < n; i++) {
            float g = grads[s * n + i];
            buf[i] = s == 0 ? g : (float) (momentum * buf[i] + g);
            p[i] -= (float) (lr * buf[i]);
        }
    }
    return p;
}

float[] adam(float[] param, float[] grads, int steps, double lr, double beta1, double beta2, double eps) {
    int n = param.length;
    float[] p = param.clone();
    double[] m = new double[n], v = new double[n];
    for (int t = 1; t <= steps; t++) {
        for (int i = 0; i < n; i++) {
            double g = grads[(t - 1) * n + i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double mHat = m[i] / (1 - Math.pow(beta1, t)), vHat = v[i] / (1 - Math.pow(beta2, t));
            p[i] -= (float) (lr * mHat / (Math.sqrt(vHat) + eps));
        }
    }
    return p;
}

double accuracy(float[] logits, int[] labels, int batch, int classes) {
    int right = 0;
    for (int n = 0; n < batch; n++) {
        int best = 0;
        for (int c = 1; c < classes; c++) if (logits[n * classes + c] > logits[n * classes + best]) best = c;
        if (best == labels[n]) right++;
    }
    return (double) right / batch;
}

Tensor trainSpirals(Tensor x, Tensor y, Tensor xTest, int steps) {
    var model = new Sequential(new Linear(2, 64), new ReLU(), new Linear(64, 64), new ReLU(), new Linear(64, 3));
    var lossFn = new CrossEntropyLoss();
    var optimizer = new Adam(model.parameters(), 0.01);
    model.train();
    for (int step = 0; step < steps; step++) {
        optimizer.zeroGrad();
        var loss = lossFn.forward(model.forward(x), y);
        loss.backward();
        optimizer.step();
    }
    model.eval();
    try (var off = Autograd.noGrad()) {
        return model.forward(xTest);
    }
}

Tensor tanhWeight(int outFeatures, int inFeatures) {
    return Init.xavierUniform(Tensor.empty(outFeatures, inFeatures), Init.calculateGain("tanh"));
}
