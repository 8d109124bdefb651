package layerwise.io;

import java.util.Map;
import layerwise.tensor.Tensor;

/**
 * The contents of a safetensors file: tensors in header order and the {@code __metadata__} string map
 * (empty when the file has none). Both maps are unmodifiable.
 */
public record SafeTensorsFile(Map<String, Tensor> tensors, Map<String, String> metadata) {

    /** The tensor with this name; the error lists the names the file does hold. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor named \"" + name + "\"; the file holds "
                    + tensors.keySet());
        }
        return t;
    }
}
