package layerwise.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .npy layout, checked against files written by real numpy. The samples in src/test/resources/io
 * were made with {@code /usr/bin/python3 src/test/python/make_npy_samples.py src/test/resources/io}
 * (numpy 1.24); their values are the formulas restated below.
 */
class NpyFormatTest {

    static final Path SAMPLES = Path.of("src/test/resources/io");

    @TempDir
    Path dir;

    /** np.arange(6).reshape(2, 3) * 0.5 - 1 */
    private static final float[] M = {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f};

    private static float[] cube() {
        // (np.arange(24).reshape(2, 3, 4) - 12) / 8
        float[] v = new float[24];
        for (int i = 0; i < 24; i++) {
            v[i] = (i - 12) / 8f;
        }
        return v;
    }

    private static void assertProblem(Path p, String expected) {
        TensorFileException e = assertThrows(TensorFileException.class, () -> NpyFormat.read(p));
        assertEquals(expected, e.problem());
        assertEquals(p + ": " + expected, e.getMessage());
    }

    private Path copyWith(String sample, String name, java.util.function.UnaryOperator<byte[]> edit)
            throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, edit.apply(Files.readAllBytes(SAMPLES.resolve(sample))));
        return p;
    }

    @Test
    void readsNumpyFloat32Version1() throws IOException {
        assertEquals(new RawTensor(new int[] {2, 3}, M), NpyFormat.read(SAMPLES.resolve("f4_2x3.npy")));
        assertEquals(new RawTensor(new int[] {2, 3, 4}, cube()), NpyFormat.read(SAMPLES.resolve("f4_2x3x4.npy")));
    }

    @Test
    void readsNumpyVersion2() throws IOException {
        assertEquals(new RawTensor(new int[] {2, 3}, M), NpyFormat.read(SAMPLES.resolve("f4_2x3_v2.npy")));
    }

    @Test
    void readsFloat64RoundedToFloat32() throws IOException {
        assertEquals(new RawTensor(new int[] {3}, new float[] {0.1f, -2.5f, 1e-3f}),
                NpyFormat.read(SAMPLES.resolve("f8_3.npy")));
    }

    @Test
    void readsScalarsAndEmptyArrays() throws IOException {
        assertEquals(new RawTensor(new int[0], new float[] {3.25f}), NpyFormat.read(SAMPLES.resolve("f4_scalar.npy")));
        assertEquals(new RawTensor(new int[] {0, 3}, new float[0]), NpyFormat.read(SAMPLES.resolve("f4_empty_0x3.npy")));
    }

    @Test
    void writesExactlyWhatNpSaveWrites() throws IOException {
        String[] names = {"f4_2x3.npy", "f4_2x3x4.npy", "f4_scalar.npy", "f4_empty_0x3.npy"};
        RawTensor[] tensors = {new RawTensor(new int[] {2, 3}, M), new RawTensor(new int[] {2, 3, 4}, cube()),
            new RawTensor(new int[0], new float[] {3.25f}), new RawTensor(new int[] {0, 3}, new float[0])};
        for (int i = 0; i < names.length; i++) {
            Path p = dir.resolve(names[i]);
            NpyFormat.write(p, tensors[i]);
            assertArrayEquals(Files.readAllBytes(SAMPLES.resolve(names[i])), Files.readAllBytes(p), names[i]);
        }
    }

    @Test
    void roundTripsEveryHeaderLengthAndSpecialValues() throws IOException {
        // first-axis lengths 1..10^9 change the header's width; every one must stay 64-byte aligned
        for (int n = 1; n <= 1_000_000_000; n *= 10) {
            int[] shape = {n, 0, 2};
            Path p = dir.resolve("len" + n + ".npy");
            NpyFormat.write(p, new RawTensor(shape, new float[0]));
            byte[] bytes = Files.readAllBytes(p);
            assertEquals(0, bytes.length % 64, "header of shape " + Arrays.toString(shape));
            assertEquals(new RawTensor(shape, new float[0]), NpyFormat.read(p));
        }
        float[] special = {Float.NaN, Float.NEGATIVE_INFINITY, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE};
        Path p = dir.resolve("special.npy");
        NpyFormat.write(p, new RawTensor(new int[] {5}, special));
        assertEquals(new RawTensor(new int[] {5}, special), NpyFormat.read(p));
    }

    @Test
    void fortranOrderIsRefusedWithTheFix() throws IOException {
        assertProblem(SAMPLES.resolve("f4_fortran_2x3.npy"), "the array is stored in Fortran (column-major)"
                + " order; only C order is supported: save it with np.save(path, np.ascontiguousarray(arr))");
    }

    @Test
    void integerDtypeIsRefused() throws IOException {
        assertProblem(SAMPLES.resolve("i8_3.npy"), "unsupported dtype '<i8': layerwise reads float32 ('<f4')"
                + " and float64 ('<f8'); convert it with arr.astype(np.float32)");
    }

    @Test
    void bigEndianIsRefused() throws IOException {
        assertProblem(SAMPLES.resolve("f4_big_endian_3.npy"), "unsupported dtype '>f4': layerwise reads float32"
                + " ('<f4') and float64 ('<f8'); it is big-endian: save arr.astype('<f4')");
    }

    @Test
    void badMagic() throws IOException {
        Path p = copyWith("f4_2x3.npy", "magic.npy", b -> {
            b[1] = 'X';
            return b;
        });
        assertProblem(p, "not a .npy file: it does not start with the magic bytes \\x93NUMPY (write it with np.save)");
    }

    @Test
    void emptyFile() throws IOException {
        Path p = dir.resolve("empty.npy");
        Files.write(p, new byte[0]);
        assertProblem(p, "the file is empty (0 bytes); a .npy file starts with the magic bytes \\x93NUMPY");
    }

    @Test
    void truncatedData() throws IOException {
        Path p = copyWith("f4_2x3.npy", "cut.npy", b -> Arrays.copyOf(b, b.length - 6));
        assertProblem(p, "the data is truncated: shape (2, 3) of <f4 needs 24 bytes, but the file holds 18");
    }

    @Test
    void truncatedHeader() throws IOException {
        Path p = copyWith("f4_2x3.npy", "short.npy", b -> Arrays.copyOf(b, 40));
        assertProblem(p, "the header length says 118 bytes, but only 30 bytes follow the preamble (the file is"
                + " truncated)");
    }

    @Test
    void trailingBytes() throws IOException {
        Path p = copyWith("f4_2x3.npy", "long.npy", b -> Arrays.copyOf(b, b.length + 4));
        assertProblem(p, "4 unexpected bytes after the data of shape (2, 3) (24 bytes of <f4)");
    }

    @Test
    void unsupportedVersion() throws IOException {
        Path p = copyWith("f4_2x3.npy", "v4.npy", b -> {
            b[6] = 4;
            return b;
        });
        assertProblem(p, "unsupported .npy format version 4.0 (readable: 1.0, 2.0, 3.0)");
    }

    @Test
    void garbledHeader() throws IOException {
        Path p = copyWith("f4_2x3.npy", "garbled.npy", b -> {
            b[10 + 10] = '@'; // the quote opening '<f4' in {'descr': '<f4', ...
            return b;
        });
        assertProblem(p, "the header is not a valid .npy header: unexpected '@' at offset 10");
    }

    /** A version 1.0 file with this header text (padded as np.save pads it) and these data bytes. */
    private Path npy(String name, String header, byte[] data) throws IOException {
        int unpadded = 10 + header.length() + 1;
        String padded = header + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(10 + padded.length() + data.length)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) padded.length())
                .put(padded.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)).put(data);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    @Test
    void fortranOrderAsAStringIsRefused() throws IOException {
        assertProblem(npy("str.npy", "{'descr': '<f4', 'fortran_order': 'True', 'shape': (1,), }", new byte[4]),
                "'fortran_order' must be True or False, found 'True' (np.save writes False for C order)");
    }

    @Test
    void duplicateHeaderKeyIsRefused() throws IOException {
        assertProblem(npy("dup.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'shape': (2,), }",
                new byte[8]), "the header is not a valid .npy header: duplicate key 'shape' in the dict");
    }

    @Test
    void deepNestingIsRefusedWithoutOverflowingTheStack() throws IOException {
        // 30,000 nested tuples: version 2.0 allows a header this long; numpy's literal_eval gives up too.
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + "(".repeat(30_000)
                + ")".repeat(30_000) + ", }\n";
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + header.length())
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(header.length())
                .put(header.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path p = dir.resolve("deep.npy");
        Files.write(p, b.array());
        assertProblem(p, "the header is not a valid .npy header: brackets nested deeper than 8 levels at offset 57");
    }

    @Test
    void moreDimensionsThanNumpyAllowsAreRefused() throws IOException {
        String shape = "(" + "1, ".repeat(65) + ")";
        assertProblem(npy("rank.npy", "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }",
                new byte[4]), "shape has 65 dimensions; numpy allows at most 64");
    }

    @Test
    void writeStreamsTheDataAcrossManyChunks() throws IOException {
        // 100,000 floats is several 64 KB chunks; every value lands where np.load expects it.
        float[] v = new float[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i * 0.25f - 7f;
        }
        Path p = dir.resolve("big.npy");
        NpyFormat.write(p, new RawTensor(new int[] {100, 1000}, v));
        assertEquals(128 + 4L * v.length, Files.size(p));
        assertEquals(new RawTensor(new int[] {100, 1000}, v), NpyFormat.read(p));
    }

    @Test
    void aHeaderOfMegabytesIsRefusedBeforeItIsRead() throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(12 + 2_000_000).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(2_000_000);
        Path p = dir.resolve("wide.npy");
        Files.write(p, b.array());
        assertProblem(p, "the header is 2000000 bytes; a .npy header is a short dict (numpy itself refuses more"
                + " than 10000 bytes), and more than 1048576 is not read");
    }
}
