package layerwise.init;

import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** torch.nn.init's spellings on Init: what a PyTorch user types first. */
class TorchNamesTest {
    @Test
    @DisplayName("Init.xavier_uniform_ after manual_seed(0) gives torch's numbers")
    void xavierUniformAsTorch() {
        Tensor.manualSeed(0);
        Tensor w = Init.xavier_uniform_(Tensor.empty(3, 4));
        // torch.manual_seed(0); nn.init.xavier_uniform_(torch.empty(3, 4))[0] in PyTorch 1.13
        float[] torch = {-0.00693145f, 0.49665028f, -0.76199174f, -0.68134713f};
        assertArrayEquals(torch, Arrays.copyOf(w.toFloatArray(), 4), 1e-7f);
    }

    @Test
    @DisplayName("kaiming_normal_ with mode and nonlinearity, zeros_, constant_, calculate_gain")
    void keywordOverloads() {
        Tensor.manualSeed(0);
        Tensor w = Init.kaiming_normal_(Tensor.empty(3, 4), 0, "fan_out", "relu");
        // torch.manual_seed(0); nn.init.kaiming_normal_(torch.empty(3, 4), mode='fan_out', nonlinearity='relu')
        assertEquals(1.2582180500030518f, w.get(0, 0), 1e-6f);
        assertEquals(-0.23958370089530945f, w.get(0, 1), 1e-6f);
        assertEquals(0f, Init.zeros_(Tensor.ones(5)).abs().max().item());
        assertEquals(0.5f, Init.constant_(Tensor.empty(2), 0.5).get(1));
        assertEquals(5.0 / 3, Init.calculate_gain("tanh"), 1e-15);
    }

    @Test
    @DisplayName("every torch.nn.init function of 1.13 has its name on Init")
    void everyTorchName() {
        Set<String> names = new TreeSet<>();
        for (Method m : Init.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers())) names.add(m.getName());
        }
        for (String torch : new String[] {"calculate_gain", "uniform_", "normal_", "trunc_normal_", "constant_",
            "ones_", "zeros_", "eye_", "dirac_", "xavier_uniform_", "xavier_normal_", "kaiming_uniform_",
            "kaiming_normal_", "orthogonal_", "sparse_"}) {
            assertTrue(names.contains(torch), torch + " missing; Init has " + names);
        }
    }
}
