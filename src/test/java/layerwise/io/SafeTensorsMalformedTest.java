package layerwise.io;

import static layerwise.io.SafeTensorsFormatTest.file;
import static layerwise.io.SafeTensorsFormatTest.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed file gives one TensorFileException naming the file and the problem. */
class SafeTensorsMalformedTest {

    @TempDir
    Path dir;

    private static final String W = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}";

    private static void assertProblem(Path p, String expected) {
        TensorFileException e = assertThrows(TensorFileException.class, () -> SafeTensorsFormat.read(p));
        assertEquals(expected, e.problem());
        assertEquals(p + ": " + expected, e.getMessage());
        assertEquals(p, e.file());
    }

    private Path raw(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] lengthPrefix(long n) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(n).array();
    }

    @Test
    void validFileReadsFine() throws IOException {
        assertEquals(2, SafeTensorsFormat.read(file(dir, "ok.safetensors", W, floats(1, 2)))
                .tensors().get("w").data().length);
    }

    @Test
    void missingFile() {
        assertProblem(dir.resolve("nope.safetensors"), "no such file");
    }

    @Test
    void emptyFile() throws IOException {
        assertProblem(raw("empty.safetensors", new byte[0]), "the file is empty (0 bytes); a safetensors file"
                + " starts with an 8-byte little-endian header length");
    }

    @Test
    void shorterThanTheLengthPrefix() throws IOException {
        assertProblem(raw("five.safetensors", new byte[5]), "the file is truncated: 5 bytes, shorter than the"
                + " 8-byte header length that starts a safetensors file");
    }

    @Test
    void headerLengthLargerThanTheFile() throws IOException {
        Path p = file(dir, "long.safetensors", W, floats(1, 2));
        byte[] bytes = Files.readAllBytes(p);
        System.arraycopy(lengthPrefix(1000), 0, bytes, 0, 8);
        Files.write(p, bytes);
        assertProblem(p, "the header length says 1000 bytes, but only " + (bytes.length - 8) + " bytes follow"
                + " the 8-byte length prefix (the file is truncated or is not a safetensors file)");
    }

    @Test
    void hugeHeaderLengthIsRejectedWithoutAllocating() throws IOException {
        // 2^64 - 1 as an unsigned length: must be refused before any buffer is allocated
        byte[] bytes = new byte[16];
        System.arraycopy(lengthPrefix(-1L), 0, bytes, 0, 8);
        assertProblem(raw("huge.safetensors", bytes), "the header length says 18446744073709551615 bytes, but"
                + " only 8 bytes follow the 8-byte length prefix (the file is truncated or is not a safetensors file)");
    }

    @Test
    void headerLengthOverTheLimit() throws IOException {
        // a sparse 100 MB file: the length fits in the file but exceeds the 100,000,000-byte limit
        Path p = dir.resolve("big.safetensors");
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(lengthPrefix(100_000_001L)));
            ch.write(ByteBuffer.wrap(new byte[] {' '}), 8 + 100_000_001L);
        }
        assertProblem(p, "the header length 100000001 is larger than the 100000000-byte limit for"
                + " safetensors headers");
    }

    @Test
    void dataShorterThanTheOffsets() throws IOException {
        assertProblem(file(dir, "cut.safetensors", W, floats(1)), "tensor \"w\": data_offsets [0, 8] end past the"
                + " data buffer, which holds 4 bytes (the file is truncated or the offsets are wrong)");
    }

    @Test
    void offsetsOutOfRange() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[96,104]}}";
        assertProblem(file(dir, "range.safetensors", header, floats(1, 2)), "tensor \"w\": data_offsets"
                + " [96, 104] end past the data buffer, which holds 8 bytes (the file is truncated or the offsets"
                + " are wrong)");
    }

    @Test
    void headerNotJson() throws IOException {
        assertProblem(file(dir, "text.safetensors", "{\"w\": oops}", new byte[0]), "the header is not valid JSON:"
                + " invalid JSON at offset 6 (line 1, column 7): unexpected character 'o', expected a value");
    }

    @Test
    void headerNotUtf8() throws IOException {
        Path p = file(dir, "latin1.safetensors", "{\"x\":1}", new byte[0]);
        byte[] bytes = Files.readAllBytes(p);
        bytes[10] = (byte) 0xff;
        Files.write(p, bytes);
        assertProblem(p, "the header is not valid UTF-8 text");
    }

    @Test
    void headerNotAnObject() throws IOException {
        assertProblem(file(dir, "array.safetensors", "[1, 2]", new byte[0]), "the header must be a JSON object"
                + " mapping tensor names to {dtype, shape, data_offsets}, found an array");
    }

    @Test
    void unknownDtype() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F17\",\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "f17.safetensors", header, floats(1, 2)), "tensor \"w\": unknown dtype \"F17\""
                + " (safetensors dtypes are F64, F32, F16, BF16, BOOL, U8, I8, I16, U16, I32, U32, I64, U64,"
                + " F8_E4M3, F8_E5M2)");
    }

    @Test
    void unsupportedIntegerDtype() throws IOException {
        String header = "{\"steps\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "i64.safetensors", header, new byte[8]), "tensor \"steps\": dtype I64 is not"
                + " supported: layerwise reads F32, F16, BF16 and F64 (converted to float32); save it as float32"
                + " (tensor.float())");
    }

    @Test
    void shapeAndByteCountMismatch() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "count.safetensors", header, floats(1, 2)), "tensor \"w\": shape [2,3] with dtype"
                + " F32 needs 24 bytes, but data_offsets [0, 8] span 8 bytes");
    }

    @Test
    void overlappingOffsets() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}";
        assertProblem(file(dir, "overlap.safetensors", header, floats(1, 2, 3)), "tensors \"a\" (data_offsets"
                + " [0, 8]) and \"b\" (data_offsets [4, 12]) overlap");
    }

    @Test
    void holeBetweenTensors() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,12]}}";
        assertProblem(file(dir, "hole.safetensors", header, floats(1, 2, 3)), "bytes [4, 8) of the data buffer"
                + " belong to no tensor (between \"a\" and \"b\")");
    }

    @Test
    void holeBeforeTheFirstTensor() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        assertProblem(file(dir, "lead.safetensors", header, floats(1, 2)), "bytes [0, 4) of the data buffer"
                + " belong to no tensor (before \"a\")");
    }

    @Test
    void trailingBytesAfterTheLastTensor() throws IOException {
        assertProblem(file(dir, "tail.safetensors", W, floats(1, 2, 3)), "bytes [8, 12) of the data buffer"
                + " belong to no tensor (after \"w\")");
    }

    @Test
    void nonStringMetadataValue() throws IOException {
        String header = "{\"__metadata__\":{\"module\":\"Linear\",\"in_features\":10}}";
        assertProblem(file(dir, "meta.safetensors", header, new byte[0]), "\"__metadata__\" value of"
                + " \"in_features\" must be a string, found a number (10); safetensors metadata maps strings to"
                + " strings");
    }

    @Test
    void metadataNotAnObject() throws IOException {
        assertProblem(file(dir, "meta2.safetensors", "{\"__metadata__\":\"Linear\"}", new byte[0]),
                "\"__metadata__\" must be an object of string values, found a string");
    }

    @Test
    void negativeDimension() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2,-1],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "neg.safetensors", header, floats(1, 2)), "tensor \"w\": shape [2,-1] has a"
                + " negative dimension");
    }

    @Test
    void shapeTooLargeForAJavaArray() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "wide.safetensors", header, floats(1, 2)), "tensor \"w\": shape [65536,65536]"
                + " has more than 2147483639 elements, the most a Java float array holds");
    }

    @Test
    void zeroElementsWithHugeDimsLoad() throws IOException {
        // torch (and .npy here) accepts an empty tensor whatever its other dims; the count is 0, not too large
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[0,2147483647,2147483647],\"data_offsets\":[0,0]}}";
        Path p = file(dir, "empty.safetensors", header, new byte[0]);
        var tensors = SafeTensors.load(p);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {0, 2147483647, 2147483647}, tensors.get("w").shape());
        assertEquals(0, tensors.get("w").numel());
        String later = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2147483647,2147483647,2147483647,0],\"data_offsets\":[0,0]}}";
        assertEquals(0, SafeTensors.load(file(dir, "empty2.safetensors", later, new byte[0])).get("w").numel());
    }

    @Test
    void dimensionLargerThanAnInt() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[0,2147483648],\"data_offsets\":[0,0]}}";
        assertProblem(file(dir, "dim.safetensors", header, new byte[0]), "tensor \"w\": shape [0,2147483648]"
                + " has a dimension of 2147483648, more than 2147483647, the largest size a dimension here can have");
    }

    @Test
    void shapeNotAnArrayOfIntegers() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2.5],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "frac.safetensors", header, floats(1, 2)), "tensor \"w\": shape must be an array"
                + " of integers, found [2.5]");
    }

    @Test
    void offsetsNotAnIncreasingPair() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[8,0]}}";
        assertProblem(file(dir, "back.safetensors", header, floats(1, 2)), "tensor \"w\": data_offsets must be"
                + " [begin, end] with 0 <= begin <= end, found [8,0]");
    }

    @Test
    void entryMissingAKey() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "noshape.safetensors", header, floats(1, 2)), "tensor \"w\": the header entry has"
                + " no \"shape\"");
    }

    @Test
    void entryWithAnUnexpectedKey() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offset\":[0,8]}}";
        assertProblem(file(dir, "typo.safetensors", header, floats(1, 2)), "tensor \"w\": unexpected key"
                + " \"data_offset\" in the header entry (expected dtype, shape, data_offsets)");
    }

    @Test
    void entryNotAnObject() throws IOException {
        assertProblem(file(dir, "num.safetensors", "{\"w\":3}", new byte[0]), "tensor \"w\": the header entry must"
                + " be an object with dtype, shape and data_offsets, found a number");
    }

    @Test
    void dtypeNotAString() throws IOException {
        String header = "{\"w\":{\"dtype\":4,\"shape\":[2],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "dnum.safetensors", header, floats(1, 2)), "tensor \"w\": dtype must be a string,"
                + " found a number");
    }

    @Test
    void numberBeyondDoubleRangeNamesTheFile() throws IOException {
        String header = "{\"w\":{\"dtype\":\"F32\",\"shape\":[1e999,2],\"data_offsets\":[0,8]}}";
        assertProblem(file(dir, "inf.safetensors", header, floats(1, 2)), "the header is not valid JSON: invalid"
                + " JSON at offset 29 (line 1, column 30): number 1e999 is out of range (beyond ±1.8e308)");
    }

    @Test
    void duplicateTensorNameIsRefused() throws IOException {
        String entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        assertProblem(file(dir, "dup.safetensors", "{\"w\":" + entry + ",\"w\":" + entry + "}", floats(1)),
                "the header is not valid JSON: invalid JSON at offset 54 (line 1, column 55): duplicate key \"w\"");
    }

    @Test
    void deeplyNestedHeaderIsRefusedWithoutOverflowingTheStack() throws IOException {
        String header = "[".repeat(30_000) + "]".repeat(30_000);
        TensorFileException e = assertThrows(TensorFileException.class,
                () -> SafeTensorsFormat.read(file(dir, "deep.safetensors", header, new byte[0])));
        assertEquals("the header is not valid JSON: invalid JSON at offset 512 (line 1, column 513): nesting"
                + " deeper than 512 levels", e.problem());
    }

    /** 150,000 empty tensors: a 9 MB header whose parsed tree would cost many times that; refused early. */
    @Test
    void headerOfTooManyValuesIsRefusedBeforeItCostsGigabytes() throws IOException {
        StringBuilder h = new StringBuilder("{");
        for (int i = 0; i < 150_000; i++) {
            h.append(i == 0 ? "" : ",").append("\"t").append(i)
                    .append("\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}");
        }
        Path p = file(dir, "many.safetensors", h.append('}').toString(), new byte[0]);
        TensorFileException e = assertThrows(TensorFileException.class, () -> SafeTensorsFormat.read(p));
        assertEquals(p, e.file());
        org.junit.jupiter.api.Assertions.assertTrue(e.problem().startsWith("the header is not valid JSON: invalid"
                + " JSON at offset "), e.problem());
        org.junit.jupiter.api.Assertions.assertTrue(e.problem().endsWith(": more than 1000000 values"), e.problem());
    }
}
