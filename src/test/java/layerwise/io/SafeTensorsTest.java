package layerwise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Tensor-level API: SafeTensors.read/write/load and Npy.read/write. */
class SafeTensorsTest {

    @TempDir
    Path dir;

    @Test
    void readsAFixtureAsTensors() throws IOException {
        SafeTensorsFile f = SafeTensors.read(SafeTensorsFormatTest.FIXTURES.resolve("linear_2d.safetensors"));
        assertEquals(List.of("weight", "bias", "input", "output", "grad_output", "grad.input", "grad.weight", "grad.bias"),
                new ArrayList<>(f.tensors().keySet()));
        assertArrayEquals(new int[] {5, 20}, f.tensor("weight").shape());
        assertEquals("Linear", f.metadata().get("module"));
        assertEquals("20", f.metadata().get("in_features"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.tensor("weights"));
        assertEquals("no tensor named \"weights\"; the file holds [weight, bias, input, output, grad_output, grad.input,"
                + " grad.weight, grad.bias]", e.getMessage());
    }

    @Test
    void writeThenReadKeepsOrderShapesValuesAndMetadata() throws IOException {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("0.weight", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 3, 2));
        sd.put("0.bias", Tensor.of(new float[] {-1, 0.5f, 7}, 3));
        sd.put("step", Tensor.scalar(42f));
        sd.put("transposed", Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3).t());
        sd.put("empty", Tensor.of(new float[0], 0, 4));
        Path p = dir.resolve("model.safetensors");
        SafeTensors.write(p, sd, Map.of("format", "pt"));

        SafeTensorsFile f = SafeTensors.read(p);
        assertEquals(List.of("0.weight", "0.bias", "step", "transposed", "empty"),
                new ArrayList<>(f.tensors().keySet()));
        assertEquals(Map.of("format", "pt"), f.metadata());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, f.tensor("0.weight").toFloatArray());
        assertArrayEquals(new int[] {3, 2}, f.tensor("0.weight").shape());
        assertArrayEquals(new float[] {-1, 0.5f, 7}, f.tensor("0.bias").toFloatArray());
        assertEquals(0, f.tensor("step").dim());
        assertEquals(42f, f.tensor("step").item());
        // a non-contiguous view is written in its logical row-major order: the transpose of [[1,2,3],[4,5,6]]
        assertArrayEquals(new int[] {3, 2}, f.tensor("transposed").shape());
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, f.tensor("transposed").toFloatArray());
        assertArrayEquals(new int[] {0, 4}, f.tensor("empty").shape());
        assertEquals(new ArrayList<>(f.tensors().keySet()), new ArrayList<>(SafeTensors.load(p).keySet()));
    }

    @Test
    void writeWithoutMetadataOmitsTheMetadataEntry() throws IOException {
        Path p = dir.resolve("plain.safetensors");
        SafeTensors.write(p, Map.of("w", Tensor.of(new float[] {1f}, 1)));
        String header = new String(Files.readAllBytes(p), 8, 56, java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("{\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}", header.strip());
        assertEquals(Map.of(), SafeTensors.read(p).metadata());
    }

    @Test
    void nullTensorIsRefusedWithTheFix() {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("bias", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(dir.resolve("x.safetensors"), sd));
        assertEquals("tensor \"bias\" is null; leave absent tensors (like a bias=False bias) out of the map",
                e.getMessage());
        assertFalse(Files.exists(dir.resolve("x.safetensors")));
    }

    @Test
    void npyReadsNumpySamplesAndRoundTrips() throws IOException {
        Tensor m = Npy.read(NpyFormatTest.SAMPLES.resolve("f4_2x3.npy"));
        assertArrayEquals(new int[] {2, 3}, m.shape());
        assertArrayEquals(new float[] {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f}, m.toFloatArray());
        Tensor s = Npy.read(NpyFormatTest.SAMPLES.resolve("f4_scalar.npy"));
        assertEquals(0, s.dim());
        assertEquals(3.25f, s.item());

        Path p = dir.resolve("t.npy");
        Npy.write(p, m.t());
        Tensor back = Npy.read(p);
        assertArrayEquals(new int[] {3, 2}, back.shape());
        assertArrayEquals(new float[] {-1f, 0.5f, -0.5f, 1f, 0f, 1.5f}, back.toFloatArray());
    }
}
