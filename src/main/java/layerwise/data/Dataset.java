package layerwise.data;

import java.util.List;
import layerwise.tensor.Tensor;

/**
 * A map-style dataset, PyTorch's {@code torch.utils.data.Dataset} with {@code __len__}: {@link #size()} items,
 * item {@code i} a list of tensors (an input and its label, say) that a {@link DataLoader} stacks into batches.
 */
public interface Dataset {
    /** Item {@code index} (0 &lt;= index &lt; size(), or negative from the end, as Python indexes). */
    List<Tensor> get(int index);

    /** The number of items, {@code len(dataset)}. */
    int size();
}
