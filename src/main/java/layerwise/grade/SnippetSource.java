package layerwise.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis;

/** One snippet of an exercise file and the line it starts on, split the way the jshell tool reads a file. */
record SnippetSource(String text, int line) {
    /**
     * The longest snippet asked about: JShell's completeness analysis reads the whole snippet again for every
     * line added, so a declaration that never closes costs time growing with the square of the file's length
     * (a 0.9 MB file took minutes). An exercise's method is a few KB at most.
     */
    static final int MAX_CHARS = 16 * 1024;

    /** The snippets read, and why reading stopped before the end of the file, if it did. */
    record Split(List<SnippetSource> snippets, Optional<String> problem) {
    }

    /** The whole file, without limits (for files the workbook wrote itself). */
    static List<SnippetSource> split(String text, SourceCodeAnalysis analysis) {
        return split(text, analysis, Integer.MAX_VALUE, Long.MAX_VALUE).snippets();
    }

    /**
     * The file's snippets, reading no snippet longer than {@code maxChars} and stopping at
     * {@code budgetNanos} of reading; the snippets before the stop are kept.
     */
    static Split split(String text, SourceCodeAnalysis analysis, int maxChars, long budgetNanos) {
        long t0 = System.nanoTime();
        List<SnippetSource> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder buf = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String trimmed = lines[i].trim();
            if (buf.length() == 0) {
                // blank lines, line comments and tool commands (/open, /exit) between snippets are not code
                if (trimmed.isEmpty() || trimmed.startsWith("//") || trimmed.startsWith("/") && !trimmed.startsWith("/*")) continue;
                start = i + 1;
            }
            buf.append(lines[i]).append('\n');
            if (buf.length() > maxChars) {
                return new Split(out, Optional.of("the declaration that starts at line " + start + " does not end within "
                        + maxChars / 1024 + " KB (a missing } or ) ?); the file was read up to there."));
            }
            if (System.nanoTime() - t0 > budgetNanos) {
                return new Split(out, Optional.of("reading the file into snippets took too long; it was read up to line "
                        + start + "."));
            }
            String rest = buf.toString();
            while (true) {
                SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                    rest = "";
                    break;
                }
                if (!info.completeness().isComplete()) break;
                out.add(new SnippetSource(info.source(), start));
                rest = info.remaining();
                if (rest.isBlank()) break;
            }
            buf.setLength(0);
            if (!rest.isBlank()) buf.append(rest);
        }
        if (!buf.toString().isBlank()) out.add(new SnippetSource(buf.toString(), start));
        return new Split(out, Optional.empty());
    }
}
