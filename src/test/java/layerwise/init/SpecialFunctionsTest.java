package layerwise.init;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SpecialFunctionsTest {

    @Test
    @DisplayName("erf agrees with C's erf (values printed by Python's math.erf)")
    void erfValues() {
        // python3 -c "import math; print([math.erf(x) for x in (0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 4.5, -0.7)])"
        double[] x = {0.1, 0.5, 1.0, 1.5, 2.0, 3.0, 4.5, -0.7};
        double[] c = {0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9661051464753108,
            0.9953222650189527, 0.9999779095030014, 0.9999999998033839, -0.6778011938374184};
        for (int i = 0; i < x.length; i++) assertEquals(c[i], SpecialFunctions.erf(x[i]), 4 * Math.ulp(c[i]), "erf(" + x[i] + ")");
        assertEquals(1.0, SpecialFunctions.erf(7.0));
        assertEquals(0.0, SpecialFunctions.erf(0.0));
    }

    @Test
    @DisplayName("erfinv inverts erf across (-1, 1) and is infinite at the ends")
    void erfinvRoundTrip() {
        for (double y = -0.999999; y < 1.0; y += 0.0137) {
            double x = SpecialFunctions.erfinv(y);
            assertEquals(y, SpecialFunctions.erf(x), 1e-15, "y = " + y);
        }
        assertEquals(Double.POSITIVE_INFINITY, SpecialFunctions.erfinv(1.0));
        assertEquals(Double.NEGATIVE_INFINITY, SpecialFunctions.erfinv(-1.0));
        assertTrue(Double.isNaN(SpecialFunctions.erfinv(1.5)));
    }

    @Test
    @DisplayName("the normal CDF at a few quantiles")
    void normalCdf() {
        // python3: (1 + math.erf(x / math.sqrt(2))) / 2 for x = 1.96 and -2
        assertEquals(0.5, SpecialFunctions.normalCdf(0.0), 0.0);
        assertEquals(0.9750021048517796, SpecialFunctions.normalCdf(1.96), 1e-15);
        assertEquals(0.02275013194817921, SpecialFunctions.normalCdf(-2.0), 1e-15);
    }
}
