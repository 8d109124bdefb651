package layerwise.workbook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's side of {@code ./workbook bench}: one {@code python3} child running {@code torch_bench.py}, asked
 * to set up a case and to time a number of runs, in turn with the Java side. Its environment drops
 * {@code OPENBLAS_CORETYPE} and {@code OPENBLAS_L2_SIZE} (set on some machines to pin OpenBLAS to a
 * slower kernel), so OpenBLAS picks its own kernels for the CPU, and sets {@code OPENBLAS_NUM_THREADS} to
 * the thread count, as torch.set_num_threads does not reach OpenBLAS's own pool. When the interpreter is missing or cannot
 * import torch, {@link #start} returns null and the bench prints "na" for PyTorch.
 */
final class TorchSide implements AutoCloseable {
    /** Debian's system Python, the one with python3-torch; the first python3 on PATH may lack torch. */
    static final String PYTHON = "/usr/bin/python3";

    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    final String version;

    private TorchSide(Process process, BufferedReader out, PrintWriter in, String version) {
        this.process = process;
        this.out = out;
        this.in = in;
        this.version = version;
    }

    /** The child, ready; or null (with the reason on {@code why[0]}) when PyTorch cannot run here. */
    static TorchSide start(String python, int threads, String[] why) {
        if (!Files.isExecutable(Path.of(python))) {
            why[0] = python + " not found";
            return null;
        }
        try {
            Path script = Files.createTempFile("layerwise-torch-bench", ".py");
            script.toFile().deleteOnExit();
            try (InputStream s = TorchSide.class.getResourceAsStream("torch_bench.py")) {
                Files.write(script, s.readAllBytes());
            }
            ProcessBuilder pb = new ProcessBuilder(python, "-u", script.toString(), Integer.toString(threads));
            pb.environment().remove("OPENBLAS_CORETYPE");
            pb.environment().remove("OPENBLAS_L2_SIZE");
            // torch.set_num_threads does not reach OpenBLAS's own thread pool (Debian's pthread build), which
            // would otherwise use every core for matmul and Linear whatever --threads says.
            pb.environment().put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter in = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8);
            String first = out.readLine();
            if (first == null || !first.startsWith("ready ")) {
                why[0] = first == null ? "python exited" : first;
                p.destroy();
                return null;
            }
            return new TorchSide(p, out, in, first.substring("ready ".length()));
        } catch (IOException e) {
            why[0] = e.getMessage();
            return null;
        }
    }

    /** Builds the case and warms it up (at least 1 s); returns seconds per run seen in the warm-up. */
    double setup(String name) throws IOException {
        String answer = ask("setup " + name, "ok ");
        return Double.parseDouble(answer.trim());
    }

    /** Times {@code reps} runs; nanoseconds each. */
    List<Long> run(String name, int reps) throws IOException {
        String answer = ask("run " + name + " " + reps, "times ");
        List<Long> nanos = new ArrayList<>();
        for (String t : answer.trim().split(" ")) nanos.add(Math.round(Double.parseDouble(t) * 1e9));
        return nanos;
    }

    private String ask(String command, String prefix) throws IOException {
        in.println(command);
        String line = out.readLine();
        if (line == null || !line.startsWith(prefix)) throw new IOException("torch_bench.py answered '" + line + "' to " + command);
        return line.substring(prefix.length());
    }

    @Override
    public void close() {
        in.close();
        process.destroy();
    }
}
