package layerwise.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors byte layout, on float32 arrays (no {@code Tensor} here).
 *
 * <pre>
 *   u64 little-endian N | N bytes UTF-8 JSON header | data buffer (little-endian, row-major)
 *   header: {"__metadata__": {"k": "v", ...},
 *            "name": {"dtype": "F32", "shape": [d0, d1, ...], "data_offsets": [begin, end]}, ...}
 * </pre>
 *
 * Offsets are relative to the start of the data buffer. Reading follows the rules of the safetensors
 * library's own loader: the tensors must tile the data buffer exactly (sorted by offset, each begins
 * where the previous one ends, the last ends at the end of the file), so overlaps, gaps and trailing
 * bytes are errors. The whole header is validated before any tensor data is read or allocated. Writing
 * is in {@link SafeTensorsWriter}.
 */
final class SafeTensorsFormat {

    /** The safetensors library's own limit; also keeps a corrupt length from allocating gigabytes. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    /**
     * Most JSON values a header may hold. A parsed value costs about a hundred bytes of heap, so a header
     * of a million empty tensors would cost gigabytes; a real checkpoint has a few values per tensor and
     * rarely more than ten thousand tensors.
     */
    static final long MAX_HEADER_VALUES = 1_000_000L;
    /** Largest Java array (some VMs reserve a few header words). */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int CHUNK_BYTES = 1 << 16;
    private static final List<String> OTHER_DTYPES = List.of(
            "BOOL", "U8", "I8", "I16", "U16", "I32", "U32", "I64", "U64", "F8_E4M3", "F8_E5M2");

    /** Element types that are read (and converted to float32). */
    enum Dtype {
        F32(4), F16(2), BF16(2), F64(8);

        final int bytes;

        Dtype(int bytes) {
            this.bytes = bytes;
        }

        float decode(ByteBuffer b) {
            switch (this) {
                case F32: return b.getFloat();
                case F64: return (float) b.getDouble();
                case BF16: return Float.intBitsToFloat((b.getShort() & 0xffff) << 16);
                default: return halfToFloat(b.getShort());
            }
        }
    }

    record RawFile(Map<String, RawTensor> tensors, Map<String, String> metadata) { }

    private record Entry(String name, Dtype dtype, int[] shape, long begin, long end) {
        String offsets() {
            return "[" + begin + ", " + end + "]";
        }
    }

    private SafeTensorsFormat() {
    }

    // ---------------------------------------------------------------- reading

