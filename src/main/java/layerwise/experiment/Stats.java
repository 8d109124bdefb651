package layerwise.experiment;

import layerwise.tensor.Tensor;

/**
 * count, mean, std (unbiased, n−1, like torch's default), min and max of a tensor, in double.
 */
public record Stats(int count, double mean, double std, double min, double max) {

    public static Stats of(Tensor t) {
        return of(t.toFloatArray());
    }

    public static Stats of(float[] x) {
        int n = x.length;
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float v : x) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        // two passes: Σ(x − mean)² does not cancel the way Σx² − n·mean² does
        double squares = 0;
        for (float v : x) squares += (v - mean) * (v - mean);
        double std = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
        return new Stats(n, mean, std, n == 0 ? Double.NaN : min, n == 0 ? Double.NaN : max);
    }
}
