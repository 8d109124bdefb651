package layerwise.workbook;

import java.nio.file.Path;
import java.util.List;
import layerwise.grade.Hints;
import layerwise.io.OutputDirectory;

/**
 * {@code ./workbook hint X.Y}: prints the next hint of exercise X.Y's ladder (a nudge first, the key formula
 * last) and remembers it in {@code out/hints-shown.properties}; once all were shown it repeats the last.
 * Without an argument it lists the exercises and how many of their hints were shown. {@code --reset [X.Y]}
 * starts the hints over (of one exercise, or of all), e.g. for the next learner at a shared machine.
 */
final class HintCommand {
    private HintCommand() {
    }

    static Path shownFile() {
        return OutputDirectory.path().resolve("hints-shown.properties");
    }

    static int main(String[] args) {
        Hints hints = new Hints(shownFile());
        if (args.length == 0) {
            for (String id : hints.ids()) {
                System.out.printf("  %-5s %d of %d hints shown%n", id, hints.shown(id), hints.ladder(id).size());
            }
            return 0;
        }
        if (args[0].equals("--reset")) {
            if (args.length > 2) throw new Command.UsageError("--reset takes at most one exercise, e.g. ./workbook hint --reset 2.3");
            String one = args.length == 2 ? args[1] : null;
            if (one != null && hints.ladder(one).isEmpty()) {
                throw new Command.UsageError("no exercise " + one + ". Exercises: " + String.join(", ", hints.ids()));
            }
            hints.reset(one);
            System.out.println(one == null ? "Hints start over for every exercise." : "Hints of exercise " + one + " start over.");
            return 0;
        }
        if (args.length > 1) throw new Command.UsageError("one exercise at a time, e.g. ./workbook hint 2.3");
        String id = args[0];
        List<String> ladder = hints.ladder(id);
        if (ladder.isEmpty()) {
            throw new Command.UsageError("no exercise " + id + ". Exercises: " + String.join(", ", hints.ids()));
        }
        boolean wasLast = hints.shown(id) >= ladder.size();
        String hint = hints.next(id).orElseThrow();
        System.out.println("Exercise " + id + ", " + hint);
        if (wasLast) System.out.println("(That was the last hint; the lesson section named in the exercise has the rest.)");
        return 0;
    }
}
