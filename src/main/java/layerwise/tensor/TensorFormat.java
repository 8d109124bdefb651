package layerwise.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * toString like torch 1.13's _tensor_str: 4 decimals, one width for every element, scientific notation
 * when the magnitudes span more than 1000x (or exceed 1e8, or go below 1e-4), integers as "1.", 80-column
 * lines, and above 1000 elements only the first and last 3 entries of each dim with "...".
 */
final class TensorFormat {
    private static final int PRECISION = 4;
    private static final int LINE_WIDTH = 80;
    private static final int EDGE_ITEMS = 3;
    private static final int THRESHOLD = 1000;
    private static final String PREFIX = "tensor(";

    private boolean intMode = true;
    private boolean sciMode;
    private int maxWidth = 1;

    private TensorFormat(float[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        boolean any = false;
        for (float v : values) {
            if (Float.isFinite(v) && v != 0) {
                any = true;
                min = Math.min(min, Math.abs((double) v));
                max = Math.max(max, Math.abs((double) v));
                if (v != (float) Math.ceil(v)) intMode = false;
            }
        }
        if (!any) return;
        sciMode = max / min > 1000.0 || max > 1.0e8 || (!intMode && min < 1.0e-4);
        for (float v : values) {
            if (Float.isFinite(v) && v != 0) {
                int w = sciMode ? sci(v).length() : intMode ? fixed(v, 0).length() + 1 : fixed(v, PRECISION).length();
                maxWidth = Math.max(maxWidth, w);
            }
        }
    }

    static String format(Tensor t) {
        if (t.numel() == 0) {
            return PREFIX + "[]" + (t.dims.length != 1 ? ", size=" + tuple(t.dims) : "") + ")";
        }
        boolean summarize = t.numel() > THRESHOLD;
        TensorFormat f = new TensorFormat(summarize ? summarized(t) : Strided.toArray(t));
        return PREFIX + f.body(t, PREFIX.length(), summarize) + ")";
    }

    private String body(Tensor t, int indent, boolean summarize) {
        int dim = t.dims.length;
        if (dim == 0) return cell(t.storage[t.offset]);
        int size = t.dims[0];
        boolean cut = summarize && size > 2 * EDGE_ITEMS;
        if (dim == 1) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (cut && i == EDGE_ITEMS) {
                    cells.add(" ...");
                    i = size - EDGE_ITEMS;
                }
                cells.add(cell(t.storage[t.offset + i * t.strides[0]]));
            }
            int perLine = Math.max(1, (LINE_WIDTH - indent) / (maxWidth + 2));
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) sb.append(i % perLine == 0 ? ",\n" + " ".repeat(indent + 1) : ", ");
                sb.append(cells.get(i));
            }
            return sb.append(']').toString();
        }
        String sep = "," + "\n".repeat(dim - 1) + " ".repeat(indent + 1);
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            if (i > 0) sb.append(sep);
            if (cut && i == EDGE_ITEMS) {
                sb.append("...").append(sep);
                i = size - EDGE_ITEMS;
            }
            sb.append(body(Views.select(t, 0, i), indent + 1, summarize));
        }
        return sb.append(']').toString();
    }

    /**
     * The elements torch looks at to choose the format when summarising: the first and last 3 of each dim,
     * in a buffer from {@link Storage} (many dims of size 2 keep every element, 2^30 of them for 30 dims).
     */
    private static float[] summarized(Tensor t) {
        int[] kept = new int[t.dims.length];
        for (int d = 0; d < kept.length; d++) kept[d] = Math.min(t.dims[d], 2 * EDGE_ITEMS);
        float[] values = Storage.allocate(kept);
        collect(t, values, 0);
        return values;
    }

    /** Writes t's summarised elements into values from index at; returns the index after them. */
    private static int collect(Tensor t, float[] values, int at) {
        if (t.dims.length == 0) {
            values[at] = t.storage[t.offset];
            return at + 1;
        }
        int size = t.dims[0];
        for (int i = 0; i < size; i++) {
            if (size > 2 * EDGE_ITEMS && i == EDGE_ITEMS) i = size - EDGE_ITEMS;
            at = collect(Views.select(t, 0, i), values, at);
        }
        return at;
    }

    private String cell(float v) {
        String s;
        if (Float.isNaN(v)) {
            s = "nan";
        } else if (Float.isInfinite(v)) {
            s = v > 0 ? "inf" : "-inf";
        } else if (sciMode) {
            s = sci(v);
        } else if (intMode) {
            s = fixed(v, 0) + ".";
        } else {
            s = fixed(v, PRECISION);
        }
        return s.length() >= maxWidth ? s : " ".repeat(maxWidth - s.length()) + s;
    }

    /** Python's '{:.Nf}': the exact binary value rounded half-to-even, keeping the sign of -0.0. */
    private static String fixed(float v, int decimals) {
        String s = new BigDecimal(v).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        return negative && !s.startsWith("-") ? "-" + s : s;
    }

    /** Python's '{:.4e}': 1.2346e+05, at least two exponent digits. */
    private static String sci(float v) {
        if (v == 0) return (1 / v < 0 ? "-" : "") + "0." + "0".repeat(PRECISION) + "e+00";
        BigDecimal d = new BigDecimal(v).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN));
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        digits = (digits + "0".repeat(PRECISION + 1)).substring(0, PRECISION + 1);
        String exp = String.format("%02d", Math.abs(exponent));
        return (v < 0 ? "-" : "") + digits.charAt(0) + "." + digits.substring(1) + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    private static String tuple(int[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i > 0 ? ", " : "").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }
}
