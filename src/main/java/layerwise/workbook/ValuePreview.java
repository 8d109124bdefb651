package layerwise.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Long arrays and lists as JShell shows a value, cut to a preview the way PyTorch summarizes a tensor:
 * more than {@value #THRESHOLD} numbers in all, and each dimension shows its first and last
 * {@value #EDGE_ITEMS} items around {@code ...}.
 *
 * <pre>
 * float[100000] { 0.0, 0.0, 0.0, ..., 0.0, 0.0, 0.0 }
 * int[2000][] { int[3] { 1, 2, 3 }, int[3] { 1, 2, 3 }, int[3] { 1, 2, 3 }, ..., ... }
 * [0, 1, 2, ..., 1997, 1998, 1999] (2000 elements)
 * </pre>
 *
 * <p>JShell formats a value in the JVM that runs the snippets and hands the tool only its text; there is no
 * hook for arrays (they have no {@code toString}). So the preview is made from that text: an array's is
 * JShell's own layout, {@code type[n] { a, b, ... }}, with its exact length in the header; a list's or set's
 * is its {@code toString}, {@code [a, b, ...]}, whose elements are counted at the top level (commas inside
 * quotes and brackets do not count). An element whose own text holds a top-level {@code ", "} (a string
 * "a, b" in a list: lists do not quote their strings) is counted as two there. Any other value, such as a
 * summary, a trace, a table or a tensor (which summarizes itself), is returned whole.
 *
 * <p>A value longer than {@value #ENGINE_LIMIT} characters reaches the tool already cut by JShell's engine
 * (JDK 17 keeps its start; later JDKs its start and end): an array still shows its exact length (from its
 * header) and first items, and its last items when the engine kept them; a list shows its first items
 * and how many at least it holds.
 */
final class ValuePreview {
    /** More numbers than this are summarized, as {@code torch.set_printoptions(threshold=1000)}. */
    static final int THRESHOLD = 1000;
    /** Items shown at each end, as PyTorch's {@code edgeitems=3}. */
    static final int EDGE_ITEMS = 3;

    /** JShell's array header: {@code float[100000]}, {@code int[2][]}, {@code String[3]}. */
    private static final Pattern ARRAY = Pattern.compile("^([\\p{L}\\p{N}_$.]+)\\[(\\d+)\\]((?:\\[\\])*) \\{ ");

    private ValuePreview() {
    }

    /**
     * The most characters of a value JShell's engine sends to the tool; a longer value arrives cut: JDK 17
     * sends its first 21,844 characters, later JDKs its start and end joined by {@code " ... "}.
     */
    static final int ENGINE_LIMIT = 21_844;
    /** How later JDKs join the start and end of a value that was too long. */
    private static final String ENGINE_JOIN = " ... ";
    private static final int ENGINE_END = ENGINE_LIMIT / 3, ENGINE_START = ENGINE_LIMIT - ENGINE_JOIN.length() - ENGINE_END;

    /** The value's text as JShell shows it, or a preview when it is a long array or list. */
    static String of(String value) {
        if (value == null || value.length() < 2 * THRESHOLD) return value;   // 1000 numbers take at least 2000 characters
        if (value.length() == ENGINE_LIMIT) return ofCut(value);   // as the engine cut it; longer values came whole
        Node array = parseArray(value);
        if (array != null) return array.numbers() > THRESHOLD ? array.render(true) : value;
        if (value.startsWith("[") && value.endsWith("]")) {
            List<String> items = split(value.substring(1, value.length() - 1));
            if (items.size() > THRESHOLD) {
                return "[" + String.join(", ", edges(items)) + "] (" + items.size() + " elements)";
            }
        }
        return value;
    }

    /**
     * A value the engine cut to {@link #ENGINE_LIMIT} characters: the array's length from its header, its
     * first items, and its last ones when the engine kept the end; a list's first items and how many at
     * least there are. Other values are returned as they came.
     */
    private static String ofCut(String value) {
        boolean joined = value.length() == ENGINE_LIMIT && value.startsWith(ENGINE_JOIN, ENGINE_START);
        String start = joined ? value.substring(0, ENGINE_START) : value;
        String end = joined ? value.substring(ENGINE_START + ENGINE_JOIN.length()) : null;
        Matcher m = ARRAY.matcher(start);
        if (m.find()) {
            List<String> first = complete(split(start.substring(m.end())), true);
            List<String> last = end != null && end.endsWith(" }")
                    ? complete(split(end.substring(0, end.length() - 2)), false) : List.of();
            if (first.size() < EDGE_ITEMS) return value;
            List<String> shown = new ArrayList<>();
            for (String item : first.subList(0, EDGE_ITEMS)) shown.add(preview(item));
            shown.add("...");
            if (last.size() >= EDGE_ITEMS) {
                for (String item : last.subList(last.size() - EDGE_ITEMS, last.size())) shown.add(preview(item));
            }
            return m.group(1) + "[" + m.group(2) + "]" + m.group(3) + " { " + String.join(", ", shown)
                    + (last.size() >= EDGE_ITEMS ? " }" : " }   (the last items are not shown: JShell sends at most "
                    + String.format(java.util.Locale.ROOT, "%,d", ENGINE_LIMIT) + " characters of a value)");
        }
        if (value.startsWith("[")) {
            List<String> first = complete(split(start.substring(1)), true);
            List<String> last = end != null && end.endsWith("]") ? complete(split(end.substring(0, end.length() - 1)), false) : List.of();
            if (first.size() < EDGE_ITEMS) return value;
            List<String> shown = new ArrayList<>(first.subList(0, EDGE_ITEMS));
            shown.add("...");
            if (last.size() >= EDGE_ITEMS) shown.addAll(last.subList(last.size() - EDGE_ITEMS, last.size()));
            return "[" + String.join(", ", shown) + (last.size() >= EDGE_ITEMS ? "]" : "") + " (more than "
                    + String.format(java.util.Locale.ROOT, "%,d", first.size() + last.size())
                    + " elements: JShell sends at most " + String.format(java.util.Locale.ROOT, "%,d", ENGINE_LIMIT)
                    + " characters of a value; size() gives the count)";
        }
        return value;
    }

    /** The items that are whole: without the one the cut went through (the last of a start, the first of an end). */
    private static List<String> complete(List<String> items, boolean start) {
        if (items.size() <= 1) return List.of();
        return start ? items.subList(0, items.size() - 1) : items.subList(1, items.size());
    }

    /** One item of a cut array, itself previewed when it is a long nested array. */
    private static String preview(String item) {
        Node nested = parseArray(item);
        return nested == null ? item : nested.render(true);
    }

    /** An array's text as a tree; null when the text is not JShell's array layout. */
    private static Node parseArray(String text) {
        Matcher m = ARRAY.matcher(text);
        if (!m.find() || !text.endsWith(" }")) return null;
        long length;
        try {
            length = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            return null;
        }
        String body = text.substring(m.end(), text.length() - 2);
        List<Node> items = new ArrayList<>();
        if (!body.isBlank()) {
            for (String item : split(body)) {
                Node nested = parseArray(item);
                items.add(nested != null ? nested : new Node(item, null, 0, List.of()));
            }
        }
        return new Node(text, m.group(1) + "[" + length + "]" + m.group(3), length, items);
    }

    /** Splits at the top-level ", " (not inside quotes, braces, brackets or parentheses). */
    static List<String> split(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0, start = 0;
        char quote = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || (c == '\'' && isCharLiteral(body, i))) {
                quote = c;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0 && i + 1 < body.length() && body.charAt(i + 1) == ' ') {
                items.add(body.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        items.add(body.substring(start));
        return items;
    }

    /** A quote that opens a char as JShell shows it ('a', '\n', '\u0000'), not an apostrophe in a word. */
    private static boolean isCharLiteral(String s, int i) {
        return i == 0 || s.charAt(i - 1) == ' ';
    }

    /** The first and last {@value #EDGE_ITEMS} items with "..." between them. */
    private static List<String> edges(List<String> items) {
        if (items.size() <= 2 * EDGE_ITEMS) return items;
        List<String> out = new ArrayList<>(items.subList(0, EDGE_ITEMS));
        out.add("...");
        out.addAll(items.subList(items.size() - EDGE_ITEMS, items.size()));
        return out;
    }

    /** One value of an array: a leaf (its text) or a nested array (header, declared length, items). */
    private record Node(String text, String header, long length, List<Node> items) {
        boolean isArray() {
            return header != null;
        }

        /** How many numbers (leaves) the array holds: the declared length where the items are not arrays. */
        long numbers() {
            if (!isArray()) return 1;
            boolean nested = !items.isEmpty() && items.stream().allMatch(Node::isArray);
            if (!nested) return length;
            long n = 0;
            for (Node item : items) n += item.numbers();
            return n;
        }

        String render(boolean summarize) {
            if (!isArray()) return text;
            if (items.isEmpty()) return text;
            List<String> shown = new ArrayList<>();
            if (summarize && items.size() > 2 * EDGE_ITEMS) {
                for (int i = 0; i < EDGE_ITEMS; i++) shown.add(items.get(i).render(true));
                shown.add("...");
                for (int i = items.size() - EDGE_ITEMS; i < items.size(); i++) shown.add(items.get(i).render(true));
            } else {
                for (Node item : items) shown.add(item.render(summarize));
            }
            return header + " { " + String.join(", ", shown) + " }";
        }
    }
}
