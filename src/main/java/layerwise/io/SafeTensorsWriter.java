package layerwise.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
     * the header padded with spaces so the data starts 8-byte aligned. Writes to a temporary file in the
     * same directory and moves it into place, so a failure never leaves a half-written file.
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
        Path tmp = temporarySibling(file);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writeFully(ch, prefix.flip());
                ByteBuffer b = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
                for (RawTensor t : tensors.values()) {
                    for (float v : t.data()) {
                        if (!b.hasRemaining()) {
                            writeFully(ch, b.flip());
                            b.clear();
                        }
                        b.putFloat(v);
                    }
                }
                writeFully(ch, b.flip());
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A fresh name beside {@code file}, so the final move stays on one file system. Fails with the
     * target's name when its directory is missing.
     */
    static Path temporarySibling(Path file) throws NoSuchFileException {
        Path absolute = file.toAbsolutePath();
        if (!Files.isDirectory(absolute.getParent())) {
            throw new NoSuchFileException(file.toString(), null,
                    "cannot write: the directory " + absolute.getParent() + " does not exist");
        }
        String name = "." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".tmp";
        return absolute.resolveSibling(name);
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }
}
