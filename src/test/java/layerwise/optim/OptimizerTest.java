package layerwise.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import layerwise.nn.Linear;
import layerwise.nn.MSELoss;
import layerwise.tensor.Autograd;
import layerwise.tensor.Tensor;
import layerwise.tensor.TorchError;
import layerwise.tensor.ValueError;

class OptimizerTest {

    private static Tensor param(float... v) {
        return Tensor.of(v, v.length).requiresGrad(true);
    }

    private static void says(String torchText, Executable mistake) {
        ValueError e = assertThrows(ValueError.class, mistake);
        assertEquals(torchText, ((TorchError) e).torchMessage());
        assertTrue(e.getMessage().contains("\n  Fix: "), e.getMessage());
    }

    @Test
    @DisplayName("the mistakes give PyTorch 1.13's texts")
    void errors() {
        Tensor x = param(1, 2, 3);
        says("optimizer got an empty parameter list", () -> new SGD(List.of(), 0.1));
        says("Invalid learning rate: -1", () -> new SGD(List.of(x), -1));
        says("Invalid learning rate: -0.5", () -> new Adam(List.of(x), -0.5));
        says("Nesterov momentum requires a momentum and zero dampening", () -> new SGD(List.of(x), 0.1, SGD.options().nesterov(true)));
        says("Nesterov momentum requires a momentum and zero dampening",
                () -> new SGD(List.of(x), 0.1, SGD.options().nesterov(true).momentum(0.9).dampening(0.1)));
        says("Invalid beta parameter at index 0: 1.0", () -> new Adam(List.of(x), 0.1, Adam.options().betas(1.0, 0.9)));
        says("Invalid beta parameter at index 1: -0.1", () -> new AdamW(List.of(x), 0.1, AdamW.options().betas(0.9, -0.1)));
        says("Invalid epsilon value: -1e-08", () -> new Adam(List.of(x), 0.1, Adam.options().eps(-1e-8)));
        says("Invalid momentum value: -0.9", () -> new SGD(List.of(x), 0.1, SGD.options().momentum(-0.9)));
        says("Invalid weight_decay value: -0.01", () -> new RMSprop(List.of(x), 0.1, RMSprop.options().weightDecay(-0.01)));
        says("Invalid alpha value: -0.5", () -> new RMSprop(List.of(x), 0.1, RMSprop.options().alpha(-0.5)));
        says("can't optimize a non-leaf Tensor", () -> new SGD(List.of(x.mul(2f)), 0.1));
    }

    @Test
    @DisplayName("zeroGrad() fills gradients with zeros (1.13's default); zeroGrad(true) sets them to null")
    void zeroGrad() {
        Tensor w = param(1, 2);
        SGD opt = new SGD(List.of(w), 0.1);
        w.mul(w).sum().backward();
        opt.zeroGrad();
        assertArrayEquals(new float[] {0, 0}, w.grad.toFloatArray());
        opt.zeroGrad(true);
        assertNull(w.grad);
        opt.step();                                   // no gradient: the parameter is skipped
        assertArrayEquals(new float[] {1, 2}, w.toFloatArray());
    }

    @Test
    @DisplayName("step() updates in place without recording: the parameter stays a leaf of the same storage")
    void stepInPlace() {
        Tensor w = param(1, 2);
        Adam opt = new Adam(List.of(w), 0.1);
        w.mul(w).sum().backward();
        opt.step();
        assertTrue(w.isLeaf());
        assertTrue(w.requiresGrad());
        assertTrue(Autograd.isGradEnabled());
        assertArrayEquals(new float[] {0.9f, 1.9f}, w.toFloatArray(), 1e-6f);   // Adam's first step is lr · sign(g)
    }

    @Test
    @DisplayName("a state dict saved mid-training and loaded into a new optimizer continues bit for bit")
    void stateDictRoundTrip() {
        for (boolean adam : new boolean[] {true, false}) {
            Tensor a = param(0.5f, -1f, 2f), b = param(0.5f, -1f, 2f);
            Optimizer first = adam ? new Adam(List.of(a), 0.01, Adam.options().amsgrad(true))
                    : new SGD(List.of(a), 0.1, SGD.options().momentum(0.9));
            for (int k = 0; k < 2; k++) {
                a.grad = Tensor.of(new float[] {0.3f * k + 0.1f, -0.2f, 1.5f}, 3);
                first.step();
            }
            try (var off = Autograd.noGrad()) {
                b.copy_(a);
            }
            Map<String, Object> saved = first.stateDict();
            Optimizer second = adam ? new Adam(List.of(b), 0.5) : new SGD(List.of(b), 0.5);
            second.loadStateDict(saved);
            assertEquals(0.01 * (adam ? 1 : 10), second.lr(), 1e-12, "the hyperparameters come with the state");
            a.grad = Tensor.of(new float[] {0.7f, 0.4f, -0.3f}, 3);
            b.grad = a.grad.clone();
            first.step();
            second.step();
            assertArrayEquals(a.toFloatArray(), b.toFloatArray());
        }
    }

    @Test
    @DisplayName("the state dict has PyTorch's layout: state by parameter index, one param group with the indices")
    void stateDictLayout() {
        Tensor w = param(1, 2);
        Adam opt = new Adam(List.of(w), 0.1);
        w.grad = Tensor.ones(2);
        opt.step();
        Map<String, Object> sd = opt.stateDict();
        @SuppressWarnings("unchecked")
        Map<Integer, Map<String, Object>> state = (Map<Integer, Map<String, Object>>) sd.get("state");
        assertEquals(List.of("step", "exp_avg", "exp_avg_sq"), List.copyOf(state.get(0).keySet()));
        assertEquals(1f, ((Tensor) state.get(0).get("step")).item());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) sd.get("param_groups");
        assertEquals(List.of("lr", "betas", "eps", "weight_decay", "amsgrad", "maximize", "params"), List.copyOf(groups.get(0).keySet()));
        says("loaded state dict contains a parameter group that doesn't match the size of optimizer's group",
                () -> new Adam(List.of(w, param(3)), 0.1).loadStateDict(sd));
    }

    @Test
    @DisplayName("SGD fits y = 2x + 1 with Linear(1, 1) and MSELoss")
    void regressionConverges() {
        Tensor.manualSeed(0);
        Linear model = new Linear(1, 1);
        Tensor x = Tensor.linspace(-1, 1, 16).reshape(16, 1);
        Tensor y = x.mul(2f).add(1f);
        SGD opt = new SGD(model.parameters(), 0.1, SGD.options().momentum(0.9));
        MSELoss lossFn = new MSELoss();
        float loss = Float.NaN;
        for (int epoch = 0; epoch < 200; epoch++) {
            opt.zeroGrad();
            Tensor l = lossFn.forward(model.forward(x), y);
            l.backward();
            opt.step();
            loss = l.item();
        }
        assertTrue(loss < 1e-8, "loss " + loss);
        assertEquals(2f, model.weight.item(), 1e-4);
        assertEquals(1f, model.bias.item(), 1e-4);
    }
}
