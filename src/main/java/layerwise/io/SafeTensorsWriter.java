package layerwise.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes the safetensors layout described in {@link SafeTensorsFormat}, on float32 arrays. */
final class SafeTensorsWriter {

    private static final int CHUNK_BYTES = 1 << 16;

    private SafeTensorsWriter() {
    }

    /**
     * Writes F32 tensors contiguously in the map's order, {@code __metadata__} first (omitted when empty),
     * the header padded with spaces so the data starts 8-byte aligned. The file is replaced atomically
     * ({@link AtomicFile}): a reader or a crash sees the old file or the new one, never a part or none.
     */
    static void write(Path file, Map<String, RawTensor> tensors, Map<String, String> metadata) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (metadata != null && !metadata.isEmpty()) {
            for (Map.Entry<String, String> kv : metadata.entrySet()) {
                if (kv.getKey() == null || kv.getValue() == null) {
                    throw new IllegalArgumentException("metadata keys and values must not be null: " + kv);
                }
            }
            header.put("__metadata__", new LinkedHashMap<>(metadata));
        }
        long offset = 0;
        for (Map.Entry<String, RawTensor> kv : tensors.entrySet()) {
            String name = kv.getKey();
            if (name == null || name.equals("__metadata__")) {
                throw new IllegalArgumentException("a tensor cannot be named " + name
                        + " (\"__metadata__\" is reserved for the metadata map)");
            }
            RawTensor t = kv.getValue();
            List<Object> shape = new ArrayList<>();
            for (int d : t.shape()) {
                shape.add(d);
            }
            long end = offset + 4L * t.data().length;
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", "F32");
            info.put("shape", shape);
            info.put("data_offsets", List.of(offset, end));
            header.put(name, info);
            offset = end;
        }
        byte[] json = Json.write(header).getBytes(StandardCharsets.UTF_8);
        int padding = (8 - (8 + json.length) % 8) % 8;
        ByteBuffer prefix = ByteBuffer.allocate(8 + json.length + padding).order(ByteOrder.LITTLE_ENDIAN);
        prefix.putLong(json.length + padding).put(json);
        while (prefix.hasRemaining()) {
            prefix.put((byte) ' ');
        }
        AtomicFile.write(file, ch -> {
            writeFully(ch, prefix.flip());
            writeFloats(ch, tensors.values());
        });
    }

    /** Streams the tensors' floats little-endian in chunks, so no buffer as large as the file is needed. */
    static void writeFloats(FileChannel ch, Iterable<RawTensor> tensors) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (RawTensor t : tensors) {
            float[] data = t.data();
            for (int i = 0; i < data.length; ) {
                if (!b.hasRemaining()) {
                    writeFully(ch, b.flip());
                    b.clear();
                }
                int n = Math.min(data.length - i, b.remaining() / 4);
                b.asFloatBuffer().put(data, i, n); // raw bits, NaN payloads included
                b.position(b.position() + 4 * n);
                i += n;
            }
        }
        writeFully(ch, b.flip());
    }

    static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
