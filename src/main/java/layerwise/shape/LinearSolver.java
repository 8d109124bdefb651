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
            int[] one = OneSample.rows(in, in.length - 1);
            int[] got = lin.forward(Tensor.zeros(one)).shape();
            int[] out = in.clone();
            out[in.length - 1] = got[got.length - 1];
            return Proposal.checkedOn("new Linear(" + inF + ", " + outF + ")", lin, List.of(
                    "y = x Wᵀ + b on the last dim: in_features = " + inF + " → out_features = " + outF), in, out,
                    OneSample.checked(one, got, in));
        });
    }

    private static Proposal flattened(int[] in, int start, int outF) {
        long features = 1;
        for (int i = start; i < in.length; i++) features *= in[i];
        int inF = (int) features;
        return Quietly.build(() -> {
            Sequential net = new Sequential(new Flatten(start, -1), new Linear(inF, outF));
            int[] one = OneSample.rows(in, start);
            int[] got = net.forward(Tensor.zeros(one)).shape();
            int[] out = Arrays.copyOf(in, start + 1);
            out[start] = got[got.length - 1];
            String flatten = start == 1 ? "new Flatten()" : "new Flatten(" + start + ", -1)";
            String folded = start == in.length - 1 ? "" + inF : TorchFormat.product(in, start, in.length) + " = " + inF;
            return Proposal.checkedOn("new Sequential(" + flatten + ", new Linear(" + inF + ", " + outF + "))", net, List.of(
                    "Flatten dims " + start + ".." + (in.length - 1) + ": " + folded
                            + " features (or x.flatten(" + start + ") before a Linear)",
                    "Linear: in_features = " + inF + " → out_features = " + outF), in, out, OneSample.checked(one, got, in));
        });
    }

    private static Proposal reshapedFirst(int[] in, int[] reshaped, int outF) {
        int inF = reshaped[reshaped.length - 1];
        return Quietly.build(() -> {
            Linear lin = new Linear(inF, outF);
            int[] one = OneSample.rows(reshaped, reshaped.length - 1);
            int[] got = lin.forward(Tensor.zeros(one)).shape();
            int[] out = reshaped.clone();
            out[reshaped.length - 1] = got[got.length - 1];
            String dims = Names.shape(reshaped).replace("[", "").replace("]", "");
            return Proposal.checkedOn("x.reshape(" + dims + "), then new Linear(" + inF + ", " + outF + ")", lin, List.of(
                    "reshape to rows " + Names.shape(Arrays.copyOf(reshaped, reshaped.length - 1)) + " × " + inF
                            + " features: each row stays one sample's values",
                    "Linear: in_features = " + inF + " → out_features = " + outF), reshaped, out,
                    OneSample.checked(one, got, reshaped));
        });
    }

    /** The Linear after a conv/pool stack and a Flatten: in_features = C·H·W of the stack's output. */
    static <M extends Module & TensorModule> Solutions linearAfter(M stack, int[] in, int outFeatures) {
        String question = "Linear(?, " + outFeatures + ") after " + Names.oneLine(stack) + " on " + Names.shape(in);
        Trace trace = sampleTrace(stack, in);
        if (trace.failure() == null) return Solutions.found(question, List.of(after(stack, in, outFeatures, trace)));
        // The stack shrinks the image too far (or rejects it): the smallest larger image it accepts.
        List<Proposal> nearest = new ArrayList<>();
        for (int grow = 1; in.length >= 3 && grow <= MAX_GROWTH && nearest.isEmpty(); grow++) {
            int[] bigger = in.clone();
            bigger[in.length - 1] += grow;
            bigger[in.length - 2] += grow;
            Trace t = sampleTrace(stack, bigger);
            if (t.failure() == null) {
                nearest.add(after(stack, bigger, outFeatures, t).withNote("the smallest larger image the stack takes, "
                        + Names.shape(bigger)));
            }
        }
        return Solutions.impossible(question, "the stack itself fails on " + Names.shape(in) + ":\n" + trace.failure(),
                nearest);
    }

    /**
     * The stack traced on one sample of a batched input (N, C, H, W), when the batch passes through it;
     * a stack that folds the batch into its features (a Flatten(0, -1)) is traced on the whole input.
     */
    private static <M extends Module & TensorModule> Trace sampleTrace(M stack, int[] in) {
        if (in.length != 4) return Trace.of(stack, in);
        Trace one = Trace.of(stack, OneSample.of(in, 0));
        boolean batchKept = one.failure() != null || (one.output().length >= 1 && one.output()[0] == 1);
        return batchKept ? one : Trace.of(stack, in);
    }

    /** How many pixels larger linearAfter looks for an image the stack accepts. */
    private static final int MAX_GROWTH = 64;

    private static <M extends Module & TensorModule> Proposal after(M stack, int[] in, int outFeatures, Trace trace) {
        // The trace ran on one sample when its output starts with 1 where the input has N > 1 (see sampleTrace).
        boolean sample = in.length == 4 && trace.steps().size() > 0 && trace.steps().get(0).input()[0] != in[0];
        int[] feat = sample ? OneSample.withBatch(trace.output(), 0, in[0]) : trace.output();
        // A batch keeps dim 0 (Flatten()); one unbatched image (C, H, W) flattens everything (Flatten(0, -1)).
        int from = in.length == 3 || feat.length < 2 ? 0 : 1;
        boolean flat = feat.length == from + 1;                 // already (N, F) or (F): no Flatten needed
        int inF = (int) Names.numel(Arrays.copyOfRange(feat, from, feat.length));
        return Quietly.build(() -> {
            Sequential net = new Sequential(stack);
            if (!flat) net.append(new Flatten(from, -1));
            net.append(new Linear(inF, outFeatures));
            int[] one = sample ? OneSample.of(in, 0) : in;
            int[] got = net.forward(Tensor.zeros(one)).shape();
            int[] out = sample ? OneSample.withBatch(got, 0, in[0]) : got;
            List<String> derivation = new ArrayList<>();
            for (Trace.Step s : trace.steps()) {
                String layer = s.path().isEmpty() ? s.layer() : "(" + s.path() + ") " + s.layer();
                int[] stepIn = sample ? OneSample.withBatch(s.input(), 0, in[0]) : s.input();
                int[] stepOut = sample ? OneSample.withBatch(s.output(), 0, in[0]) : s.output();
                derivation.add(layer + ": " + Names.shape(stepIn) + " → " + Names.shape(stepOut));
                for (String line : s.formulas()) derivation.add("    " + line);
            }
            String flatten = from == 1 ? "Flatten()" : "Flatten(0, -1)";
            if (!flat) {
                derivation.add(flatten + ": " + TorchFormat.product(feat, from, feat.length) + " = " + inF + " features");
            }
            derivation.add("Linear: in_features = " + inF + " → out_features = " + outFeatures);
            return Proposal.checkedOn("new Sequential(stack, " + (flat ? "" : "new " + flatten + ", ") + "new Linear(" + inF + ", "
                    + outFeatures + "))",
                    net, derivation, in, out, OneSample.checked(one, got, in));
        });
    }
}
