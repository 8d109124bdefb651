package layerwise.init;

/**
 * The Q of a thin QR factorisation A = QR (A is m×n with m ≥ n), by Householder reflections in double,
 * with the sign fix {@code orthogonal_} applies: each column of Q is multiplied by sign(R[j][j]), which
 * makes Q the unique factor whose R has a positive diagonal (Mezzadri 2007: then Q is uniformly
 * distributed when A is Gaussian). LAPACK and this loop agree on that unique Q up to rounding.
 */
final class Householder {
    private Householder() {
    }

    /** @param a m×n, m ≥ n, row-major {@code a[i][j]}; overwritten. @return Q (m×n), sign-fixed. */
    static double[][] orthonormalColumns(double[][] a) {
        int m = a.length, n = a[0].length;
        double[][] v = new double[n][];     // v[k] has length m-k: the k-th reflector, unit length
        double[] rDiag = new double[n];
        for (int k = 0; k < n; k++) {
            // Reflect x = a[k..m-1][k] onto alpha·e1 with alpha = -sign(x0)·|x| (no cancellation in x0 - alpha).
            double norm = 0;
            for (int i = k; i < m; i++) norm += a[i][k] * a[i][k];
            norm = Math.sqrt(norm);
            double alpha = a[k][k] >= 0 ? -norm : norm;
            double[] vk = new double[m - k];
            for (int i = k; i < m; i++) vk[i - k] = a[i][k];
            vk[0] -= alpha;
            double vNorm = 0;
            for (double x : vk) vNorm += x * x;
            vNorm = Math.sqrt(vNorm);
            if (vNorm > 0) {
                for (int i = 0; i < vk.length; i++) vk[i] /= vNorm;
                reflect(a, vk, k, k, n);
            }
            v[k] = vNorm > 0 ? vk : null;
            rDiag[k] = vNorm > 0 ? alpha : a[k][k];
        }
        // Q = H_0 H_1 ... H_{n-1} applied to the first n columns of the identity, innermost first.
        double[][] q = new double[m][n];
        for (int j = 0; j < n; j++) q[j][j] = 1.0;
        for (int k = n - 1; k >= 0; k--) {
            if (v[k] != null) reflect(q, v[k], k, 0, n);
        }
        for (int j = 0; j < n; j++) {
            double sign = Math.signum(rDiag[j]);
            for (int i = 0; i < m; i++) q[i][j] *= sign;
        }
        return q;
    }

    /** Applies H = I − 2vvᵀ to rows k.. and columns fromCol..toCol-1 of x: x ← x − 2v(vᵀx). */
    private static void reflect(double[][] x, double[] v, int k, int fromCol, int toCol) {
        for (int j = fromCol; j < toCol; j++) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) dot += v[i] * x[k + i][j];
            for (int i = 0; i < v.length; i++) x[k + i][j] -= 2.0 * v[i] * dot;
        }
    }
}
