package layerwise.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The polynomials are accurate to a few ulp against Java's double-precision functions. */
class CephesMathTest {
    @Test
    @DisplayName("log agrees with Math.log within 2 ulp on (0, 1] and beyond; NaN for x <= 0")
    void log() {
        Random r = new Random(1);
        for (int i = 0; i < 100_000; i++) {
            float x = i < 50_000 ? 1f - r.nextFloat() : (float) Math.exp(r.nextGaussian() * 10);
            float expected = (float) Math.log(x);
            assertEquals(expected, CephesMath.log(x), 2 * Math.ulp(expected) + 1e-7f, "log(" + x + ")");
        }
        assertEquals(0f, CephesMath.log(1f));
        assertTrue(Float.isNaN(CephesMath.log(0f)));
        assertTrue(Float.isNaN(CephesMath.log(-1f)));
    }

    @Test
    @DisplayName("sin and cos agree with Math within 2e-7 on [-2 pi, 2 pi]")
    void sinCos() {
        Random r = new Random(2);
        float[] out = new float[2];
        for (int i = 0; i < 100_000; i++) {
            float x = (float) ((r.nextDouble() * 4 - 2) * Math.PI);
            CephesMath.sincos(x, out);
            assertEquals(Math.sin(x), out[0], 2e-7, "sin(" + x + ")");
            assertEquals(Math.cos(x), out[1], 2e-7, "cos(" + x + ")");
        }
    }
}
