package layerwise.shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import layerwise.nn.Flatten;
import layerwise.nn.Linear;
import layerwise.nn.Module;
import layerwise.nn.Sequential;
import layerwise.nn.TensorModule;
import layerwise.tensor.Tensor;
import layerwise.tensor.TorchFormat;

/** {@link Solve#linear} and {@link Solve#linearAfter}: the Linear (and the reshape) that give a shape. */
final class LinearSolver {
    private LinearSolver() {
    }

    static Solutions linear(int[] in, int[] out) {
        String question = "Linear from " + Names.shape(in) + " to " + Names.shape(out);
        if (in.length == 0 || out.length == 0) {
            return Solutions.impossible(question, "a Linear needs at least a 1-D input and gives at least a 1-D output "
                    + "(the features are the last dim).", List.of());
        }
        int outF = out[out.length - 1];
        int[] wantLead = Arrays.copyOf(out, out.length - 1);
        // A Linear mixes the last dim and keeps every row. The input can give it rows out[:-1] by folding
        // its trailing dims in[j:] into the features (j = in.length-1 folds nothing), when in[:j] holds
        // as many rows as out[:-1]; fewest folded dims first. Anything else would mix samples.
        List<Proposal> found = new ArrayList<>();
        for (int j = in.length - 1; j >= 0; j--) {
            int[] rows = Arrays.copyOf(in, j);
            if (Names.numel(rows) != Names.numel(wantLead)) continue;
            if (Arrays.equals(rows, wantLead)) {
                add(found, out, j == in.length - 1 ? direct(in, outF) : flattened(in, j, outF));
            } else {
                int[] reshaped = Arrays.copyOf(wantLead, wantLead.length + 1);
                reshaped[wantLead.length] = (int) Names.numel(Arrays.copyOfRange(in, j, in.length));
                add(found, out, reshapedFirst(in, reshaped, outF));
            }
        }
        if (!found.isEmpty()) return Solutions.found(question, found);
        int[] lead = Arrays.copyOf(in, in.length - 1);
        String reason = "a Linear maps the last dim and keeps every row. The target wants " + Names.numel(wantLead)
                + " rows (" + (wantLead.length == 0 ? "one vector" : TorchFormat.product(wantLead, 0, wantLead.length))
                + "), but no leading block of the input holds that many (" + blocks(in)
                + "); getting them would mix values of different samples.";
        List<Proposal> nearest = new ArrayList<>();
        int[] near = Arrays.copyOf(lead, lead.length + 1);
        near[lead.length] = outF;
        add(nearest, near, direct(in, outF));
        return Solutions.impossible(question, reason, nearest.stream().map(p -> p.withNote("keeping the rows")).toList());
    }

