package layerwise.init;

import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static layerwise.init.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Error texts: torch's message first (from the fixtures), then the explanation and a Fix line. */
class InitErrorTest {

    /** The functions init_stats.json lists under errors_for_tensors_with_lt_2_dims, by torch name. */
    private static Map<String, Consumer<Tensor>> lowRankCalls() {
        Map<String, Consumer<Tensor>> calls = new LinkedHashMap<>();
        calls.put("xavier_uniform_", Init::xavierUniform);
        calls.put("xavier_normal_", Init::xavierNormal);
        calls.put("kaiming_uniform_", Init::kaimingUniform);
        calls.put("kaiming_normal_", Init::kaimingNormal);
        calls.put("_calculate_fan_in_and_fan_out", Init::calculateFanInAndFanOut);
        calls.put("orthogonal_", Init::orthogonal);
        calls.put("eye_", Init::eye);
        calls.put("dirac_", Init::dirac);
        calls.put("sparse_", t -> Init.sparse(t, 0.1));
        return calls;
    }

    private static ShapeError assertShapeError(String torchText, Executable call) {
        ShapeError e = assertThrows(ShapeError.class, call);
        assertEquals(torchText, e.torchMessage());
        String[] lines = e.getMessage().split("\n");
        assertEquals(torchText, lines[0]);
        assertEquals(3, lines.length, e.getMessage());
        assertTrue(lines[2].startsWith("  Fix: "), e.getMessage());
        return e;
    }

    @Test
    @DisplayName("every function rejects 1-D and 0-D tensors with torch's text")
    void fewerThanTwoDims() {
        Map<String, Object> expected = map(initStats().get("errors_for_tensors_with_lt_2_dims"));
        Map<String, Consumer<Tensor>> calls = lowRankCalls();
        assertEquals(expected.keySet(), calls.keySet());
        for (String fn : calls.keySet()) {
            Map<String, Object> byShape = map(expected.get(fn));
            String oneD = ((String) byShape.get("[5]")).replaceFirst("^ValueError: ", "");
            String zeroD = ((String) byShape.get("[]")).replaceFirst("^ValueError: ", "");
            ShapeError e = assertShapeError(oneD, () -> calls.get(fn).accept(Tensor.empty(5)));
            assertTrue(e.getMessage().contains("[5]"), fn + ": the explanation names the shape\n" + e.getMessage());
            assertShapeError(zeroD, () -> calls.get(fn).accept(Tensor.scalar(1f)));
        }
    }

    @Test
    @DisplayName("the init cases of errors.json")
    void errorsJsonInitCases() {
        assertShapeError(errorMessage("xavier_uniform_1d"), () -> Init.xavierUniform(Tensor.empty(5)));
        assertShapeError(errorMessage("xavier_normal_1d"), () -> Init.xavierNormal(Tensor.empty(5)));
        assertShapeError(errorMessage("kaiming_uniform_1d"), () -> Init.kaimingUniform(Tensor.empty(5)));
        assertShapeError(errorMessage("kaiming_normal_0d"), () -> Init.kaimingNormal(Tensor.scalar(1f)));
        assertShapeError(errorMessage("eye_1d"), () -> Init.eye(Tensor.empty(5)));
        assertShapeError(errorMessage("dirac_2d"), () -> Init.dirac(Tensor.empty(3, 3)));
        assertShapeError(errorMessage("dirac_groups"), () -> Init.dirac(Tensor.empty(5, 3, 3, 3), 2));
        assertShapeError(errorMessage("orthogonal_1d"), () -> Init.orthogonal(Tensor.empty(5)));
        assertShapeError(errorMessage("sparse_3d"), () -> Init.sparse(Tensor.empty(5, 3, 3), 0.1));

        IllegalArgumentException mode = assertThrows(IllegalArgumentException.class,
                () -> Init.kaimingUniform(Tensor.empty(3, 3), 0, "fan_avg"));
        assertEquals(errorMessage("kaiming_bad_mode"), mode.getMessage().split("\n")[0]);
        assertTrue(mode.getMessage().contains("Fix: pass mode \"fan_in\""), mode.getMessage());

        IllegalArgumentException gain = assertThrows(IllegalArgumentException.class, () -> Init.calculateGain("foo"));
        assertEquals(errorMessage("gain_unknown"), gain.getMessage().split("\n")[0]);
        assertTrue(gain.getMessage().contains("Fix: "), gain.getMessage());
        // gain_leaky_bad_param (a bool slope) cannot be written in Java: the param is a double.
    }

