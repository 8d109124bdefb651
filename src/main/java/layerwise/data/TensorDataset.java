package layerwise.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import layerwise.tensor.IndexError;
import layerwise.tensor.Nulls;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;
import layerwise.tensor.ValueError;

/**
 * {@code torch.utils.data.TensorDataset}: tensors that share their first dim; item {@code i} is row {@code i}
 * of each, {@code [x[i], y[i]]} (views, no copy).
 */
public final class TensorDataset implements Dataset {
    private final List<Tensor> tensors;

    public TensorDataset(Tensor... tensors) {
        Nulls.require(tensors, "TensorDataset", "tensors", 1, "tuple of Tensors");
        if (tensors.length == 0) {
            throw new ValueError("TensorDataset() needs at least one tensor",
                    "A dataset's items are rows of its tensors; with no tensor there are no rows to count.",
                    "pass the inputs and the labels: new TensorDataset(x, y).");
        }
        for (int i = 0; i < tensors.length; i++) {
            Nulls.tensor(tensors[i], "TensorDataset", "tensors[" + i + "]", i + 1);
            if (tensors[i].dim() == 0) {
                throw new IndexError("Dimension specified as 0 but tensor has no dimensions",
                        "tensors[" + i + "] is a 0-d tensor (a single number), so it has no rows to index.",
                        "give it a first dim, one entry per item: t.reshape(1) or a 1-D tensor of labels.");
            }
        }
        int rows = tensors[0].size(0);
        for (int i = 1; i < tensors.length; i++) {
            if (tensors[i].size(0) != rows) {
                throw new ShapeError("Size mismatch between tensors",
                        "TensorDataset pairs row i of every tensor, so their first dims must agree; tensors[0] has "
                                + rows + " rows, tensors[" + i + "] has " + tensors[i].size(0) + " (shapes "
                                + shapes(tensors) + ").",
                        "pass tensors with the same number of items, e.g. inputs [N, features] and labels [N].");
            }
        }
        this.tensors = List.of(tensors);
    }

    private static String shapes(Tensor[] tensors) {
        List<String> s = new ArrayList<>();
        for (Tensor t : tensors) s.add(Arrays.toString(t.shape()));
        return String.join(", ", s);
    }

    /** Row {@code index} of every tensor; a negative index counts from the end, as in Python. */
    @Override
    public List<Tensor> get(int index) {
        int n = size();
        if (index < -n || index >= n) {
            throw new IndexError("index " + index + " is out of bounds for dimension 0 with size " + n,
                    n == 0 ? "This dataset is empty: it has no item to return."
                            : "This dataset has " + n + " items, so valid indices are 0 to " + (n - 1) + " (or -" + n
                                    + " to -1 from the end).",
                    "index with 0 <= i < dataset.size().");
        }
        List<Tensor> item = new ArrayList<>(tensors.size());
        for (Tensor t : tensors) item.add(t.select(0, index));
        return List.copyOf(item);
    }

    @Override
    public int size() {
        return tensors.get(0).size(0);
    }

    /** The tensors themselves, PyTorch's {@code dataset.tensors}. */
    public List<Tensor> tensors() {
        return tensors;
    }

    @Override
    public String toString() {
        List<String> s = new ArrayList<>();
        for (Tensor t : tensors) s.add(t.shape.toString());
        return "TensorDataset(" + String.join(", ", s) + ")";
    }
}
