package layerwise.workbook;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./workbook COMMAND [ARGS]}: every command of the launcher except the interactive JShell
 * (which the launcher starts itself) goes through here.
 *
 * <p>A command is one line in {@link #COMMANDS}: its name, its arguments, one sentence for
 * {@code ./workbook help}, and a {@link Command}, usually a static {@code int main(String[] args)}, e.g.
 * <pre>
 * new Entry("parity", "[--init] FILE...", "compare layers with PyTorch exports", ParityCommand::main),
 * </pre>
 * Exit status: 0 success, 1 a check failed (a lesson, a parity case), 2 bad usage.
 */
public final class Main {
    /** One command: {@code ./workbook name arguments}. */
    record Entry(String name, String arguments, String summary, Command command) {
    }

    /** Every command, in the order {@code ./workbook help} lists them. */
    static final List<Entry> COMMANDS = List.of(
            new Entry("run", "NN... | all | FILE.jsh... [--timeout SECONDS] [--quiet]",
                    "run lessons headless and strictly: exit 1 on a compile error, an exception, an unresolved "
                            + "name or a time-out (" + LessonRunner.DEFAULT_TIMEOUT.toSeconds() + " s per snippet)",
                    RunCommand::main),
            new Entry("bench", "[gemm|linear|conv|lstm|gru|all] [--threads N] [--session]",
                    "time the fast kernels against PyTorch in the same run (when /usr/bin/python3 has torch): "
                            + "median, GFLOP/s, ratio; --session: in a JShell session after every lesson, against a fresh one",
                    Bench::main),
            new Entry("parity", "[--init] FILE...",
                    "compare layers with PyTorch exports (safetensors fixtures)", ParityCommand::main),
            new Entry("grade", "[NN... | all | FILE.jsh... | DIR | --class DIR] [--seed N] [--solutions] [--timeout S] [--memory MB] "
                    + "[--report DIR] [--learner NAME]",
                    "grade the exercise files in jshell-scripts/exercises (or those given): points, status, the first "
                            + "failing case; writes out/grade.json and out/grade-junit.xml (--learner names whose they are); "
                            + "--class DIR grades each learner's folder in DIR, writes out/class/", GradeCommand::main),
            new Entry("hint", "[X.Y] | --reset [X.Y]", "print the next hint of exercise X.Y (no argument: list the exercises; "
                    + "--reset: start the hints over)", HintCommand::main),
            new Entry("handout", "DIR",
                    "write a learner's copy of the project into DIR (new or empty): no reference solutions, no "
                            + "hostile answers, no git history; ./mvnw verify passes there", HandoutCommand::main),
            new Entry("help", "", "list the commands", Main::help));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; returns its exit status. */
    public static int run(String... args) {
        if (args.length == 0) {
            System.err.print(usage());
            return 2;
        }
        Optional<Entry> entry = COMMANDS.stream().filter(e -> e.name().equals(args[0])).findFirst();
        if (entry.isEmpty()) {
            System.err.println("workbook: unknown command '" + args[0] + "'. Commands: "
                    + COMMANDS.stream().map(Entry::name).collect(Collectors.joining(", "))
                    + ". See ./workbook help.");
            return 2;
        }
        try {
            return entry.get().command().run(List.of(args).subList(1, args.length).toArray(String[]::new));
        } catch (Command.UsageError e) {
            System.err.println("workbook " + args[0] + ": " + e.getMessage());
            System.err.println("usage: ./workbook " + args[0] + " " + entry.get().arguments());
            return 2;
        } catch (Exception e) {
            System.err.println("workbook " + args[0] + ": " + e);
            e.printStackTrace();
            return 1;
        }
    }

    private static int help(String[] args) {
        System.out.print(usage());
        return 0;
    }

    static String usage() {
        StringBuilder sb = new StringBuilder("Usage: ./workbook [COMMAND [ARGS]]\n\n");
        sb.append(line("./workbook", "open JShell with the workbook loaded (builds first if needed)"));
        for (Entry e : COMMANDS) {
            sb.append(line("./workbook " + e.name() + (e.arguments().isEmpty() ? "" : " " + e.arguments()), e.summary()));
        }
        sb.append("\nTests: ./mvnw verify\n");
        return sb.toString();
    }

    private static String line(String command, String summary) {
        return String.format(Locale.ROOT, "  %s%n      %s%n", command, summary);
    }
}
