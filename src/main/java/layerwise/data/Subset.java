package layerwise.data;

import java.util.List;
import layerwise.tensor.IndexError;
import layerwise.tensor.Nulls;
import layerwise.tensor.Tensor;

/**
 * {@code torch.utils.data.Subset}: the items of a dataset at the given indices, in that order (no copy).
 * {@link Datasets#randomSplit} returns these.
 */
public final class Subset implements Dataset {
    private final Dataset dataset;
    private final int[] indices;

    public Subset(Dataset dataset, int[] indices) {
        this.dataset = Nulls.require(dataset, "Subset", "dataset", 1, "Dataset");
        this.indices = Nulls.require(indices, "Subset", "indices", 2, "sequence of ints").clone();
    }

    @Override
    public List<Tensor> get(int index) {
        int i = index < 0 ? index + indices.length : index;
        if (i < 0 || i >= indices.length) {
            throw new IndexError("list index out of range",
                    "This subset has " + indices.length + " items, so index " + index + " is outside it (valid: 0 to "
                            + (indices.length - 1) + ", or -" + indices.length + " to -1 from the end).",
                    "index with 0 <= i < subset.size().");
        }
        return dataset.get(indices[i]);
    }

    @Override
    public int size() {
        return indices.length;
    }

    /** The parent dataset, PyTorch's {@code subset.dataset}. */
    public Dataset dataset() {
        return dataset;
    }

    /** The parent's indices of this subset's items, PyTorch's {@code subset.indices}. */
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public String toString() {
        return "Subset(" + indices.length + " of " + dataset + ")";
    }
}
