package layerwise.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import layerwise.tensor.IndexError;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.TorchError;
import layerwise.tensor.TypeError;
import layerwise.tensor.ValueError;

/** Each loss mistake gives PyTorch 1.13's text (recorded in its session) first, then a meaning and a Fix. */
class LossErrorsTest {

    private static <T extends Throwable> void says(Class<T> type, String torchText, Executable mistake) {
        T e = assertThrows(type, mistake);
        assertEquals(torchText, ((TorchError) e).torchMessage());
        assertTrue(e.getMessage().contains("\n  Fix: "), e.getMessage());
    }

    private static Tensor indices(float... v) {
        return Tensor.of(v, v.length);
    }

    @Test
    @DisplayName("CrossEntropyLoss: batch sizes, out-of-bounds targets, multi-target, weights, smoothing")
    void crossEntropy() {
        CrossEntropyLoss ce = new CrossEntropyLoss();
        says(ValueError.class, "Expected input batch_size (3) to match target batch_size (4).",
                () -> ce.forward(Tensor.randn(3, 5), indices(0, 1, 2, 3)));
        says(IndexError.class, "Target 7 is out of bounds.", () -> ce.forward(Tensor.randn(3, 5), indices(0, 7, 1)));
        says(IndexError.class, "Target -1 is out of bounds.", () -> ce.forward(Tensor.randn(3, 5), indices(1, 2, -1)));
        says(ShapeError.class, "0D or 1D target tensor expected, multi-target not supported",
                () -> ce.forward(Tensor.randn(3, 5), Tensor.zeros(3, 1)));
        says(ShapeError.class, "Expected target size [2, 4], got [2, 3]",
                () -> ce.forward(Tensor.randn(2, 3, 4), Tensor.zeros(2, 3)));
        says(ValueError.class, "weight tensor should be defined either for all 5 classes or no classes but got weight tensor of shape: [3]",
                () -> new CrossEntropyLoss(Tensor.ones(3)).forward(Tensor.randn(3, 5), indices(1, 2, 1)));
        says(ValueError.class, "cross_entropy: weight tensor should be defined either for all 5 classes or no classes but got weight tensor of shape: [4]",
                () -> new CrossEntropyLoss(Tensor.ones(4)).forward(Tensor.randn(3, 5), Tensor.rand(3, 5)));
        says(ValueError.class, "label_smoothing must be between 0.0 and 1.0. Got: 1.5",
                () -> new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(1.5)).forward(Tensor.randn(3, 5), indices(1, 2, 1)));
        says(ValueError.class, "Target 1.5 is not a class index", () -> ce.forward(Tensor.randn(2, 5), indices(1.5f, 2)));
    }

    @Test
    @DisplayName("NLLLoss: 0-d input, a single sample with a batch of targets")
    void nll() {
        says(ValueError.class, "Expected 1 or more dimensions (got 0)", () -> new NLLLoss().forward(Tensor.scalar(1), Tensor.scalar(1)));
        says(ShapeError.class, "size mismatch (got input: [5], target: [1])", () -> new NLLLoss().forward(Tensor.randn(5), indices(1)));
        says(ShapeError.class, "0D or 1D target tensor expected, multi-target not supported",
                () -> new NLLLoss().forward(Tensor.randn(3, 5), Tensor.zeros(3, 1)));
    }

    @Test
    @DisplayName("MSELoss and L1Loss: shapes that do not broadcast; an unknown reduction")
    void regression() {
        says(ShapeError.class, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                () -> new MSELoss().forward(Tensor.randn(3, 5), Tensor.randn(4, 5)));
        says(ShapeError.class, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0",
                () -> new L1Loss().forward(Tensor.randn(3, 5), Tensor.randn(4, 5)));
        says(ValueError.class, "avg is not a valid value for reduction", () -> new MSELoss("avg"));
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true));
        try {
            assertEquals(9, new MSELoss("none").forward(Tensor.randn(3, 1), Tensor.randn(3)).numel(), "(3, 1) against (3) broadcasts");
        } finally {
            System.setErr(err);
        }
        assertEquals("UserWarning: Using a target size (torch.Size([3])) that is different to the input size (torch.Size([3, 1])). "
                + "This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.",
                captured.toString().strip());
    }

    @Test
    @DisplayName("BCELoss and BCEWithLogitsLoss: inputs outside [0, 1], mismatched sizes, weights that do not broadcast")
    void binary() {
        says(ValueError.class, "all elements of input should be between 0 and 1",
                () -> new BCELoss().forward(Tensor.of(new float[] {0.5f, 1.5f}, 2), Tensor.rand(2)));
        says(ValueError.class, "all elements of input should be between 0 and 1",
                () -> new BCELoss().forward(Tensor.of(new float[] {Float.NaN}, 1), Tensor.rand(1)));
        says(ValueError.class, "Using a target size (torch.Size([4])) that is different to the input size (torch.Size([3])) is deprecated. "
                + "Please ensure they have the same size.", () -> new BCELoss().forward(Tensor.rand(3), Tensor.rand(4)));
        says(ValueError.class, "Target size (torch.Size([4])) must be the same as input size (torch.Size([3]))",
                () -> new BCEWithLogitsLoss().forward(Tensor.randn(3), Tensor.rand(4)));
        says(ShapeError.class, "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 0",
                () -> new BCELoss(Tensor.rand(2)).forward(Tensor.rand(3), Tensor.rand(3)));
    }

    @Test
    @DisplayName("A loss refuses a keyword it does not take; losses print as PyTorch's")
    void keywordsAndRepr() {
        says(TypeError.class, "__init__() got an unexpected keyword argument 'label_smoothing'",
                () -> new NLLLoss(NLLLoss.options().labelSmoothing(0.1)));
        says(TypeError.class, "__init__() got an unexpected keyword argument 'pos_weight'",
                () -> new BCELoss(BCELoss.options().posWeight(Tensor.ones(2))));
        assertEquals("CrossEntropyLoss()", new CrossEntropyLoss(CrossEntropyLoss.options().labelSmoothing(0.1)).toString());
        assertEquals("MSELoss()", new MSELoss().toString());
        assertEquals("Softmax(dim=1)", new Softmax(1).toString());
        assertEquals("LogSoftmax(dim=-1)", new LogSoftmax(-1).toString());
    }
}