    static RawFile read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new TensorFileException(file, "the file is empty (0 bytes); a safetensors file starts"
                        + " with an 8-byte little-endian header length");
            }
            if (size < 8) {
                throw new TensorFileException(file, "the file is truncated: " + size + " bytes, shorter than"
                        + " the 8-byte header length that starts a safetensors file");
            }
            long headerLength = readFully(ch, file, 0, 8).getLong();
            long afterPrefix = size - 8;
            if (Long.compareUnsigned(headerLength, afterPrefix) > 0) {
                throw new TensorFileException(file, "the header length says " + Long.toUnsignedString(headerLength)
                        + " bytes, but only " + afterPrefix + " bytes follow the 8-byte length prefix"
                        + " (the file is truncated or is not a safetensors file)");
            }
            if (headerLength > MAX_HEADER_BYTES) {
                throw new TensorFileException(file, "the header length " + headerLength
                        + " is larger than the " + MAX_HEADER_BYTES + "-byte limit for safetensors headers");
            }
            Map<String, Object> header = parseHeader(file, readFully(ch, file, 8, (int) headerLength));
            long dataStart = 8 + headerLength;
            Map<String, String> metadata = metadata(file, header.remove("__metadata__"));
            List<Entry> entries = entries(file, header, size - dataStart);
            checkMemory(file, entries);
            Map<String, RawTensor> tensors = new LinkedHashMap<>();
            for (Entry e : entries) {
                tensors.put(e.name, new RawTensor(e.shape, readData(ch, file, dataStart, e)));
            }
            return new RawFile(Collections.unmodifiableMap(tensors), Collections.unmodifiableMap(metadata));
        } catch (TensorFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new TensorFileException(file, "no such file", e);
        } catch (IOException e) {
            throw new TensorFileException(file, "cannot read the file: " + e, e);
        } catch (RuntimeException e) {
            // Every known problem is reported above; this keeps the file name on anything unforeseen.
            throw new TensorFileException(file, "cannot read the file: " + e, e);
        }
    }

    private static Map<String, Object> parseHeader(Path file, ByteBuffer bytes) throws TensorFileException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes).toString();
        } catch (CharacterCodingException e) {
            throw new TensorFileException(file, "the header is not valid UTF-8 text");
        }
        Object parsed;
        try {
            parsed = Json.parse(text, MAX_HEADER_VALUES);
        } catch (IllegalArgumentException e) {
            throw new TensorFileException(file, "the header is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new TensorFileException(file, "the header must be a JSON object mapping tensor names to"
                    + " {dtype, shape, data_offsets}, found " + Json.describe(parsed));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> header = (Map<String, Object>) parsed;
        return header;
    }

    private static Map<String, String> metadata(Path file, Object value) throws TensorFileException {
        Map<String, String> metadata = new LinkedHashMap<>();
        if (value == null) {
            return metadata;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new TensorFileException(file, "\"__metadata__\" must be an object of string values, found "
                    + Json.describe(value));
        }
        for (Map.Entry<?, ?> kv : map.entrySet()) {
            if (!(kv.getValue() instanceof String s)) {
                throw new TensorFileException(file, "\"__metadata__\" value of \"" + kv.getKey()
                        + "\" must be a string, found " + Json.describe(kv.getValue()) + " ("
                        + Json.write(kv.getValue()) + "); safetensors metadata maps strings to strings");
            }
            metadata.put((String) kv.getKey(), s);
        }
        return metadata;
    }

    /** Validates every header entry, then checks that the entries tile the data buffer exactly. */
    private static List<Entry> entries(Path file, Map<String, Object> header, long dataBytes)
            throws TensorFileException {
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> kv : header.entrySet()) {
            Entry e = entry(file, kv.getKey(), kv.getValue());
            if (e.end > dataBytes) {
                throw new TensorFileException(file, "tensor \"" + e.name + "\": data_offsets " + e.offsets()
                        + " end past the data buffer, which holds " + dataBytes
                        + " bytes (the file is truncated or the offsets are wrong)");
            }
            entries.add(e);
        }
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long covered = 0;
        Entry previous = null;
        for (Entry e : byOffset) {
            if (e.begin < covered) {
                throw new TensorFileException(file, "tensors \"" + previous.name + "\" (data_offsets "
                        + previous.offsets() + ") and \"" + e.name + "\" (data_offsets " + e.offsets()
                        + ") overlap");
            }
            if (e.begin > covered) {
                throw new TensorFileException(file, "bytes [" + covered + ", " + e.begin + ") of the data"
                        + " buffer belong to no tensor (" + (previous == null ? "before" : "between \""
                        + previous.name + "\" and") + " \"" + e.name + "\")");
            }
            covered = e.end;
            previous = e;
        }
        if (covered != dataBytes) {
            throw new TensorFileException(file, "bytes [" + covered + ", " + dataBytes + ") of the data buffer"
                    + " belong to no tensor (" + (previous == null ? "the header lists no tensors"
                    : "after \"" + previous.name + "\"") + ")");
        }
        return entries;
    }

    private static Entry entry(Path file, String name, Object value) throws TensorFileException {
        String where = "tensor \"" + name + "\": ";
        if (!(value instanceof Map<?, ?> info)) {
            throw new TensorFileException(file, where + "the header entry must be an object with dtype, shape"
                    + " and data_offsets, found " + Json.describe(value));
        }
        for (Object key : info.keySet()) {
            if (!List.of("dtype", "shape", "data_offsets").contains(key)) {
                throw new TensorFileException(file, where + "unexpected key \"" + key
                        + "\" in the header entry (expected dtype, shape, data_offsets)");
            }
        }
        for (String key : List.of("dtype", "shape", "data_offsets")) {
            if (!info.containsKey(key)) {
                throw new TensorFileException(file, where + "the header entry has no \"" + key + "\"");
            }
        }
        Dtype dtype = dtype(file, where, info.get("dtype"));
        long[] dims = longs(info.get("shape"));
        if (dims == null) {
            throw new TensorFileException(file, where + "shape must be an array of integers, found "
                    + Json.write(info.get("shape")));
        }
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 0) {
                throw new TensorFileException(file, where + "shape " + Json.write(info.get("shape"))
                        + " has a negative dimension");
            }
            if (dims[i] > Integer.MAX_VALUE) {
                throw new TensorFileException(file, where + "shape " + Json.write(info.get("shape"))
                        + " has a dimension of " + dims[i] + ", more than " + Integer.MAX_VALUE
                        + ", the largest size a dimension here can have");
            }
            shape[i] = (int) dims[i];
        }
        // A zero anywhere means no elements, however large the other dims (torch loads such a tensor).
        long numel = RawTensor.numel(shape);
        if (numel > MAX_ELEMENTS) {
            throw new TensorFileException(file, where + "shape " + Json.write(info.get("shape"))
                    + " has more than " + MAX_ELEMENTS + " elements, the most a Java float array holds");
        }
        long[] offsets = longs(info.get("data_offsets"));
        if (offsets == null || offsets.length != 2 || offsets[0] < 0 || offsets[1] < offsets[0]) {
            throw new TensorFileException(file, where + "data_offsets must be [begin, end] with"
                    + " 0 <= begin <= end, found " + Json.write(info.get("data_offsets")));
        }
        long needed = numel * dtype.bytes;
        if (offsets[1] - offsets[0] != needed) {
            throw new TensorFileException(file, where + "shape " + Json.write(info.get("shape")) + " with dtype "
                    + dtype + " needs " + needed + " bytes, but data_offsets [" + offsets[0] + ", " + offsets[1]
                    + "] span " + (offsets[1] - offsets[0]) + " bytes");
        }
        return new Entry(name, dtype, shape, offsets[0], offsets[1]);
    }

    private static Dtype dtype(Path file, String where, Object value) throws TensorFileException {
        if (!(value instanceof String s)) {
            throw new TensorFileException(file, where + "dtype must be a string, found " + Json.describe(value));
        }
        for (Dtype d : Dtype.values()) {
            if (d.name().equals(s)) {
                return d;
            }
        }
        if (OTHER_DTYPES.contains(s)) {
            throw new TensorFileException(file, where + "dtype " + s + " is not supported: layerwise reads"
                    + " F32, F16, BF16 and F64 (converted to float32); save it as float32 (tensor.float())");
        }
        throw new TensorFileException(file, where + "unknown dtype \"" + s + "\" (safetensors dtypes are"
                + " F64, F32, F16, BF16, " + String.join(", ", OTHER_DTYPES) + ")");
    }

    /** The integers of a JSON array, or null if it is not an array of integers. */
    private static long[] longs(Object value) {
        if (!(value instanceof List<?> list)) {
            return null;
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Long l)) {
                return null;
            }
            out[i] = l;
        }
        return out;
    }

    /** Refuses a load that cannot fit in the heap, instead of failing with an OutOfMemoryError halfway. */
    private static void checkMemory(Path file, List<Entry> entries) throws TensorFileException {
        long floats = 0;
        for (Entry e : entries) {
            floats += RawTensor.numel(e.shape);
        }
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (floats * 4 > free) {
            throw new TensorFileException(file, "loading needs " + (floats * 4 >> 20) + " MB of float32 data but"
                    + " the JVM has about " + (free >> 20) + " MB free; raise the heap size (-Xmx)");
        }
    }

    private static float[] readData(FileChannel ch, Path file, long dataStart, Entry e) throws IOException {
        float[] out = new float[(int) RawTensor.numel(e.shape)];
        long position = dataStart + e.begin;
        int i = 0;
        while (i < out.length) {
            int count = Math.min(out.length - i, CHUNK_BYTES / e.dtype.bytes);
            ByteBuffer b = readFully(ch, file, position, count * e.dtype.bytes);
            for (int k = 0; k < count; k++) {
                out[i++] = e.dtype.decode(b);
            }
            position += (long) count * e.dtype.bytes;
        }
        return out;
    }

    static ByteBuffer readFully(FileChannel ch, Path file, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            if (ch.read(b, position + b.position()) < 0) {
                throw new TensorFileException(file, "the file ended at byte " + (position + b.position())
                        + " while reading (was it changed during the read?)");
            }
        }
        return b.flip();
    }

    /** IEEE 754 binary16 → float32 (exact: every half value is a float value). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // zero or subnormal: mantissa * 2^-24
            float v = mantissa * 0x1p-24f;
            return sign != 0 ? -v : v;
        }
        // rebias the exponent from 15 to 127
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
