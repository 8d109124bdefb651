package layerwise.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import layerwise.tensor.Tensor;

/**
 * Reads and writes safetensors files, the format of Hugging Face's {@code safetensors} library and of
 * {@code safetensors.torch.save_file / load_file}.
 *
 * <p>Layout: an 8-byte little-endian header length N, N bytes of JSON header, then the raw little-endian
 * tensor data. Reading accepts F32, F16, BF16 and F64 (all converted to float32) and keeps the
 * {@code __metadata__} string map. Writing produces F32 tensors stored contiguously in the map's order,
 * the header padded with spaces so the data is 8-byte aligned, which PyTorch's loader reads.
 *
 * <p>A malformed file is reported as one {@link TensorFileException} ({@code "<file>: <problem>"}) before
 * any tensor is built; nothing is partly loaded.
 *
 * <pre>{@code
 * SafeTensors.write(Path.of("linear.safetensors"), lin.stateDict(), Map.of("module", "Linear"));
 * SafeTensorsFile f = SafeTensors.read(Path.of("linear.safetensors"));
 * Tensor w = f.tensor("weight");
 * }</pre>
 */
public final class SafeTensors {

    private SafeTensors() {
    }

    /** Reads every tensor (header order) and the metadata of a safetensors file. */
    public static SafeTensorsFile read(Path file) throws IOException {
        SafeTensorsFormat.RawFile raw = SafeTensorsFormat.read(file);
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        raw.tensors().forEach((name, t) -> tensors.put(name, toTensor(t)));
        return new SafeTensorsFile(Collections.unmodifiableMap(tensors), raw.metadata());
    }

    /** Reads only the tensors of a safetensors file, in header order (a state dict). */
    public static Map<String, Tensor> load(Path file) throws IOException {
        return read(file).tensors();
    }

    /** Writes tensors as F32 in the map's order, with no metadata. */
    public static void write(Path file, Map<String, Tensor> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /**
     * Writes tensors as F32 in the map's order, and {@code metadata} (may be empty) as the
     * {@code __metadata__} string map. The file is replaced atomically.
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        Map<String, RawTensor> raw = new LinkedHashMap<>();
        tensors.forEach((name, t) -> {
            if (t == null) {
                throw new IllegalArgumentException("tensor \"" + name + "\" is null; leave absent tensors"
                        + " (like a bias=False bias) out of the map");
            }
            raw.put(name, fromTensor(t));
        });
        SafeTensorsWriter.write(file, raw, metadata);
    }

    static Tensor toTensor(RawTensor t) {
        return t.shape().length == 0 ? Tensor.scalar(t.data()[0]) : Tensor.of(t.data(), t.shape());
    }

    static RawTensor fromTensor(Tensor t) {
        return new RawTensor(t.shape(), t.toFloatArray());
    }
}