    @Test
    @DisplayName("a negative std or an empty range: torch's normal_/uniform_ texts")
    void badDistributionArguments() {
        // /usr/bin/python3: nn.init.normal_(torch.empty(3), 0, -1), nn.init.uniform_(torch.empty(3), 1, 0),
        // nn.init.xavier_normal_(torch.empty(3, 3), -1), nn.init.trunc_normal_(torch.empty(3), 0, 0, -1, 1)
        assertFirstLine("normal expects std >= 0.0, but found std -1", () -> Init.normal(Tensor.empty(3), 0, -1));
        assertFirstLine("uniform_ expects to return a [from, to) range, but found from=1 > to=0",
                () -> Init.uniform(Tensor.empty(3), 1, 0));
        assertFirstLine("normal expects std >= 0.0, but found std -0.57735", () -> Init.xavierNormal(Tensor.empty(3, 3), -1));
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Init.truncNormal(Tensor.empty(3), 0, 0, -1, 1));
        assertTrue(e.getMessage().startsWith("float division by zero\n"), e.getMessage());
        Tensor same = Tensor.full(new int[] {2}, 5f);
        assertEquals(0.5f, Init.uniform(same, 0.5, 0.5).get(1), "from == to is allowed, as in torch");
    }

    @Test
    @DisplayName("infinite or overflowing uniform_ bounds are refused as torch refuses them, not filled with inf/NaN")
    void uniformInfiniteBounds() {
        // aten/src/ATen/native/DistributionTemplates.h (1.13), uniform_impl_: CHECK_OUT_OF_BOUNDS on from and
        // to against the float range, then from <= to, then to - from <= numeric_limits<float>::max().
        assertFirstLine("to is out of bounds for float", () -> Init.uniform(Tensor.empty(3), 0, Double.POSITIVE_INFINITY));
        assertFirstLine("from is out of bounds for float",
                () -> Init.uniform(Tensor.empty(3), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFirstLine("from is out of bounds for float", () -> Init.uniform(Tensor.empty(3), Double.NaN, 1));
        assertFirstLine("uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=3.00000e+38 and"
                + " from=-3.00000e+38 which result in to-from to exceed the limit",
                () -> Init.uniform(Tensor.empty(3), -3e38, 3e38));
        for (Executable call : new Executable[] {
                () -> Tensor.empty(3).uniform_(0, Double.POSITIVE_INFINITY),
                () -> Tensor.empty(3).uniform_(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
                () -> Tensor.empty(3).uniform_(-3e38, 3e38)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
            assertTrue(e.getMessage().contains("\n  Fix: "), e.getMessage());
        }
        assertEquals(-3e38f, Init.uniform(Tensor.empty(1), -3e38, -3e38).get(0), "a finite range at the edge works");
    }

    private static void assertFirstLine(String torchText, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(torchText, e.getMessage().split("\n")[0]);
        assertTrue(e.getMessage().contains("\n  Fix: "), e.getMessage());
    }

    @Test
    @DisplayName("mode is lower-cased before it is checked, as in torch")
    void modeIsLowerCased() {
        Tensor.manualSeed(0);
        Tensor upper = Init.kaimingUniform(Tensor.empty(4, 8), 0, "FAN_OUT");
        Tensor.manualSeed(0);
        Tensor lower = Init.kaimingUniform(Tensor.empty(4, 8), 0, "fan_out");
        assertTrue(upper.equal(lower));
        assertEquals("fan_out", Theory.kaimingUniform(upper, 0, "Fan_Out", "relu").fanUsed());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Init.kaimingNormal(Tensor.empty(3, 3), 0, "Fan_Avg"));
        assertTrue(e.getMessage().startsWith("Mode fan_avg not supported"), e.getMessage());
    }

    @Test
    @DisplayName("kaiming on a zero-size tensor is a no-op; xavier on (0, 0) divides by zero like torch")
    void zeroSize() {
        Tensor empty = Tensor.empty(0, 5);
        assertSame(empty, Init.kaimingUniform(empty));
        Tensor emptyVector = Tensor.empty(0);   // torch checks for a zero-size dim before the rank
        assertSame(emptyVector, Init.kaimingNormal(emptyVector));
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Init.xavierUniform(Tensor.empty(0, 0)));
        assertTrue(e.getMessage().startsWith("float division by zero\n"), e.getMessage());
        Tensor orth = Tensor.empty(0, 3);
        assertSame(orth, Init.orthogonal(orth));
    }
}
