package layerwise.shape;

import java.util.ArrayList;
import java.util.List;

/** Lays a {@link Summary} out as text: one line per layer, its parameters indented below it, then totals. */
final class SummaryText {
    private SummaryText() {
    }

    /** The last line of every summary: where the same rows come as a table. */
    static final String TABLE_HINT = "As a Tablesaw table: Tables.summary(summary)";

    static String render(Summary s) {
        if (s.inputShape() == null) return parametersOnly(s);
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"layer", "input", "output", "params", "mult-adds"});
        List<List<String>> below = new ArrayList<>();
        below.add(List.of());
        for (Summary.Row r : s.rows()) {
            String indent = "  ".repeat(r.depth());
            String label = r.path().isEmpty() ? r.layer() : "(" + r.path() + ") " + r.layer();
            String output = r.output() == null ? (r.container() ? "-" : "FAILED") : Names.shape(r.output());
            table.add(new String[] {indent + label, Names.shape(r.input()), output,
                    r.container() ? "" : Names.count(r.parameters()), r.container() ? "" : Names.count(r.multAdds())});
            below.add(details(r, indent + "    "));
        }
        int[] width = new int[5];
        for (String[] cells : table) for (int i = 0; i < 5; i++) width[i] = Math.max(width[i], cells[i].length());
        StringBuilder sb = new StringBuilder();
        sb.append("Summary of ").append(s.model()).append(" on input ").append(Names.shape(s.inputShape())).append('\n');
        int total = width[0] + width[1] + width[2] + width[3] + width[4] + 8;
        for (int i = 0; i < table.size(); i++) {
            String[] c = table.get(i);
            sb.append(pad(c[0], width[0])).append("  ").append(pad(c[1], width[1])).append("  ")
                    .append(pad(c[2], width[2])).append("  ").append(left(c[3], width[3])).append("  ")
                    .append(left(c[4], width[4])).append('\n');
            if (i == 0) sb.append("─".repeat(total)).append('\n');
            for (String line : below.get(i)) sb.append(line).append('\n');
        }
        sb.append("─".repeat(total)).append('\n');
        if (s.failure() != null) {
            sb.append("The forward pass stopped at the layer marked FAILED:\n").append(s.failure()).append('\n');
            sb.append("─".repeat(total)).append('\n');
        }
        sb.append("Total parameters: ").append(Names.count(s.totalParameters())).append('\n');
        sb.append("Multiply-adds:    ").append(Names.count(s.totalMultAdds()))
                .append(s.failure() != null ? "  (layers that ran)" : "").append('\n');
        sb.append("Memory (float32): input ").append(Names.bytes(s.inputBytes()))
                .append(", layer outputs ").append(Names.bytes(s.activationBytes()))
                .append(", parameters ").append(Names.bytes(s.parameterBytes())).append('\n');
        sb.append(TABLE_HINT);
        return sb.toString();
    }

    /** A summary without input: the layers and their parameters, as torchinfo prints without input_size. */
    private static String parametersOnly(Summary s) {
        int width = "layer".length();
        for (Summary.Row r : s.rows()) width = Math.max(width, label(r).length());
        int total = width + 2 + 10;
        StringBuilder sb = new StringBuilder("Summary of ").append(s.model()).append(": parameters only, no input shape given\n");
        sb.append(pad("layer", width)).append("  ").append(left("params", 10)).append('\n').append("─".repeat(total)).append('\n');
        for (Summary.Row r : s.rows()) {
            sb.append(pad(label(r), width)).append("  ").append(left(r.container() ? "" : Names.count(r.parameters()), 10))
                    .append('\n');
            for (String line : details(r, "  ".repeat(r.depth()) + "    ")) sb.append(line).append('\n');
        }
        sb.append("─".repeat(total)).append('\n');
        sb.append("Total parameters: ").append(Names.count(s.totalParameters())).append('\n');
        sb.append("Memory (float32): parameters ").append(Names.bytes(s.parameterBytes())).append('\n');
        sb.append("Give the input shape, e.g. ").append(s.withInputExample()).append(", for shapes and multiply-adds.\n");
        sb.append(TABLE_HINT);
        return sb.toString();
    }

    private static String label(Summary.Row r) {
        return "  ".repeat(r.depth()) + (r.path().isEmpty() ? r.layer() : "(" + r.path() + ") " + r.layer());
    }

    /** The parameter lines under a layer, and a recurrent layer's final states. */
    private static List<String> details(Summary.Row r, String indent) {
        List<String> lines = new ArrayList<>();
        int key = 0;
        int shape = 0;
        for (ParamInfo p : r.params()) {
            key = Math.max(key, p.key().length());
            shape = Math.max(shape, Names.shape(p.shape()).length());
        }
        for (ParamInfo p : r.params()) {
            lines.add((indent + pad(p.key(), key) + "  " + pad(Names.shape(p.shape()), shape) + "  "
                    + left(Names.count(p.count()), 9) + "  " + p.details()).stripTrailing());
        }
        if (r.hN() != null) {
            lines.add(indent + "final states: h_n " + Names.shape(r.hN())
                    + (r.cN() == null ? "" : ", c_n " + Names.shape(r.cN())));
        }
        return lines;
    }

    static String pad(String s, int w) {
        return s.length() >= w ? s : s + " ".repeat(w - s.length());
    }

    static String left(String s, int w) {
        return s.length() >= w ? s : " ".repeat(w - s.length()) + s;
    }
}
