package layerwise.init;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static layerwise.init.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Gains, fans, bounds and stds against init_stats.json (computed by PyTorch 1.13 in float64). */
class InitFormulaTest {
    /**
     * The fixture evaluates the textbook formula (gain*sqrt(6/(fan_in+fan_out))); torch's code, which Init
     * follows, goes through std first (sqrt(3)*gain*sqrt(2/(fan_in+fan_out))), so the last bit may differ:
     * 0.12499999999999999 against 0.125. The bit-exact streams in InitStreamTest pin torch's order.
     */
    private static final double REL = 1e-15;

    private static void assertRel(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * REL + 1e-300, what);
    }

    @Test
    @DisplayName("calculateGain matches torch for every nonlinearity")
    void gains() {
        Map<String, Object> gains = map(initStats().get("calculate_gain"));
        assertEquals(11, gains.size());
        gains.forEach((name, g) -> assertEquals(num(g), Init.calculateGain(name), 0.0, name));
        // param is ignored by every nonlinearity but leaky_relu
        assertEquals(5.0 / 3, Init.calculateGain("tanh", 0.3), 0.0);
        assertEquals(1.0, Init.calculateGain("linear", 7), 0.0);
    }

    @Test
    @DisplayName("leaky_relu: no param means slope 0.01; otherwise the param is the slope")
    void leakyReluGains() {
        for (Map<String, Object> c : list(initStats().get("calculate_gain_leaky_relu"))) {
            double expected = num(c.get("gain"));
            Object param = c.get("param");
            double actual = param == null ? Init.calculateGain("leaky_relu") : Init.calculateGain("leaky_relu", num(param));
            assertEquals(expected, actual, 0.0, "param " + param);
        }
    }

    @Test
    @DisplayName("fan_in = size(1)*rf and fan_out = size(0)*rf for every fixture shape")
    void fans() {
        List<Map<String, Object>> cases = list(initStats().get("fan_in_fan_out"));
        assertEquals(9, cases.size());
        for (Map<String, Object> c : cases) {
            Fans f = Init.calculateFanInAndFanOut(Tensor.empty(shape(c.get("shape"))));
            assertEquals(new Fans((int) num(c.get("fan_in")), (int) num(c.get("fan_out"))), f, c.toString());
        }
    }

    @Test
    @DisplayName("Xavier and Kaiming theory: bounds, stds, gains and fans equal torch's")
    void xavierAndKaimingTheory() {
        int checked = 0;
        for (Map<String, Object> c : list(initStats().get("inits"))) {
            String fn = (String) c.get("fn");
            if (!fn.startsWith("xavier") && !fn.startsWith("kaiming")) continue;
            Tensor w = Tensor.empty(shape(c.get("shape")));
            Theory th = theoryFor(fn, w, map(c.get("args")));
            String what = fn + " " + c.get("args") + " " + c.get("shape");
            assertEquals((int) num(c.get("fan_in")), th.fanIn(), what);
            assertEquals((int) num(c.get("fan_out")), th.fanOut(), what);
            if (c.containsKey("gain")) assertRel(num(c.get("gain")), th.gain(), what);
            if (c.get("dist").equals("uniform")) {
                assertEquals(Theory.Kind.UNIFORM, th.kind(), what);
                assertRel(num(c.get("low")), th.low(), what);
                assertRel(num(c.get("high")), th.high(), what);
                assertRel(num(c.get("high")), th.bound(), what);
            } else {
                assertEquals(Theory.Kind.NORMAL, th.kind(), what);
                assertRel(num(c.get("std")), th.std(), what);
            }
            assertEquals(num(c.get("expected_std")), th.expectedStd(), 1e-15, what);
            checked++;
        }
        assertEquals(80, checked);
    }

    /** The theory of the fixture call, built from its args (the fill uses exactly this theory). */
    static Theory theoryFor(String fn, Tensor w, Map<String, Object> args) {
        switch (fn) {
            case "xavier_uniform_": return Theory.xavierUniform(w, num(args.get("gain")));
            case "xavier_normal_": return Theory.xavierNormal(w, num(args.get("gain")));
            case "kaiming_uniform_":
                return Theory.kaimingUniform(w, num(args.get("a")), (String) args.get("mode"), (String) args.get("nonlinearity"));
            case "kaiming_normal_":
                return Theory.kaimingNormal(w, num(args.get("a")), (String) args.get("mode"), (String) args.get("nonlinearity"));
            default: throw new IllegalArgumentException(fn);
        }
    }

    @Test
    @DisplayName("PyTorch's default kaiming_uniform_(a=sqrt(5)) is U(±1/sqrt(fan_in)) for every module weight")
    void moduleDefaults() {
        int checked = 0;
        for (Map<String, Object> m : list(initStats().get("module_defaults"))) {
            for (Map<String, Object> p : list(m.get("params"))) {
                if (!p.get("name").equals("weight")) continue;
                Tensor w = Tensor.empty(shape(p.get("shape")));
                Theory th = Init.theory("default", w);
                // the float64 expression may differ from 1/sqrt(fan_in) in the last bit (semantics sheet §1)
                assertEquals(num(p.get("high")), th.high(), 1e-15, m.get("module").toString());
                assertEquals((float) num(p.get("high")), (float) th.high(), m.get("module").toString());
                checked++;
            }
        }
        assertTrue(checked >= 4, "checked " + checked);
    }

    @Test
    @DisplayName("theory by name uses torch's defaults; an unknown name is explained")
    void theoryByName() {
        Tensor w = Tensor.empty(256, 128);
        assertEquals(0.125, Init.theory("xavier_uniform_", w).high(), 1e-16);
        assertEquals(Math.sqrt(2) / Math.sqrt(128), Init.theory("kaiming_normal", w).std(), 1e-16);
        assertEquals("fan_in", Init.theory("kaiming_uniform", w).fanUsed());
        assertEquals(1.0 / 12, Math.pow(Init.theory("uniform", w).expectedStd(), 2), 1e-16);
        assertEquals(Theory.Kind.CONSTANT, Init.theory("zeros", w).kind());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Init.theory("glorot", w));
        assertTrue(e.getMessage().startsWith("Unknown init scheme 'glorot'\n"), e.getMessage());
        assertTrue(e.getMessage().contains("Fix: "), e.getMessage());
    }

    @Test
    @DisplayName("the truncated normal's moments follow the textbook formulas")
    void truncatedNormalMoments() {
        // Standard normal on [-2, 2]: variance = 1 - 2*2*phi(2)/Z, Z = erf(sqrt(2)) = 0.9544997361036416
        double phi2 = Math.exp(-2.0) / Math.sqrt(2 * Math.PI);
        double z = 0.9544997361036416;
        Theory th = Theory.truncNormal(0, 1, -2, 2);
        assertEquals(Math.sqrt(1 - 4 * phi2 / z), th.expectedStd(), 1e-12);
        assertEquals(0.0, th.expectedMean(), 1e-15);
        // Bounds far outside: nothing is cut, the std is the normal's.
        assertEquals(0.02, Theory.truncNormal(0, 0.02, -2, 2).expectedStd(), 1e-15);
    }

    @Test
    @DisplayName("Theory prints the scheme, the distribution, the fans and the formula on one line")
    void theoryToString() {
        String s = Theory.xavierUniform(Tensor.empty(256, 128), 1.0).toString();
        assertEquals("xavier_uniform_(gain=1): U(-0.125, 0.125); fan_in=128, fan_out=256, gain=1; "
                + "bound = gain*sqrt(6/(fan_in+fan_out)) = 0.125", s);
    }
}