    /** "1, 4, 4·6 = 24" : how many rows each leading block of the input holds. */
    private static String blocks(int[] in) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < in.length; j++) {
            parts.add(j == 0 ? "1" : (j == 1 ? "" + in[0] : TorchFormat.product(in, 0, j).replace("×", "·") + " = "
                    + Names.numel(Arrays.copyOf(in, j))));
        }
        return String.join(", ", parts);
    }

    private static void add(List<Proposal> list, int[] want, Proposal p) {
        if (p != null && Arrays.equals(p.output(), want)) list.add(p);
    }

    private static Proposal direct(int[] in, int outF) {
        int inF = in[in.length - 1];
        return Quietly.build(() -> {
            Linear lin = new Linear(inF, outF);
            int[] got = lin.forward(Tensor.zeros(in)).shape();
            return Proposal.of("new Linear(" + inF + ", " + outF + ")", lin, List.of(
                    "y = x Wᵀ + b on the last dim: in_features = " + inF + " → out_features = " + outF), in, got);
        });
    }

    private static Proposal flattened(int[] in, int start, int outF) {
        long features = 1;
        for (int i = start; i < in.length; i++) features *= in[i];
        int inF = (int) features;
        return Quietly.build(() -> {
            Sequential net = new Sequential(new Flatten(start, -1), new Linear(inF, outF));
            int[] got = net.forward(Tensor.zeros(in)).shape();
            String flatten = start == 1 ? "new Flatten()" : "new Flatten(" + start + ", -1)";
            String folded = start == in.length - 1 ? "" + inF : TorchFormat.product(in, start, in.length) + " = " + inF;
            return Proposal.of("new Sequential(" + flatten + ", new Linear(" + inF + ", " + outF + "))", net, List.of(
                    "Flatten dims " + start + ".." + (in.length - 1) + ": " + folded
                            + " features (or x.flatten(" + start + ") before a Linear)",
                    "Linear: in_features = " + inF + " → out_features = " + outF), in, got);
        });
    }

    private static Proposal reshapedFirst(int[] in, int[] reshaped, int outF) {
        int inF = reshaped[reshaped.length - 1];
        return Quietly.build(() -> {
            Linear lin = new Linear(inF, outF);
            int[] got = lin.forward(Tensor.zeros(in).reshape(reshaped)).shape();
            String dims = Names.shape(reshaped).replace("[", "").replace("]", "");
            return Proposal.of("x.reshape(" + dims + "), then new Linear(" + inF + ", " + outF + ")", lin, List.of(
                    "reshape to rows " + Names.shape(Arrays.copyOf(reshaped, reshaped.length - 1)) + " × " + inF
                            + " features: each row stays one sample's values",
                    "Linear: in_features = " + inF + " → out_features = " + outF), reshaped, got);
        });
    }

    /** The Linear after a conv/pool stack and a Flatten: in_features = C·H·W of the stack's output. */
    static <M extends Module & TensorModule> Solutions linearAfter(M stack, int[] in, int outFeatures) {
        String question = "Linear(?, " + outFeatures + ") after " + Names.oneLine(stack) + " on " + Names.shape(in);
        Trace trace = Trace.of(stack, in);
        if (trace.failure() == null) return Solutions.found(question, List.of(after(stack, in, outFeatures, trace)));
        // The stack shrinks the image too far (or rejects it): the smallest larger image it accepts.
        List<Proposal> nearest = new ArrayList<>();
        for (int grow = 1; in.length >= 3 && grow <= MAX_GROWTH && nearest.isEmpty(); grow++) {
            int[] bigger = in.clone();
            bigger[in.length - 1] += grow;
            bigger[in.length - 2] += grow;
            Trace t = Trace.of(stack, bigger);
            if (t.failure() == null) {
                nearest.add(after(stack, bigger, outFeatures, t).withNote("the smallest larger image the stack takes, "
                        + Names.shape(bigger)));
            }
        }
        return Solutions.impossible(question, "the stack itself fails on " + Names.shape(in) + ":\n" + trace.failure(),
                nearest);
    }

    /** How many pixels larger linearAfter looks for an image the stack accepts. */
    private static final int MAX_GROWTH = 64;

    private static <M extends Module & TensorModule> Proposal after(M stack, int[] in, int outFeatures, Trace trace) {
        int[] feat = trace.output();
        // A batch keeps dim 0 (Flatten()); one unbatched image (C, H, W) flattens everything (Flatten(0, -1)).
        int from = in.length == 3 || feat.length < 2 ? 0 : 1;
        boolean flat = feat.length == from + 1;                 // already (N, F) or (F): no Flatten needed
        int inF = (int) Names.numel(Arrays.copyOfRange(feat, from, feat.length));
        return Quietly.build(() -> {
            Sequential net = new Sequential(stack);
            if (!flat) net.append(new Flatten(from, -1));
            net.append(new Linear(inF, outFeatures));
            int[] got = net.forward(Tensor.zeros(in)).shape();
            List<String> derivation = new ArrayList<>();
            for (Trace.Step s : trace.steps()) {
                String layer = s.path().isEmpty() ? s.layer() : "(" + s.path() + ") " + s.layer();
                derivation.add(layer + ": " + Names.shape(s.input()) + " → " + Names.shape(s.output()));
                for (String line : s.formulas()) derivation.add("    " + line);
            }
            String flatten = from == 1 ? "Flatten()" : "Flatten(0, -1)";
            if (!flat) {
                derivation.add(flatten + ": " + TorchFormat.product(feat, from, feat.length) + " = " + inF + " features");
            }
            derivation.add("Linear: in_features = " + inF + " → out_features = " + outFeatures);
            return Proposal.of("new Sequential(stack, " + (flat ? "" : "new " + flatten + ", ") + "new Linear(" + inF + ", "
                    + outFeatures + "))",
                    net, derivation, in, got);
        });
    }
}
