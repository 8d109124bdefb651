package layerwise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte layout, checked against files written by the Python fixture generator and by hand. */
class SafeTensorsFormatTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/pytorch-1.13");

    @TempDir
    Path dir;

    /** A file holding the u64 length of {@code header}, the header bytes, then {@code data}. */
    static Path file(Path dir, String name, String header, byte[] data) throws IOException {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> manifestCases() throws IOException {
        return (List<Map<String, Object>>) Json.parseObject(FIXTURES.resolve("MANIFEST.json")).get("cases");
    }

    static int[] ints(Object jsonArray) {
        return ((List<?>) jsonArray).stream().mapToInt(o -> ((Long) o).intValue()).toArray();
    }

    @Test
    void readsEveryFixtureWithTheNamesAndShapesOfItsManifest() throws IOException {
        List<Map<String, Object>> cases = manifestCases();
        assertEquals(83, cases.size());
        for (Map<String, Object> c : cases) {
            Path p = FIXTURES.resolve((String) c.get("file"));
            SafeTensorsFormat.RawFile f = SafeTensorsFormat.read(p);
            @SuppressWarnings("unchecked")
            Map<String, Object> expected = (Map<String, Object>) c.get("tensors");
            assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(f.tensors().keySet()), p.toString());
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                assertArrayEquals(ints(e.getValue()), f.tensors().get(e.getKey()).shape(), p + " " + e.getKey());
            }
            assertEquals(c.get("module"), f.metadata().get("module"), p.toString());
            assertEquals(Files.size(p), (long) (Long) c.get("bytes"));
        }
    }

    @Test
    void decodedLinearFixtureSatisfiesTheLinearEquation() throws IOException {
        // output[n][o] = sum_i input[n][i] * weight[o][i] + bias[o], written as a plain loop
        SafeTensorsFormat.RawFile f = SafeTensorsFormat.read(FIXTURES.resolve("linear_2d.safetensors"));
        float[] w = f.tensors().get("weight").data();
        float[] b = f.tensors().get("bias").data();
        float[] x = f.tensors().get("input").data();
        float[] y = f.tensors().get("output").data();
        int in = 20;
        int out = 5;
        for (int n = 0; n < 4; n++) {
            for (int o = 0; o < out; o++) {
                double sum = b[o];
                for (int i = 0; i < in; i++) {
                    sum += (double) x[n * in + i] * w[o * in + i];
                }
                assertEquals(sum, y[n * out + o], 1e-5, "output[" + n + "][" + o + "]");
            }
        }
    }

    @Test
    void rewritingAFixtureReproducesThePythonWrittenBytes() throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            for (Path p : files.filter(q -> q.toString().endsWith(".safetensors")).sorted().toList()) {
                SafeTensorsFormat.RawFile f = SafeTensorsFormat.read(p);
                Path copy = dir.resolve(p.getFileName());
                SafeTensorsWriter.write(copy, f.tensors(), f.metadata());
                assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(copy), p.toString());
            }
        }
    }

    @Test
    void roundTripsScalarsEmptyTensorsUnicodeNamesAndSpecialValues() throws IOException {
        Map<String, RawTensor> tensors = new LinkedHashMap<>();
        tensors.put("scalar", new RawTensor(new int[0], new float[] {3.5f}));
        tensors.put("empty", new RawTensor(new int[] {0, 3}, new float[0]));
        tensors.put("gewicht\u00e4", new RawTensor(new int[] {2, 2},
                new float[] {Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE}));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("module", "Linear");
        metadata.put("note", "caf\u00e9 \"quoted\"\n");
        Path p = dir.resolve("round.safetensors");
        SafeTensorsWriter.write(p, tensors, metadata);
        SafeTensorsFormat.RawFile f = SafeTensorsFormat.read(p);
        assertEquals(tensors, f.tensors());
        assertEquals(metadata, f.metadata());
        assertEquals(List.of("scalar", "empty", "gewicht\u00e4"), new ArrayList<>(f.tensors().keySet()));
    }

    @Test
    void writtenHeaderIsPaddedWithSpacesToEightByteAlignment() throws IOException {
        for (int nameLength = 1; nameLength <= 8; nameLength++) {
            Path p = dir.resolve("pad" + nameLength + ".safetensors");
            SafeTensorsWriter.write(p, Map.of("w".repeat(nameLength),
                    new RawTensor(new int[] {1}, new float[] {1f})), Map.of());
            byte[] bytes = Files.readAllBytes(p);
            long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, (8 + n) % 8);
            String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
            assertEquals("{\"" + "w".repeat(nameLength) + "\":{\"dtype\":\"F32\",\"shape\":[1],"
                    + "\"data_offsets\":[0,4]}}", header.stripTrailing());
            assertTrue(header.substring(header.lastIndexOf('}') + 1).chars().allMatch(c -> c == ' '));
            assertEquals(8 + n + 4, bytes.length);
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(q -> q.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    @Test
    void writerRefusesTheReservedMetadataName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SafeTensorsWriter.write(dir.resolve("x.safetensors"),
                        Map.of("__metadata__", new RawTensor(new int[] {1}, new float[1])), Map.of()));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }

    @Test
    void writingIntoAMissingDirectoryNamesTheTarget() {
        Path target = dir.resolve("missing").resolve("w.safetensors");
        IOException e = assertThrows(IOException.class,
                () -> SafeTensorsWriter.write(target, Map.of(), Map.of()));
        assertEquals(target + ": cannot write: the directory " + target.getParent() + " does not exist\n  Fix:"
                + " create it first, Files.createDirectories(Path.of(\"" + target.getParent() + "\")), or save"
                + " into a folder that exists", e.getMessage());
    }

    @Test
    void writingInsideAFileSaysItIsAFileNotAFolder() throws IOException {
        Path afile = Files.writeString(dir.resolve("afile.txt"), "notes");
        for (Path target : new Path[] {afile.resolve("m.safetensors"), afile.resolve("sub").resolve("m.safetensors")}) {
            IOException e = assertThrows(IOException.class, () -> SafeTensorsWriter.write(target, Map.of(), Map.of()));
            assertEquals(target + ": cannot write: " + afile + " is a file, not a folder, so nothing can be saved"
                    + " inside it\n  Fix: save next to it instead, e.g. " + dir.resolve("m.safetensors") + ", or pick"
                    + " another folder name (a file and a folder cannot share afile.txt)", e.getMessage());
        }
        assertEquals("notes", Files.readString(afile));
    }

    @Test
    void writingToTheRootSaysThePathNamesNoFile() {
        Path root = dir.getRoot();
        IOException e = assertThrows(IOException.class, () -> SafeTensorsWriter.write(root, Map.of(), Map.of()));
        assertEquals(root + ": cannot write: the path names no file, only the root folder " + root + "\n  Fix: add"
                + " a file name inside a folder you can write to, e.g. " + Path.of("out", "model.safetensors"),
                e.getMessage());
    }

    @Test
    void readsF16BF16AndF64AsFloat32() throws IOException {
        // F16 bit patterns and their IEEE 754 binary16 values: 1, -2, 65504 (max), 2^-24 (smallest
        // subnormal), 2^-14 (smallest normal), 1/3 rounded to binary16, -0, +inf
        short[] half = {0x3c00, (short) 0xc000, 0x7bff, 0x0001, 0x0400, 0x3555, (short) 0x8000, 0x7c00};
        float[] halfValues = {1f, -2f, 65504f, 0x1p-24f, 0x1p-14f, 0.333251953125f, -0.0f,
            Float.POSITIVE_INFINITY};
        // BF16 is the top 16 bits of a float32: 1, 3.140625, -0.5
        short[] bf16 = {0x3f80, 0x4049, (short) 0xbf00};
        float[] bf16Values = {1f, 3.140625f, -0.5f};
        double[] f64 = {0.1, -1e300, 1e-50};
        float[] f64Values = {0.1f, Float.NEGATIVE_INFINITY, 0f};
        ByteBuffer data = ByteBuffer.allocate(16 + 6 + 2 + 24).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : half) {
            data.putShort(s);
        }
        for (short s : bf16) {
            data.putShort(s);
        }
        data.putShort((short) 0); // a 0-d F16 tensor holding 0.0
        for (double d : f64) {
            data.putDouble(d);
        }
        String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,4],\"data_offsets\":[0,16]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[3],\"data_offsets\":[16,22]},"
                + "\"z\":{\"dtype\":\"F16\",\"shape\":[],\"data_offsets\":[22,24]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[3],\"data_offsets\":[24,48]}}";
        SafeTensorsFormat.RawFile f = SafeTensorsFormat.read(file(dir, "mixed.safetensors", header, data.array()));
        assertArrayEquals(halfValues, f.tensors().get("h").data());
        assertArrayEquals(new int[] {2, 4}, f.tensors().get("h").shape());
        assertArrayEquals(bf16Values, f.tensors().get("b").data());
        assertArrayEquals(new float[] {0f}, f.tensors().get("z").data());
        assertArrayEquals(new int[0], f.tensors().get("z").shape());
        assertArrayEquals(f64Values, f.tensors().get("d").data());
        assertEquals(Map.of(), f.metadata());
    }

    @Test
    void halfToFloatMatchesTheBinary16FormulaForEveryBitPattern() {
        // value = (-1)^s * 2^(e-15) * (1 + m/1024) for normal, (-1)^s * 2^-14 * (m/1024) for subnormal
        for (int bits = 0; bits < 0x10000; bits++) {
            int s = bits >> 15;
            int e = (bits >> 10) & 0x1f;
            int m = bits & 0x3ff;
            float actual = SafeTensorsFormat.halfToFloat((short) bits);
            if (e == 0x1f) {
                assertTrue(m == 0 ? Float.isInfinite(actual) : Float.isNaN(actual), Integer.toHexString(bits));
                continue;
            }
            double magnitude = e == 0 ? Math.pow(2, -14) * (m / 1024.0) : Math.pow(2, e - 15) * (1 + m / 1024.0);
            double expected = s == 1 ? -magnitude : magnitude;
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                    Integer.toHexString(bits));
        }
    }
}
