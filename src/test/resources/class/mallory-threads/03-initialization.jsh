// Honest seeded answers (3.3, 3.5) beside a thread that would draw from the random generator while they run.

class Drawer implements Runnable {
    public void run() { while (true) Tensor.rand(1); }
}

Runnable drawer = new Drawer();

int started = startDrawing();

int startDrawing() {
    new Thread(new Drawer()).start();
    return 1;
}

int[] fans(int[] shape) {
    int receptiveField = 1;
    for (int d = 2; d < shape.length; d++) receptiveField *= shape[d];
    return new int[] {shape[1] * receptiveField, shape[0] * receptiveField};
}

double xavierUniformBound(int fanIn, int fanOut, double gain) {
    return gain * Math.sqrt(6.0 / (fanIn + fanOut));
}

Tensor xavierUniform_(Tensor w, double gain) {
    int[] f = fans(w.shape());
    double a = xavierUniformBound(f[0], f[1], gain);
    return w.uniform_(-a, a);
}

double kaimingNormalStd(int[] shape, double a, String mode) {
    int[] f = fans(shape);
    int fan = mode.equals("fan_in") ? f[0] : f[1];
    return Math.sqrt(2.0 / (1 + a * a)) / Math.sqrt(fan);
}

Tensor kaimingNormal_(Tensor w, double a, String mode) {
    return w.normal_(0, kaimingNormalStd(w.shape(), a, mode));
}

double defaultInitBound(int[] weightShape) {
    return 1 / Math.sqrt(fans(weightShape)[0]);
}
