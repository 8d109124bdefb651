package layerwise.grade;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;

/** One snippet of an exercise file and the line it starts on, split the way the jshell tool reads a file. */
record SnippetSource(String text, int line) {
    static List<SnippetSource> split(String text, SourceCodeAnalysis analysis) {
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
        return out;
    }
}
