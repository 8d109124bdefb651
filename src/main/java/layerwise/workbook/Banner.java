package layerwise.workbook;

import java.util.List;
import java.util.stream.Collectors;

import layerwise.tensor.Kernels;

/**
 * The few lines {@code ./workbook} shows above the first JShell prompt, printed by
 * {@code jshell-scripts/startup.jsh}. Runs of the strict runner replay that startup too; they set
 * {@code -Dlayerwise.banner=off} so lesson output is not preceded by it.
 */
public final class Banner {
    private Banner() {
    }

    /** Prints the banner, unless the system property {@code layerwise.banner} is {@code off}. */
    public static void show() {
        if ("off".equals(System.getProperty("layerwise.banner"))) return;
        System.out.print(text(Lesson.all()));
    }

    static String text(List<Lesson> lessons) {
        String names = lessons.isEmpty() ? "(none yet)" : lessons.stream().map(Lesson::name).collect(Collectors.joining("  "));
        String first = lessons.isEmpty() ? "NN-topic" : lessons.get(0).name();
        return "Layerwise: tensors and layers from scratch, with PyTorch 1.13's numbers.\n"
                + "Lessons:  " + wrap(names, 10) + "\n"
                + "Start:    /open jshell-scripts/" + first + ".jsh   (prose: lessons/" + first + ".md)\n"
                + "JShell:   Tab completes, /vars lists variables, /exit quits. Plots are saved under out/.\n"
                + "Shell:    ./workbook run NN|all, ./workbook grade NN (exercises), ./workbook hint X.Y, ./workbook help\n"
                + "Kernels:  " + Kernels.simd() + "\n";
    }

    /** Breaks a long list of lesson names over lines, continuation lines indented by {@code indent}. */
    private static String wrap(String words, int indent) {
        StringBuilder sb = new StringBuilder();
        int column = indent;
        for (String w : words.split("  ")) {
            if (column > indent && column + w.length() + 2 > 100) {
                sb.append('\n').append(" ".repeat(indent));
                column = indent;
            } else if (column > indent) {
                sb.append("  ");
                column += 2;
            }
            sb.append(w);
            column += w.length();
        }
        return sb.toString();
    }
}
