package layerwise.interop;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import layerwise.io.Fixture;
import layerwise.nn.Module;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gradients in the PyTorch fixtures are the slopes of the workbook's own forward pass: central
 * differences of L = Σ output·grad_output + Σ h_n·grad_h_n + Σ c_n·grad_c_n, computed with forward alone.
 * This needs no backward, so it holds the fixtures' recording (which results L sums, which tensor each
 * grad.* belongs to, the state-dict keys) to the workbook's forward, whatever state backward is in.
 */
class FixtureGradientsTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/pytorch-1.13");
    /** The step: small enough to rarely cross a ReLU or max-pool kink, large enough for float32 outputs. */
    static final float EPS = 1e-3f;
    /** Central differences of a float32 forward: about 1e-7·|L|/EPS of rounding, plus O(EPS²) of curvature. */
    static final double ATOL = 5e-3;
    static final double RTOL = 1e-2;

    static List<Path> fixtures() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".safetensors")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    @DisplayName("each stored gradient, at its first, middle and last element, is the slope of L under the workbook's forward")
    void storedGradientsAreSlopesOfTheForwardPass(Path file) throws IOException {
        Fixture f = Fixture.read(file);
        Module module = ModuleFactory.fromMetadata(f.metadata());
        module.eval();
        module.loadStateDict(f.stateDict());
        Map<String, Tensor> data = new HashMap<>();
        for (String name : List.of("input", "h0", "c0")) {
            if (f.tensors().containsKey(name)) data.put(name, f.tensors().get(name).clone());
        }
        assertFalse(f.expectedGradients().isEmpty(), "the fixture carries gradients");
        List<String> problems = new ArrayList<>();
        try (var noGrad = Autograd.noGrad()) {
            for (Map.Entry<String, Tensor> e : f.expectedGradients().entrySet()) {
                Tensor leaf = data.containsKey(e.getKey()) ? data.get(e.getKey()) : module.getParameter(e.getKey());
                float[] expected = e.getValue().toFloatArray();
                int n = expected.length;
                for (int i : new int[] {0, n / 2, n - 1}) {
                    int[] at = unravel(i, leaf.shape());
                    float x = leaf.get(at);
                    float up = x + EPS;
                    float down = x - EPS;
                    leaf.set(up, at);
                    double lossUp = loss(module, data, f.upstreamGradients());
                    leaf.set(down, at);
                    double lossDown = loss(module, data, f.upstreamGradients());
                    leaf.set(x, at);
                    // dL/dx ≈ (L(x + h) - L(x - h)) / 2h, with 2h as the floats actually differ
                    double slope = (lossUp - lossDown) / ((double) up - down);
                    if (!(Math.abs(slope - expected[i]) <= ATOL + RTOL * Math.abs(expected[i]))) {
                        problems.add("grad." + e.getKey() + "[" + i + "]: central difference " + slope + ", PyTorch "
                                + expected[i]);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), file.getFileName() + ": " + problems);
    }

    /** L = Σ over the results with an upstream gradient of Σ_i result[i]·upstream[i], summed in double. */
    static double loss(Module module, Map<String, Tensor> data, Map<String, Tensor> upstream) {
        Map<String, Tensor> results = ModuleFactory.forward(module, data);
        double sum = 0;
        for (Map.Entry<String, Tensor> e : upstream.entrySet()) {
            float[] r = results.get(e.getKey()).toFloatArray();
            float[] g = e.getValue().toFloatArray();
            for (int i = 0; i < r.length; i++) sum += (double) r[i] * g[i];
        }
        return sum;
    }

    /** The index in each dimension of flat (row-major) position i. */
    static int[] unravel(int i, int[] shape) {
        int[] at = new int[shape.length];
        for (int d = shape.length - 1; d >= 0; d--) {
            at[d] = i % shape[d];
            i /= shape[d];
        }
        return at;
    }
}
