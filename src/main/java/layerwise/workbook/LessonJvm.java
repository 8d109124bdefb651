package layerwise.workbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./workbook run} runs the lessons in a second JVM and watches it. Snippets run inside the JVM
 * that runs them (JShell's local engine), so a snippet can end that JVM: {@code System.exit(0)} or
 * {@code Runtime.getRuntime().halt(0)} would exit 0 without a result line, and a broken lesson would
 * pass. The second JVM writes "running SCRIPT" before each lesson and "finished STATUS" at the end to a
 * status file; its exit status counts only when that last line is there.
 */
final class LessonJvm {
    /** System property naming the status file; set, it means "this is the JVM that runs the lessons". */
    static final String STATUS_PROPERTY = "layerwise.run.status";

    private LessonJvm() {
    }

    /** Runs {@code ./workbook run ARGS} in a JVM like this one and returns the status it earned. */
    static int supervise(String[] args) throws IOException, InterruptedException {
        Path status = Files.createTempFile("layerwise-run", ".status");
        status.toFile().deleteOnExit(); // also after Ctrl-C, which skips the finally below
        try {
            List<String> command = sameJvm();
            command.addAll(List.of("-D" + STATUS_PROPERTY + "=" + status, Main.class.getName(), "run"));
            command.addAll(List.of(args));
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            String last = Files.readString(status, StandardCharsets.UTF_8).strip();
            if (last.startsWith("finished ")) return Integer.parseInt(last.substring("finished ".length()));
            System.out.flush();
            System.err.println("\nworkbook run: the JVM ended (exit status " + exit + ") while "
                    + (last.startsWith("running ") ? last.substring("running ".length()) + " ran" : "starting up")
                    + ", before any result line: System.exit or Runtime.halt in a snippet, or a crash."
                    + " Counted as a failure.");
            return 1;
        } finally {
            Files.deleteIfExists(status);
        }
    }

    /**
     * The start of a command line for a JVM like this one: the same java, the same JVM flags (less a
     * debugger agent, whose port is taken once) and the same class path. Add a main class and its arguments.
     */
    static List<String> sameJvm() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String jvmArg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (!jvmArg.startsWith("-agentlib:jdwp")) command.add(jvmArg);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return command;
    }

    /** Replaces the status file's line. */
    static void report(Path status, String line) {
        try {
            Files.writeString(status, line + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's status file " + status, e);
        }
    }
}
