package layerwise.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import layerwise.nn.CrossEntropyLoss;
import layerwise.nn.Linear;
import layerwise.nn.ReLU;
import layerwise.nn.Sequential;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run stopped, saved to a file, loaded into fresh objects and resumed ends where the uninterrupted run ends. */
class CheckpointTest {

    private static Sequential model() {
        return new Sequential(new Linear(4, 8), new ReLU(), new Linear(8, 3));
    }

    private static void steps(Sequential m, Optimizer opt, int from, int to) {
        CrossEntropyLoss loss = new CrossEntropyLoss();
        for (int s = from; s < to; s++) {
            Tensor.manualSeed(100 + s);                    // each step's batch depends only on its number
            Tensor x = Tensor.randn(5, 4);
            Tensor y = Tensor.of(new float[] {s % 3, (s + 1) % 3, 0, 1, 2});
            opt.zeroGrad();
            loss.forward(m.forward(x), y).backward();
            opt.step();
        }
    }

    private static void resumesExactly(Function<List<Tensor>, Optimizer> make, Path dir) {
        Tensor.manualSeed(0);
        Sequential straight = model();
        Tensor.manualSeed(0);
        Sequential first = model();
        Optimizer a = make.apply(straight.parameters());
        steps(straight, a, 0, 6);
        Optimizer b = make.apply(first.parameters());
        steps(first, b, 0, 3);
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, first, b);
        Tensor.manualSeed(7);
        Sequential second = model();                       // other weights, fresh state: the file must bring both back
        Optimizer c = make.apply(second.parameters());
        Checkpoint.load(file, second, c);
        steps(second, c, 3, 6);
        List<Tensor> want = straight.parameters(), got = second.parameters();
        for (int i = 0; i < want.size(); i++) {
            assertArrayEquals(want.get(i).toFloatArray(), got.get(i).toFloatArray(), a.getClass().getSimpleName() + " param " + i);
        }
    }

    @Test
    @DisplayName("SGD with momentum, Adam with amsgrad, AdamW and centred RMSprop resume bit for bit from a file")
    void resume(@TempDir Path dir) {
        resumesExactly(p -> new SGD(p, 0.1, SGD.options().momentum(0.9).weightDecay(1e-3)), dir);
        resumesExactly(p -> new Adam(p, 0.01, Adam.options().amsgrad(true)), dir);
        resumesExactly(p -> new AdamW(p, 0.01), dir);
        resumesExactly(p -> new RMSprop(p, 0.01, RMSprop.options().momentum(0.5).centered(true)), dir);
    }

    @Test
    @DisplayName("an optimizer prints as PyTorch prints it: its group's hyperparameters sorted, in Python's spelling")
    void printing() {
        Tensor w = Tensor.zeros(2).requiresGrad(true);
        org.junit.jupiter.api.Assertions.assertEquals("SGD (\nParameter Group 0\n    dampening: 0\n    lr: 0.05\n    maximize: False\n"
                + "    momentum: 0\n    nesterov: False\n    weight_decay: 0\n)", new SGD(List.of(w), 0.05).toString());
        String adam = new Adam(List.of(w), 0.01).toString();
        assertTrue(adam.contains("    betas: (0.9, 0.999)\n    eps: 1e-08\n"), adam);
        org.junit.jupiter.api.Assertions.assertEquals("0.0001", Optimizer.pyFloat(1e-4));
        org.junit.jupiter.api.Assertions.assertEquals("1.5e+16", Optimizer.pyFloat(1.5e16));
    }

    @Test
    @DisplayName("loading into another kind of optimizer, or a plain model file, is refused with the fix")
    void mistakes(@TempDir Path dir) {
        Sequential m = model();
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.save(file, m, new SGD(m.parameters(), 0.1));
        ValueError e = assertThrows(ValueError.class, () -> Checkpoint.load(file, m, new Adam(m.parameters(), 0.1)));
        assertTrue(e.getMessage().contains("holds the state of SGD, not of Adam"), e.getMessage());
        Path plain = dir.resolve("model.safetensors");
        m.save(plain);
        e = assertThrows(ValueError.class, () -> Checkpoint.load(plain, m, new SGD(m.parameters(), 0.1)));
        assertTrue(e.getMessage().contains("model.load(path)"), e.getMessage());
    }
}
