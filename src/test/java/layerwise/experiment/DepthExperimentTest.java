package layerwise.experiment;

import layerwise.nn.Linear;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The classic result, with the default sizes (width 256, batch 256, depth 10). The bounds are wide: the
 * theory says each layer multiplies the std by about sqrt(fan_in·Var(w)·k) (k = 1 for tanh near 0, 1/2 for
 * ReLU), i.e. 16 per layer for N(0, 1)+ReLU and 0.16 for N(0, 0.01²)+tanh.
 */
class DepthExperimentTest {

    @Test
    @DisplayName("N(0, 1) with ReLU explodes: std grows about 11x per layer")
    void explodes() {
        DepthStats run = DepthExperiment.mlp(Scheme.normal(1.0), "relu", 10);
        assertTrue(run.stdRatio() > 1e8, run.toString());
        double dead = run.layers().get(10).fractionDead();
        assertEquals(0.5, dead, 0.1, "ReLU zeroes about half of the units");
    }

    @Test
    @DisplayName("N(0, 0.01²) with tanh collapses to 0")
    void collapses() {
        DepthStats run = DepthExperiment.mlp(Scheme.normal(0.01), "tanh", 10);
        assertTrue(run.stdRatio() < 1e-6, run.toString());
    }

    @Test
    @DisplayName("N(0, 1) with tanh saturates most units at ±1")
    void saturates() {
        DepthStats run = DepthExperiment.mlp(Scheme.normal(1.0), "tanh", 10);
        assertTrue(run.layers().get(10).fractionSaturated() > 0.7, run.toString());
    }

    @Test
    @DisplayName("Xavier (tanh gain) for tanh and Kaiming for ReLU keep the std within a small factor over 10 layers")
    void staysNearConstant() {
        DepthStats tanh = DepthExperiment.mlp(Scheme.xavierUniform(5.0 / 3), "tanh", 10);
        DepthStats relu = DepthExperiment.mlp(Scheme.kaimingNormal(), "relu", 10);
        assertTrue(tanh.stdRatio() > 0.3 && tanh.stdRatio() < 1.5, tanh.toString());
        assertTrue(relu.stdRatio() > 0.3 && relu.stdRatio() < 3, relu.toString());
        double lateChange = tanh.std(10) / tanh.std(5);
        assertEquals(1.0, lateChange, 0.1, "past the first layers the tanh std is flat");
    }

    @Test
    @DisplayName("the conv stack shows the same: Kaiming keeps ReLU activations alive, N(0, 1) explodes")
    void convStack() {
        DepthStats kaiming = DepthExperiment.convStack(Scheme.kaimingNormal(), "relu", 6);
        DepthStats big = DepthExperiment.convStack(Scheme.normal(1.0), "relu", 6);
        assertTrue(kaiming.stdRatio() > 0.2 && kaiming.stdRatio() < 5, kaiming.toString());
        assertTrue(big.stdRatio() > 1e5, big.toString());
        assertEquals("conv", big.network());
        assertArrayEquals(new int[] {8, 16, 16, 16}, big.layers().get(6).output().shape());
    }

    @Test
    @DisplayName("layer 1 is exactly Linear then the activation, and its stats are those of its output")
    void firstLayerByHand() {
        DepthStats run = DepthExperiment.mlp(Scheme.xavierUniform(), "relu", 1, 4, 3, 7);
        // rebuild what the experiment builds: the layer after the seed, then the input
        Tensor.manualSeed(7);
        Linear lin = new Linear(4, 4);
        Scheme.xavierUniform().apply(lin.weight, lin.bias);
        Tensor x = Tensor.randn(3, 4);
        Tensor out = run.layers().get(1).output();
        for (int n = 0; n < 3; n++) {
            for (int j = 0; j < 4; j++) {
                double y = 0;   // bias was zeroed
                for (int k = 0; k < 4; k++) y += x.get(n, k) * lin.weight.get(j, k);
                assertEquals(Math.max(0, y), out.get(n, j), 1e-6);
            }
        }
        float[] v = out.toFloatArray();
        double mean = 0;
        for (float f : v) mean += (double) f / v.length;
        assertEquals(mean, run.layers().get(1).mean(), 1e-9);
        int zeros = 0;
        for (float f : v) zeros += f == 0f ? 1 : 0;
        assertEquals(zeros / 12.0, run.layers().get(1).fractionDead(), 0);
    }

    @Test
    @DisplayName("an unknown activation is explained")
    void unknownActivation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DepthExperiment.mlp(Scheme.xavierUniform(), "gelu", 2));
        assertTrue(e.getMessage().contains("Fix: pass \"tanh\""), e.getMessage());
    }
}
