package layerwise.workbook;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jdk.jshell.JShell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast kernels keep their speed in a learner's session: after lessons 06 and 09 have been opened in a
 * JShell session (they run an LSTM, whose gate kernel once polluted the JIT's profile of the Vector API and
 * left every later matrix product 30 times slower), the fast matrix product is still many times faster than
 * the plain loops in that session's JVM. A ratio, not a time: it holds on a slow or a busy machine.
 */
class SessionSpeedTest {

    @Test
    void theFastProductStaysFastAfterLessonsInOneSession(@TempDir Path out) {
        ExecutorService evaluator = Executors.newSingleThreadExecutor();
        try (JShell js = SessionBench.remoteShell(out)) {
            ScriptSession script = new ScriptSession(js, evaluator, Duration.ofSeconds(300));
            List<Path> lessons = List.of(Path.of("jshell-scripts", "06-from-conv-to-linear.jsh"),
                    Path.of("jshell-scripts", "09-debugging-shape-errors.jsh"));
            lessons.forEach(l -> assertTrue(Files.isRegularFile(l), l + " is missing"));
            Optional<Failure> failure = SessionBench.openLessons(script, lessons);
            assertTrue(failure.isEmpty(), () -> "a lesson failed in the session: " + failure.get());
            double ratio = Double.parseDouble(SessionBench.value(js, "layerwise.workbook.SessionProbe.fastOverPlain(384)"));
            // Healthy: 30-60 times (SIMD) or about 2-4 (no Vector API: the scalar fallback's blocked loop).
            double wanted = js.eval("layerwise.tensor.Kernels.simd().startsWith(\"SIMD on\")").get(0).value().equals("true") ? 5 : 1.2;
            assertTrue(ratio >= wanted, "after lessons 06 and 09 the fast 384-square product is only " + ratio
                    + " times as fast as the plain loops in the session's JVM (wanted at least " + wanted
                    + "): a fast kernel's compiled code was replaced by a slow path; ./workbook bench --session shows it per case");
        } finally {
            evaluator.shutdownNow();
        }
    }
}
