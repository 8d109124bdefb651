package layerwise.init;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The blocked Householder QR against the definition of its result: Q has orthonormal columns and
 * R = Qᵀ A is upper triangular with a non-negative diagonal (computed here with plain loops in double).
 */
class HouseholderTest {

    private static void checkQr(double[][] a, String what) {
        int m = a.length, n = a[0].length;
        double[][] copy = new double[m][];
        for (int i = 0; i < m; i++) copy[i] = a[i].clone();
        double[][] q = Householder.orthonormalColumns(copy);
        double scale = 0;
        for (double[] row : a) for (double x : row) scale = Math.max(scale, Math.abs(x));
        for (int j = 0; j < n; j++) {
            for (int l = 0; l < n; l++) {
                double qtq = 0, r = 0;
                for (int i = 0; i < m; i++) {
                    qtq += q[i][j] * q[i][l];
                    r += q[i][j] * a[i][l];                    // R[j][l] = (Qᵀ A)[j][l]
                }
                assertTrue(Math.abs(qtq - (j == l ? 1 : 0)) < 1e-12, what + ": (QᵀQ)[" + j + "][" + l + "] = " + qtq);
                if (j > l) assertTrue(Math.abs(r) < 1e-11 * m * scale, what + ": R[" + j + "][" + l + "] = " + r + " below the diagonal");
                if (j == l) assertTrue(r > -1e-11 * m * scale, what + ": R[" + j + "][" + j + "] = " + r + " is negative");
            }
        }
    }

    private static double[][] gaussian(Random r, int m, int n) {
        double[][] a = new double[m][n];
        for (double[] row : a) for (int j = 0; j < n; j++) row[j] = r.nextGaussian();
        return a;
    }

    @Test
    @DisplayName("A = QR with orthonormal Q and upper triangular R, diagonal >= 0: tall, square, several panels")
    void qrDefinition() {
        Random r = new Random(1);
        checkQr(gaussian(r, 7, 3), "7x3 (one panel)");
        checkQr(gaussian(r, 150, 100), "150x100 (four panels)");
        checkQr(gaussian(r, Householder.PANEL * 2 + 1, Householder.PANEL * 2 + 1), "65x65 (panel edge)");
    }
}
