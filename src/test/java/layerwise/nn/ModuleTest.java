package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import layerwise.io.SafeTensors;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleTest {

    /** A user-defined module, the way a lesson writes one. */
    static final class TwoLayer extends Module implements TensorModule {
        final Tensor scale = registerParameter("scale", Tensor.ones(3));
        final Tensor unused = registerParameter("unused", null);
        final Linear fc1 = registerModule("fc1", new Linear(3, 4));
        final Sequential head = registerModule("head", new Sequential(new ReLU(), new Linear(4, 2)));

        @Override
        public Tensor forward(Tensor x) {
            return head.forward(fc1.forward(x.mul(scale)));
        }

        @Override
        public String extraRepr() {
            return "";
        }
    }

    @Test
    @DisplayName("namedParameters lists own parameters, then children's, with dotted names, in registration order")
    void namedParametersOrder() {
        TwoLayer m = new TwoLayer();
        assertEquals(List.of("scale", "fc1.weight", "fc1.bias", "head.1.weight", "head.1.bias"),
                List.copyOf(m.namedParameters().keySet()));
        assertSame(m.fc1.weight, m.namedParameters().get("fc1.weight"), "the tensors themselves, not copies");
        assertEquals(List.copyOf(m.namedParameters().values()), m.parameters());
        assertEquals(List.copyOf(m.namedParameters().keySet()), List.copyOf(m.stateDict().keySet()));
        assertEquals(3 + 12 + 4 + 8 + 2, m.numParameters());
    }

    @Test
    @DisplayName("a null parameter (bias=None) takes its name but is not in the state dict")
    void nullParameter() {
        Linear l = new Linear(10, 5, false);
        assertNull(l.bias);
        assertEquals(List.of("weight"), List.copyOf(l.stateDict().keySet()));
        assertEquals(50, l.numParameters());
    }

    @Test
    @DisplayName("a tensor shared by two modules is one parameter but two state dict entries, as in torch")
    void sharedParameter() {
        Linear a = new Linear(2, 2);
        Module m = new Module() {
            final Linear first = registerModule("a", a);
            final Linear second = registerModule("b", a);

            @Override
            public String extraRepr() {
                return "";
            }
        };
        assertEquals(List.of("a.weight", "a.bias"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(List.of("a.weight", "a.bias", "b.weight", "b.bias"), List.copyOf(m.stateDict().keySet()));
        assertEquals(6, m.numParameters());
    }

    @Test
    @DisplayName("registering a name twice, an empty name or a dotted name is refused")
    void badNames() {
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            final Tensor a = registerParameter("w", Tensor.ones(1));
            final Tensor b = registerParameter("w", Tensor.ones(1));

            @Override
            public String extraRepr() {
                return "";
            }
        });
        assertThrows(IllegalArgumentException.class, () -> new Module() {
            final Tensor a = registerParameter("a.b", Tensor.ones(1));

            @Override
            public String extraRepr() {
                return "";
            }
        });
    }

    @Test
    @DisplayName("loadStateDict copies values in place")
    void loadCopiesInPlace() {
        Linear l = new Linear(3, 2);
        Tensor w = l.weight;
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Tensor.arange(6).reshape(2, 3));
        sd.put("bias", Tensor.of(new float[] {7, 8}));
        l.loadStateDict(sd);
        assertSame(w, l.weight);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, l.weight.toFloatArray());
        assertArrayEquals(new float[] {7, 8}, l.bias.toFloatArray());
        sd.get("weight").fill_(9);
        assertEquals(5f, l.weight.get(1, 2), "a copy, not the checkpoint's tensor");
    }

    @Test
    @DisplayName("strict loading reports missing keys, unexpected keys and every size mismatch together, loading nothing")
    void strictLoadReportsEverything() {
        Linear l = new Linear(20, 5);
        float[] before = l.weight.toFloatArray();
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Tensor.zeros(5, 10));
        sd.put("extra", Tensor.zeros(1));
        ShapeError e = assertThrows(ShapeError.class, () -> l.loadStateDict(sd));
        assertEquals("Error(s) in loading state_dict for Linear:", e.torchMessage());
        String msg = e.getMessage();
        assertTrue(msg.contains("Missing key(s) in state_dict: \"bias\". "), msg);
        assertTrue(msg.contains("Unexpected key(s) in state_dict: \"extra\". "), msg);
        assertTrue(msg.contains("size mismatch for weight: copying a param with shape [5, 10] from checkpoint, "
                + "the shape in current model is [5, 20]."), msg);
        assertTrue(msg.indexOf("Missing") < msg.indexOf("Unexpected") && msg.indexOf("Unexpected") < msg.indexOf("size mismatch"),
                "PyTorch's order: missing, unexpected, size mismatches\n" + msg);
        assertTrue(msg.contains("Fix: "), msg);
        assertArrayEquals(before, l.weight.toFloatArray(), "nothing is loaded when anything is wrong");
    }

    @Test
    @DisplayName("train() and eval() set the mode of every child, recursively")
    void trainEvalRecursive() {
        TwoLayer m = new TwoLayer();
        assertTrue(m.isTraining());
        assertSame(m, m.eval());
        assertFalse(m.isTraining());
        assertFalse(m.head.isTraining());
        assertFalse(((Module) m.head.get(1)).isTraining());
        m.train();
        assertTrue(((Module) m.head.get(0)).isTraining());
    }

    @Test
    @DisplayName("toString prints PyTorch's repr: one line for a leaf, an indented tree for containers")
    void reprTree() {
        Sequential s = new Sequential(new Conv2d(3, 16, 3, Conv2d.options().padding(1)), new ReLU(), new MaxPool2d(2),
                new Flatten(), new Linear(10, 5), new Sequential(new Tanh(), new Sigmoid()));
        // Printed by torch 1.13 for the same model.
        assertEquals("Sequential(\n"
                + "  (0): Conv2d(3, 16, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))\n"
                + "  (1): ReLU()\n"
                + "  (2): MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)\n"
                + "  (3): Flatten(start_dim=1, end_dim=-1)\n"
                + "  (4): Linear(in_features=10, out_features=5, bias=True)\n"
                + "  (5): Sequential(\n"
                + "    (0): Tanh()\n"
                + "    (1): Sigmoid()\n"
                + "  )\n"
                + ")", s.toString());
        assertEquals("Sequential()", new Sequential().toString());
        assertTrue(new TwoLayer().toString().startsWith("TwoLayer(\n  (fc1): Linear(in_features=3, out_features=4, bias=True)\n"));
    }

    @Test
    @DisplayName("save and load round-trip a state dict through safetensors with PyTorch's key names")
    void saveLoadRoundTrip(@TempDir Path dir) throws Exception {
        Tensor.manualSeed(3);
        Sequential a = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2, false));
        Path file = dir.resolve("model.safetensors");
        a.save(file);
        assertEquals(List.of("0.weight", "0.bias", "2.weight"), List.copyOf(SafeTensors.load(file).keySet()));
        Tensor.manualSeed(4);
        Sequential b = new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2, false));
        b.load(file);
        a.stateDict().forEach((k, t) -> assertArrayEquals(t.toFloatArray(), b.stateDict().get(k).toFloatArray(), k));
        Linear wrong = new Linear(4, 3);
        assertThrows(ShapeError.class, () -> wrong.load(file));
    }

    @Test
    @DisplayName("save into a path under a regular file, or to the root, says so with a Fix")
    void saveToAFileOrTheRootExplains(@TempDir Path dir) throws Exception {
        Linear m = new Linear(2, 1);
        Path afile = java.nio.file.Files.writeString(dir.resolve("afile.txt"), "x");
        java.io.UncheckedIOException e = assertThrows(java.io.UncheckedIOException.class,
                () -> m.save(afile.resolve("m.safetensors")));
        assertTrue(e.getMessage().contains(afile + " is a file, not a folder"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  Fix: save next to it instead, e.g. " + dir.resolve("m.safetensors")),
                e.getMessage());
        java.io.UncheckedIOException root = assertThrows(java.io.UncheckedIOException.class, () -> m.save("/"));
        assertTrue(root.getMessage().startsWith("/: cannot write: the path names no file, only the root folder /"),
                root.getMessage());
        assertTrue(root.getMessage().contains("\n  Fix: "), root.getMessage());
        assertFalse(root.getMessage().contains("null"), root.getMessage());
    }
}
