package layerwise.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a reader, or a crash, only ever sees the old file or the new one, whole.
 *
 * <p>The steps: write the new bytes to a temporary file in the same directory (so the rename stays on one
 * file system), {@code fsync} it (the data is on disk before its name is), rename it over the target with
 * {@code ATOMIC_MOVE} (one {@code rename(2)}: the name points at the old inode until it points at the new
 * one; a plain {@code REPLACE_EXISTING} move may delete the old file first), then {@code fsync} the
 * directory so the rename itself survives a power cut. On any failure the temporary file is removed and
 * the old file is untouched. A directory is never replaced; a symbolic link keeps pointing at the file,
 * which is replaced.
 */
final class AtomicFile {

    /** Writes the new contents into an open, empty temporary file. */
    @FunctionalInterface
    interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Called between steps, for tests that inject a failure or a kill there; a no-op otherwise. */
    @FunctionalInterface
    interface StepHook {
        void reached(String step) throws IOException;
    }

    private static volatile StepHook hook = step -> { };

    private AtomicFile() {
    }

    /** Test seam: runs {@code h} after "written", "synced" and "moved"; null restores the no-op. */
    static void setStepHook(StepHook h) {
        hook = h == null ? step -> { } : h;
    }

    static void write(Path file, Body body) throws IOException {
        Path absolute = target(file.toAbsolutePath());
        Path dir = absolute.getParent();
        if (dir == null || absolute.getFileName() == null) {
            throw new FileSystemException(file.toString(), null, "cannot write: the path names no file, only"
                    + " the root folder " + absolute + "\n  Fix: add a file name inside a folder you can write to,"
                    + " e.g. " + Path.of("out", "model.safetensors"));
        }
        if (!Files.isDirectory(dir)) {
            Path existing = dir;
            while (existing != null && !Files.exists(existing)) existing = existing.getParent();
            if (existing != null && !Files.isDirectory(existing)) {
                Path folder = existing.getParent() == null ? existing : existing.getParent();
                throw new FileSystemException(file.toString(), null, "cannot write: " + existing
                        + " is a file, not a folder, so nothing can be saved inside it\n  Fix: save next to it"
                        + " instead, e.g. " + folder.resolve(absolute.getFileName()) + ", or pick another folder"
                        + " name (a file and a folder cannot share " + existing.getFileName() + ")");
            }
            throw new NoSuchFileException(file.toString(), null,
                    "cannot write: the directory " + dir + " does not exist\n  Fix: create it first,"
                            + " Files.createDirectories(Path.of(\"" + dir + "\")), or save into a folder that exists");
        }
        if (Files.isDirectory(absolute)) {
            throw new FileSystemException(file.toString(), null,
                    "cannot write: it is a directory (a directory is never replaced by a file; choose a file"
                            + " name inside it, e.g. " + file.resolve("model.safetensors") + ")"
                            + "\n  Fix: save to " + file.resolve("model.safetensors"));
        }
        // a random name: two threads or processes saving the same file at once each get their own
        Path tmp = dir.resolve("." + absolute.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                body.writeTo(ch);
                hook.reached("written");
                ch.force(true);
            }
            hook.reached("synced");
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                throw new FileSystemException(file.toString(), null, "cannot replace the file atomically on this"
                        + " file system (" + e.getReason() + "); write to a local disk instead");
            }
            hook.reached("moved");
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory(dir);
    }

    /**
     * The file to replace: for a symbolic link, the file it points to (replacing the link itself would
     * break it, and writing through it, as {@code open()} does, would not be atomic).
     */
    private static Path target(Path absolute) {
        if (!Files.isSymbolicLink(absolute)) return absolute;
        try {
            return absolute.toRealPath();
        } catch (IOException dangling) {
            return absolute; // a link to nothing: replace the link
        }
    }

    /**
     * Makes the rename durable. Linux and macOS allow {@code fsync} on a directory opened for reading;
     * Windows does not open directories as files, and there the rename is already durable when it returns.
     */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException notSupportedHere) {
            // Windows: a directory cannot be opened as a channel; nothing more to do.
        }
    }
}
