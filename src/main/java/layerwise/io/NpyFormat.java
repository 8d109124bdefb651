package layerwise.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The numpy {@code .npy} layout, on float32 arrays (no {@code Tensor} here).
 *
 * <pre>
 *   "\x93NUMPY" | major | minor | header length (u16 LE in 1.0; u32 LE in 2.0 and 3.0)
 *   | header: a Python dict literal {'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }
 *     padded with spaces and ended by '\n' so the data starts 64-byte aligned
 *   | data: little-endian, C (row-major) order
 * </pre>
 *
 * Reads versions 1.0, 2.0 and 3.0 with dtypes {@code <f4} and {@code <f8} (the latter rounded to float32);
 * writes version 1.0 {@code <f4} exactly as {@code np.save} does.
 */
final class NpyFormat {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    /** np.save leaves room for the first axis to grow to this many digits. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** numpy's NPY_MAXDIMS (2.x; 1.x allows 32). */
    static final int MAX_RANK = 64;
    /** Longest header read (numpy's own loader refuses more than 10000 bytes by default). */
    static final long MAX_HEADER_BYTES = 1 << 20;
    private static final int CHUNK_BYTES = 1 << 16;
    /** A .npy header nests a dict and a tuple; deeper nesting is refused before it can overflow the stack. */
    private static final int MAX_NESTING = 8;

    private NpyFormat() {
    }

    // ---------------------------------------------------------------- reading

    static RawTensor read(Path file) throws IOException {
        try {
            return readChecked(file);
        } catch (RuntimeException e) {
            // Every known problem is reported in readChecked; this keeps the file name on anything unforeseen.
            throw new TensorFileException(file, "cannot read the file: " + e, e);
        }
    }

    private static RawTensor readChecked(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return read(file, ch);
        } catch (TensorFileException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new TensorFileException(file, "no such file", e);
        } catch (IOException e) {
            throw new TensorFileException(file, "cannot read the file: " + e, e);
        }
    }

    /** Reads the preamble and header, checks them all, then streams the data in chunks (files may pass 2 GB). */
    private static RawTensor read(Path file, FileChannel ch) throws IOException {
        long size = ch.size();
        if (size == 0) {
            throw new TensorFileException(file, "the file is empty (0 bytes); a .npy file starts with the magic"
                    + " bytes \\x93NUMPY");
        }
        ByteBuffer b = SafeTensorsFormat.readFully(ch, file, 0, (int) Math.min(size, 12));
        if (size < MAGIC.length || !b.slice(0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            throw new TensorFileException(file, "not a .npy file: it does not start with the magic bytes"
                    + " \\x93NUMPY (write it with np.save)");
        }
        if (size < 8) {
            throw new TensorFileException(file, "the file is truncated: " + size + " bytes, shorter than"
                    + " the .npy preamble");
        }
        int major = b.get(6) & 0xff;
        int minor = b.get(7) & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new TensorFileException(file, "unsupported .npy format version " + major + "." + minor
                    + " (readable: 1.0, 2.0, 3.0)");
        }
        int prefix = major == 1 ? 10 : 12;
        if (size < prefix) {
            throw new TensorFileException(file, "the file is truncated: " + size + " bytes, shorter than"
                    + " the " + prefix + "-byte .npy preamble");
        }
        long headerLength = major == 1 ? b.getShort(8) & 0xffff : b.getInt(8) & 0xffffffffL;
        if (headerLength > size - prefix) {
            throw new TensorFileException(file, "the header length says " + headerLength + " bytes, but only "
                    + (size - prefix) + " bytes follow the preamble (the file is truncated)");
        }
        if (headerLength > MAX_HEADER_BYTES) {
            throw new TensorFileException(file, "the header is " + headerLength + " bytes; a .npy header is a"
                    + " short dict (numpy itself refuses more than 10000 bytes), and more than " + MAX_HEADER_BYTES
                    + " is not read");
        }
        String header = (major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1)
                .decode(SafeTensorsFormat.readFully(ch, file, prefix, (int) headerLength)).toString();
        Map<String, Object> dict;
        try {
            dict = new PyLiteral(header).readHeaderDict();
        } catch (IllegalArgumentException e) {
            throw new TensorFileException(file, "the header is not a valid .npy header: " + e.getMessage());
        }
        int itemSize = itemSize(file, dict.get("descr"));
        if (!(dict.get("fortran_order") instanceof Boolean)) {
            throw new TensorFileException(file, "'fortran_order' must be True or False, found "
                    + PyLiteral.repr(dict.get("fortran_order")) + " (np.save writes False for C order)");
        }
        if (Boolean.TRUE.equals(dict.get("fortran_order"))) {
            throw new TensorFileException(file, "the array is stored in Fortran (column-major) order; only C"
                    + " order is supported: save it with np.save(path, np.ascontiguousarray(arr))");
        }
        int[] shape = shape(file, dict.get("shape"));
        long numel = RawTensor.numel(shape);
        if (numel > SafeTensorsFormat.MAX_ELEMENTS) {
            throw new TensorFileException(file, "shape " + shapeRepr(shape) + " has more than "
                    + SafeTensorsFormat.MAX_ELEMENTS + " elements, the most a Java float array holds");
        }
        long dataStart = prefix + headerLength;
        long expected = numel * itemSize;
        long actual = size - dataStart;
        if (actual < expected) {
            throw new TensorFileException(file, "the data is truncated: shape " + shapeRepr(shape) + " of "
                    + dict.get("descr") + " needs " + expected + " bytes, but the file holds " + actual);
        }
        if (actual > expected) {
            throw new TensorFileException(file, (actual - expected) + " unexpected bytes after the data of shape "
                    + shapeRepr(shape) + " (" + expected + " bytes of " + dict.get("descr") + ")");
        }
        float[] data = new float[(int) numel];
        long position = dataStart;
        for (int i = 0; i < data.length; ) {
            int count = Math.min(data.length - i, CHUNK_BYTES / itemSize);
            ByteBuffer chunk = SafeTensorsFormat.readFully(ch, file, position, count * itemSize);
            if (itemSize == 4) {
                chunk.asFloatBuffer().get(data, i, count);
                i += count;
            } else {
                for (int k = 0; k < count; k++) data[i++] = (float) chunk.getDouble();
            }
            position += (long) count * itemSize;
        }
        return new RawTensor(shape, data);
    }

    private static int itemSize(Path file, Object descr) throws TensorFileException {
        if ("<f4".equals(descr)) {
            return 4;
        }
        if ("<f8".equals(descr)) {
            return 8;
        }
        String hint = descr instanceof String s && s.startsWith(">")
                ? "it is big-endian: save arr.astype('<f4')"
                : "convert it with arr.astype(np.float32)";
        throw new TensorFileException(file, "unsupported dtype " + PyLiteral.repr(descr) + ": layerwise reads"
                + " float32 ('<f4') and float64 ('<f8'); " + hint);
    }

    private static int[] shape(Path file, Object value) throws TensorFileException {
        if (value instanceof List<?> dims) {
            if (dims.size() > MAX_RANK) {
                throw new TensorFileException(file, "shape has " + dims.size() + " dimensions; numpy allows at"
                        + " most " + MAX_RANK);
            }
            int[] shape = new int[dims.size()];
            for (int i = 0; i < shape.length; i++) {
                if (!(dims.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE) {
                    throw new TensorFileException(file, "shape " + PyLiteral.repr(value)
                            + " must be a tuple of non-negative integers");
                }
                shape[i] = (int) (long) d;
            }
            return shape;
        }
        throw new TensorFileException(file, "shape must be a tuple of integers, found " + PyLiteral.repr(value));
    }

    /** Python's repr of a shape tuple: (), (3,), (2, 3). */
    static String shapeRepr(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    // ---------------------------------------------------------------- writing

    /** Writes a version 1.0 {@code <f4} C-order file, byte for byte what {@code np.save} writes. */
    static void write(Path file, RawTensor t) throws IOException {
        StringBuilder header = new StringBuilder("{'descr': '<f4', 'fortran_order': False, 'shape': ")
                .append(shapeRepr(t.shape())).append(", }");
        if (t.shape().length > 0) {
            header.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(t.shape()[0]).length()));
        }
        // pad so that magic (6) + version (2) + length (2) + header + '\n' is a multiple of 64
        int unpadded = MAGIC.length + 4 + header.length() + 1;
        header.append(" ".repeat(ALIGN - unpadded % ALIGN)).append('\n');
        if (header.length() > 0xffff) {
            throw new IllegalArgumentException("shape " + shapeRepr(t.shape()) + " makes a header too long for"
                    + " .npy version 1.0");
        }
        ByteBuffer prefix = ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        prefix.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length())
                .put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
        // The data is streamed: a buffer for the whole file would overflow an int past 512M floats.
        AtomicFile.write(file, ch -> {
            SafeTensorsWriter.writeFully(ch, prefix.flip());
            SafeTensorsWriter.writeFloats(ch, List.of(t));
        });
    }

    /**
     * The subset of Python literal syntax a .npy header uses: a dict with string keys whose values are
     * strings, True/False, integers and tuples of integers.
     */
    private static final class PyLiteral {
        private final String text;
        private int pos;
        private int depth;

        PyLiteral(String text) {
            this.text = text;
        }

        Map<String, Object> readHeaderDict() {
            skipSpace();
            Object value = readValue();
            skipSpace();
            if (pos != text.length()) {
                throw new IllegalArgumentException("unexpected text after the dict at offset " + pos);
            }
            if (!(value instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("expected a dict, found " + repr(value));
            }
            if (!map.keySet().equals(java.util.Set.of("descr", "fortran_order", "shape"))) {
                throw new IllegalArgumentException("expected the keys 'descr', 'fortran_order' and 'shape', found "
                        + map.keySet());
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> dict = (Map<String, Object>) map;
            return dict;
        }

        private Object readValue() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end of the header");
            }
            char c = text.charAt(pos);
            if (c == '{') {
                return readSequence('}', true);
            }
            if (c == '(' || c == '[') {
                return readSequence(c == '(' ? ')' : ']', false);
            }
            if (c == '\'' || c == '"') {
                int end = text.indexOf(c, pos + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated string at offset " + pos);
                }
                String s = text.substring(pos + 1, end);
                pos = end + 1;
                return s;
            }
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '-')) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (word.equals("True") || word.equals("False")) {
                return word.equals("True");
            }
            // Python 2 wrote long integers with an L suffix: (3L, 4L)
            String digits = word.endsWith("L") ? word.substring(0, word.length() - 1) : word;
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("unexpected " + (word.isEmpty() ? "'" + c + "'" : word)
                        + " at offset " + start);
            }
        }

        /** A dict, tuple or list, trailing comma allowed. */
        private Object readSequence(char close, boolean dict) {
            if (++depth > MAX_NESTING) {
                throw new IllegalArgumentException("brackets nested deeper than " + MAX_NESTING
                        + " levels at offset " + pos);
            }
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (pos < text.length() && text.charAt(pos) == close) {
                    pos++;
                    depth--;
                    return dict ? map : items;
                }
                Object item = readValue();
                skipSpace();
                if (dict) {
                    if (!(item instanceof String key)) {
                        throw new IllegalArgumentException("dict keys must be strings, found " + repr(item));
                    }
                    if (map.containsKey(key)) {
                        throw new IllegalArgumentException("duplicate key " + repr(key) + " in the dict");
                    }
                    expect(':');
                    skipSpace();
                    map.put(key, readValue());
                    skipSpace();
                } else {
                    items.add(item);
                }
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos >= text.length() || text.charAt(pos) != close) {
                    throw new IllegalArgumentException("expected ',' or '" + close + "' at offset " + pos);
                }
            }
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at offset " + pos);
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        static String repr(Object value) {
            if (value instanceof String s) {
                return "'" + s + "'";
            }
            if (value instanceof Boolean bool) {
                return bool ? "True" : "False";
            }
            if (value instanceof List<?> list) {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < list.size(); i++) {
                    sb.append(i == 0 ? "" : ", ").append(repr(list.get(i)));
                }
                return sb.append(list.size() == 1 ? ",)" : ")").toString();
            }
            return String.valueOf(value);
        }
    }
}
