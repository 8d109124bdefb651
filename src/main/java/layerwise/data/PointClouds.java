package layerwise.data;

import layerwise.tensor.Generator;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;

/**
 * Two-dimensional classification sets drawn from a generator of their own, so a seed gives the same set
 * whatever else the program draws. The random numbers are torch's (randn, randperm on
 * {@code torch.Generator().manual_seed(seed)}); sin and cos are Java's, so a PyTorch rebuild of a recipe
 * agrees to float32 rounding, not bit for bit.
 */
final class PointClouds {
    private PointClouds() {
    }

    /**
     * CS231n's spirals: class c is an arm of {@code perClass} points, point i at radius r_i and angle t_i,
     * <pre>
     * r_i = linspace(0, 1, perClass)[i]
     * t_i = linspace(4c, 4c + 4, perClass)[i] + 0.2 * randn(perClass, generator=g)[i]
     * x_i = (r_i sin t_i, r_i cos t_i),  y_i = c
     * </pre>
     * Items are ordered class by class (a shuffling DataLoader mixes them).
     */
    static TensorDataset spirals(int perClass, int classes, long seed) {
        positive(perClass, "perClass", "spirals");
        positive(classes, "classes", "spirals");
        Generator g = new Generator().manualSeed(seed);
        float[] radius = Tensor.linspace(0, 1, perClass).toFloatArray();
        float[] x = new float[perClass * classes * 2];
        float[] y = new float[perClass * classes];
        for (int c = 0; c < classes; c++) {
            float[] angle = Tensor.linspace(4 * c, 4 * c + 4, perClass).toFloatArray();
            float[] noise = Tensor.randn(g, perClass).toFloatArray();
            for (int i = 0; i < perClass; i++) {
                int item = c * perClass + i;
                float t = angle[i] + noise[i] * 0.2f;
                x[2 * item] = radius[i] * (float) Math.sin(t);
                x[2 * item + 1] = radius[i] * (float) Math.cos(t);
                y[item] = c;
            }
        }
        return new TensorDataset(Tensor.of(x, perClass * classes, 2), Tensor.of(y, perClass * classes));
    }

    /**
     * scikit-learn's make_moons(n, shuffle=True, noise): two interleaving half circles,
     * <pre>
     * outer (label 0), n / 2 points:      (cos s, sin s),              s = linspace(0, pi, n / 2)
     * inner (label 1), n - n / 2 points:  (1 - cos s, 1 - sin s - 0.5), s = linspace(0, pi, n - n / 2)
     * </pre>
     * then shuffled by randperm(n, generator=g) and moved by noise * randn(n, 2, generator=g), in that order
     * as scikit-learn does (its numbers come from numpy's generator, so the points are not sklearn's).
     */
    static TensorDataset moons(int n, double noise, long seed) {
        positive(n, "n", "moons");
        if (!(noise >= 0)) {
            throw new ValueError("scale < 0",
                    "noise is the standard deviation of the Gaussian noise added to each point; it was " + noise + ".",
                    "pass noise >= 0, e.g. moons(" + n + ", 0.1, seed).");
        }
        Generator g = new Generator().manualSeed(seed);
        int outer = n / 2;
        float[] ordered = new float[n * 2];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            boolean inner = i >= outer;
            int count = inner ? n - outer : outer;
            int k = inner ? i - outer : i;
            double s = count == 1 ? 0 : Math.PI * k / (count - 1);
            ordered[2 * i] = (float) (inner ? 1 - Math.cos(s) : Math.cos(s));
            ordered[2 * i + 1] = (float) (inner ? 1 - Math.sin(s) - 0.5 : Math.sin(s));
            labels[i] = inner ? 1 : 0;
        }
        float[] order = Tensor.randperm(n, g).toFloatArray();
        float[] jitter = Tensor.randn(g, n, 2).toFloatArray();
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int from = (int) order[i];
            x[2 * i] = ordered[2 * from] + (float) noise * jitter[2 * i];
            x[2 * i + 1] = ordered[2 * from + 1] + (float) noise * jitter[2 * i + 1];
            y[i] = labels[from];
        }
        return new TensorDataset(Tensor.of(x, n, 2), Tensor.of(y, n));
    }

    static void positive(int value, String name, String set) {
        if (value <= 0) {
            throw new ValueError(name + " should be a positive integer value, but got " + name + "=" + value,
                    set + " makes " + name + " of something, so it needs at least one.",
                    "pass " + name + " >= 1.");
        }
    }
}
