package layerwise.nn;

import java.util.Map;
import java.util.function.UnaryOperator;

import layerwise.tensor.Tensor;

/**
 * A plain reference for RNN, LSTM and GRU written straight from PyTorch's documented equations, in
 * double precision with nested loops: no tensor op of the library is used, only the parameters'
 * values. Everything is time-major: {@code x[t][n][k]}, states {@code h[layer*D + dir][n][j]}.
 */
final class RecurrentReference {

    /** output[t][n][D*Hout], hN[L*D][n][Hout], cN[L*D][n][H] (null unless LSTM). */
    record Result(double[][][] output, double[][][] hN, double[][][] cN) {
    }

    private RecurrentReference() {
    }

    /**
     * @param mode         "RNN_TANH", "RNN_RELU", "LSTM" or "GRU"
     * @param sd           the state dict (PyTorch names)
     * @param h0           initial h, [L*D][N][Hout] (all zeros when the caller has none)
     * @param c0           initial c, [L*D][N][H] (LSTM)
     * @param betweenLayers applied to each layer's output before the next layer reads it (dropout)
     */
    static Result run(String mode, Map<String, Tensor> sd, int numLayers, boolean bidirectional, int hidden,
                      int proj, double[][][] x, double[][][] h0, double[][][] c0,
                      UnaryOperator<double[][][]> betweenLayers) {
        int d = bidirectional ? 2 : 1;
        int hOut = proj > 0 ? proj : hidden;
        int steps = x.length;
        int n = x[0].length;
        double[][][] hN = new double[numLayers * d][][];
        double[][][] cN = new double[numLayers * d][][];
        double[][][] layerIn = x;
        double[][][] out = null;
        for (int layer = 0; layer < numLayers; layer++) {
            if (layer > 0) layerIn = betweenLayers.apply(out);
            out = new double[steps][n][d * hOut];
            for (int dir = 0; dir < d; dir++) {
                String sfx = "_l" + layer + (dir == 1 ? "_reverse" : "");
                double[][] wih = matrix(sd.get("weight_ih" + sfx));
                double[][] whh = matrix(sd.get("weight_hh" + sfx));
                double[] bih = vector(sd.get("bias_ih" + sfx), wih.length);
                double[] bhh = vector(sd.get("bias_hh" + sfx), wih.length);
                double[][] whr = sd.containsKey("weight_hr" + sfx) ? matrix(sd.get("weight_hr" + sfx)) : null;
                int index = layer * d + dir;
                double[][] h = copy(h0[index]);
                double[][] c = mode.equals("LSTM") ? copy(c0[index]) : null;
                for (int s = 0; s < steps; s++) {
                    int t = dir == 0 ? s : steps - 1 - s;
                    for (int b = 0; b < n; b++) {
                        double[] gi = affine(wih, layerIn[t][b], bih);
                        double[] gh = affine(whh, h[b], bhh);
                        switch (mode) {
                            case "RNN_TANH", "RNN_RELU" -> {
                                for (int j = 0; j < hidden; j++) {
                                    double a = gi[j] + gh[j];
                                    h[b][j] = mode.equals("RNN_TANH") ? Math.tanh(a) : Math.max(0, a);
                                }
                            }
                            case "LSTM" -> {
                                double[] full = new double[hidden];
                                for (int j = 0; j < hidden; j++) {
                                    double i = sigmoid(gi[j] + gh[j]);
                                    double f = sigmoid(gi[hidden + j] + gh[hidden + j]);
                                    double g = Math.tanh(gi[2 * hidden + j] + gh[2 * hidden + j]);
                                    double o = sigmoid(gi[3 * hidden + j] + gh[3 * hidden + j]);
                                    c[b][j] = f * c[b][j] + i * g;
                                    full[j] = o * Math.tanh(c[b][j]);
                                }
                                h[b] = whr == null ? full : affine(whr, full, new double[proj]);
                            }
                            case "GRU" -> {
                                for (int j = 0; j < hidden; j++) {
                                    double r = sigmoid(gi[j] + gh[j]);
                                    double z = sigmoid(gi[hidden + j] + gh[hidden + j]);
                                    double nn = Math.tanh(gi[2 * hidden + j] + r * gh[2 * hidden + j]);
                                    h[b][j] = (1 - z) * nn + z * h[b][j];
                                }
                            }
                            default -> throw new IllegalArgumentException(mode);
                        }
                        System.arraycopy(h[b], 0, out[t][b], dir * hOut, hOut);
                    }
                }
                hN[index] = h;
                cN[index] = c;
            }
        }
        return new Result(out, hN, mode.equals("LSTM") ? cN : null);
    }

    /** W v + b, with W given as rows. */
    static double[] affine(double[][] w, double[] v, double[] b) {
        double[] y = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            double acc = b[r];
            for (int k = 0; k < v.length; k++) acc += w[r][k] * v[k];
            y[r] = acc;
        }
        return y;
    }

    static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    static double[][] matrix(Tensor t) {
        int rows = t.size(0);
        int cols = t.size(1);
        float[] v = t.toFloatArray();
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < cols; k++) m[r][k] = v[r * cols + k];
        }
        return m;
    }

    /** The bias values, or zeros of the given length when the bias is absent. */
    static double[] vector(Tensor t, int length) {
        double[] v = new double[length];
        if (t != null) {
            float[] f = t.toFloatArray();
            for (int i = 0; i < length; i++) v[i] = f[i];
        }
        return v;
    }

    /** A 3-D tensor's values as nested arrays. */
    static double[][][] cube(Tensor t) {
        int a = t.size(0);
        int b = t.size(1);
        int c = t.size(2);
        float[] v = t.toFloatArray();
        double[][][] m = new double[a][b][c];
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < b; j++) {
                for (int k = 0; k < c; k++) m[i][j][k] = v[(i * b + j) * c + k];
            }
        }
        return m;
    }

    /** Swaps the first two axes: (N, T, F) to (T, N, F) and back. */
    static double[][][] swap01(double[][][] m) {
        double[][][] s = new double[m[0].length][m.length][];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) s[j][i] = m[i][j].clone();
        }
        return s;
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) c[i] = m[i].clone();
        return c;
    }
}
