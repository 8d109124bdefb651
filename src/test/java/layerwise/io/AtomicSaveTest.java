package layerwise.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import layerwise.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saving replaces a file atomically: a reader beside a saving loop never misses the file or sees half of
 * it, and a save that fails or is killed at any step leaves the old file as it was.
 */
class AtomicSaveTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreHook() {
        AtomicFile.setStepHook(null);
    }

    /** A two-tensor state dict of 64K floats, every value {@code v}: a version a reader can recognise. */
    static Map<String, Tensor> stateDict(float v) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Tensor.full(new int[] {256, 255}, v));
        sd.put("bias", Tensor.full(new int[] {256}, v));
        return sd;
    }

    /** Which version a file holds: 1 or 2 when every value is that number, else a description of the mix. */
    private static String version(Path file) throws IOException {
        Map<String, Tensor> sd = SafeTensors.load(file);
        float first = sd.get("weight").toFloatArray()[0];
        for (Tensor t : sd.values()) {
            for (float x : t.toFloatArray()) {
                if (x != first) return "a mix of " + first + " and " + x;
            }
        }
        return first == 1f ? "1" : first == 2f ? "2" : "unexpected " + first;
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    @Test
    void aReaderBesideASavingLoopNeverFailsAndSeesOnlyWholeVersions() throws Exception {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, stateDict(1f));
        AtomicBoolean done = new AtomicBoolean();
        List<String> failures = new ArrayList<>();
        Thread reader = new Thread(() -> {
            int reads = 0;
            while (!done.get() || reads < 200) {
                try {
                    String v = version(file);
                    if (!v.equals("1") && !v.equals("2")) failures.add(v);
                } catch (IOException | RuntimeException e) {
                    failures.add(e.toString());
                }
                reads++;
            }
        });
        reader.start();
        for (int i = 0; i < 300; i++) {
            SafeTensors.write(file, stateDict(i % 2 == 0 ? 2f : 1f));
        }
        done.set(true);
        reader.join(30_000);
        assertTrue(failures.isEmpty(), failures.size() + " failed reads, first: "
                + (failures.isEmpty() ? "" : failures.get(0)));
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void aFailureAtEveryStepBeforeTheRenameKeepsTheOldFileAndRemovesTheTemporary() throws IOException {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, stateDict(1f));
        for (String step : List.of("written", "synced")) {
            AtomicFile.setStepHook(reached -> {
                if (reached.equals(step)) throw new IOException("disk full at " + step);
            });
            IOException e = assertThrows(IOException.class, () -> SafeTensors.write(file, stateDict(2f)));
            assertEquals("disk full at " + step, e.getMessage());
            assertEquals("1", version(file), "after a failure at " + step);
            assertEquals(List.of(), temporaryFiles(), "after a failure at " + step);
        }
    }

    @Test
    void aBodyThatThrowsKeepsTheOldNpyFileAndRemovesTheTemporary() throws IOException {
        Path file = dir.resolve("x.npy");
        Npy.write(file, Tensor.full(new int[] {3}, 1f));
        AtomicFile.setStepHook(reached -> {
            throw new OutOfMemoryError("simulated at " + reached);
        });
        assertThrows(OutOfMemoryError.class, () -> Npy.write(file, Tensor.full(new int[] {3}, 2f)));
        assertEquals(1f, Npy.read(file).toFloatArray()[2]);
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    void aDirectoryIsNeverReplaced() throws IOException {
        Path target = Files.createDirectory(dir.resolve("checkpoints"));
        FileSystemException e = assertThrows(FileSystemException.class,
                () -> SafeTensors.write(target, stateDict(1f)));
        assertTrue(e.getMessage().contains("it is a directory"), e.getMessage());
        assertTrue(Files.isDirectory(target));
        assertThrows(FileSystemException.class, () -> Npy.write(target, Tensor.full(new int[] {1}, 1f)));
        assertTrue(Files.isDirectory(target));
        assertEquals(List.of(), temporaryFiles());
    }

    private static Process child(Path file, String mode) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SaveInChildJvm.class.getName(), file.toString(), mode).redirectErrorStream(true).start();
    }

    @Test
    void aJvmHaltedJustBeforeTheRenameLeavesTheOldFileWhole() throws Exception {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, stateDict(1f));
        Process p = child(file, "synced");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals("1", version(file));
    }

    @Test
    void aJvmKilledWhileSavingInALoopLeavesAWholeVersion() throws Exception {
        Path file = dir.resolve("model.safetensors");
        SafeTensors.write(file, stateDict(1f));
        Process p = child(file, "loop");
        // wait until the child is saving, let it run a moment, then kill it with SIGKILL
        assertEquals("saving", new String(p.getInputStream().readNBytes(6), StandardCharsets.UTF_8));
        Thread.sleep(300);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        String v = version(file);
        assertTrue(v.equals("1") || v.equals("2"), v);
    }

    @Test
    void twoThreadsSavingTheSameFileBothSucceedAndLeaveAWholeVersion() throws Exception {
        Path file = dir.resolve("model.safetensors");
        List<Throwable> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> writers = new ArrayList<>();
        for (float v : new float[] {1f, 2f}) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    try {
                        SafeTensors.write(file, stateDict(v));
                    } catch (IOException | RuntimeException e) {
                        errors.add(e);
                    }
                }
            });
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) t.join(30_000);
        assertEquals(List.of(), errors);
        String v = version(file);
        assertTrue(v.equals("1") || v.equals("2"), v);
        assertEquals(List.of(), temporaryFiles());
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "symbolic links need a privilege there")
    void savingThroughASymbolicLinkReplacesItsTargetAndKeepsTheLink() throws IOException {
        Path real = dir.resolve("v3.safetensors");
        SafeTensors.write(real, stateDict(1f));
        Path link = Files.createSymbolicLink(dir.resolve("latest.safetensors"), real.getFileName());
        SafeTensors.write(link, stateDict(2f));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("2", version(real));
        assertEquals(List.of(), temporaryFiles());
    }
}
