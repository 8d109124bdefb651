package layerwise.io;

import java.util.List;
import java.util.Map;

/**
 * A PyTorch module's constructor arguments as an export writes them: strings in the form they were
 * passed to PyTorch — {@code "3"} or {@code "[3, 2]"} for sizes, {@code "true"}/{@code "false"},
 * {@code "0.3"}, {@code "same"}. Each getter parses one argument; an error names where the arguments
 * came from, the key, and what was found.
 */
public final class ExportArgs {
    private final Map<String, String> values;
    private final String source;

    /**
     * @param values the string map (a safetensors {@code __metadata__})
     * @param source where it came from, for error messages: a file name, or "metadata"
     */
    public ExportArgs(Map<String, String> values, String source) {
        this.values = Map.copyOf(values);
        this.source = source;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** One value as it is written; the error lists the keys there are. */
    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException(source + ": no \"" + key + "\" in the metadata (it has "
                    + values.keySet() + ")");
        }
        return value;
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(string(key).trim());
        } catch (NumberFormatException e) {
            throw notA(key, "an integer");
        }
    }

    public long longInteger(String key) {
        try {
            return Long.parseLong(string(key).trim());
        } catch (NumberFormatException e) {
            throw notA(key, "an integer");
        }
    }

    public double decimal(String key) {
        try {
            return Double.parseDouble(string(key).trim());
        } catch (NumberFormatException e) {
            throw notA(key, "a number");
        }
    }

    /** {@code "true"} or {@code "false"} (Python's {@code True}/{@code False} are accepted too). */
    public boolean bool(String key) {
        String v = string(key).trim();
        if (v.equals("true") || v.equals("True")) return true;
        if (v.equals("false") || v.equals("False")) return false;
        throw notA(key, "\"true\" or \"false\"");
    }

    /** True when the argument was passed as a tuple, like kernel_size {@code "[3, 2]"}. */
    public boolean isTuple(String key) {
        String v = string(key).trim();
        return v.startsWith("[") || v.startsWith("(");
    }

    /** An int or tuple argument as ints: {@code "3"} gives {3}; {@code "[3, 2]"} or {@code "(3, 2)"} gives {3, 2}. */
    public int[] ints(String key) {
        String v = string(key).trim();
        if (!isTuple(key)) return new int[] {integer(key)};
        if (!(v.endsWith("]") || v.endsWith(")"))) throw notA(key, "a list of integers");
        List<String> parts = List.of(v.substring(1, v.length() - 1).split(",", -1));
        int[] out = new int[parts.size()];
        try {
            for (int i = 0; i < out.length; i++) out[i] = Integer.parseInt(parts.get(i).trim());
        } catch (NumberFormatException e) {
            throw notA(key, "a list of integers");
        }
        return out;
    }

    private IllegalArgumentException notA(String key, String what) {
        return new IllegalArgumentException(source + ": metadata \"" + key + "\" must be " + what + ", found \""
                + values.get(key) + "\"");
    }
}
