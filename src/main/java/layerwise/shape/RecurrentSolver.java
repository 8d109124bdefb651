package layerwise.shape;

import java.util.ArrayList;
import java.util.List;

import layerwise.nn.GRU;
import layerwise.nn.LSTM;
import layerwise.nn.RNN;
import layerwise.nn.RNNBase;
import layerwise.nn.RNNOptions;
import layerwise.nn.RNNOutput;
import layerwise.tensor.Tensor;

/**
 * {@link Solve#recurrent}: hidden_size, num_layers, bidirectional and proj_size for a wanted number of
 * output features. The output has {@code D·H_out} features, D = 2 if bidirectional, H_out = proj_size if
 * set (LSTM only) else hidden_size; num_layers changes the states, not the output.
 */
final class RecurrentSolver {
    private RecurrentSolver() {
    }

    static Solutions solve(String kind, int[] in, int outFeatures, boolean batchFirst) {
        String k = kind.toUpperCase(java.util.Locale.ROOT);
        if (!k.equals("RNN") && !k.equals("LSTM") && !k.equals("GRU")) {
            throw new IllegalArgumentException("Solve.recurrent takes \"RNN\", \"LSTM\" or \"GRU\", got \"" + kind + "\"");
        }
        if (in.length != 3 && in.length != 2) {
            throw new IllegalArgumentException("Solve.recurrent takes an input shape (T, N, input_size), (N, T, input_size) "
                    + "with batchFirst, or unbatched (T, input_size); got " + Names.shape(in));
        }
        int[] out = in.clone();
        out[in.length - 1] = outFeatures;
        String question = k + " from " + Names.shape(in) + (batchFirst && in.length == 3 ? " (batch_first)" : "")
                + " to " + outFeatures + " output features";
        int inputSize = in[in.length - 1];
        if (outFeatures < 1) {
            List<Proposal> nearest = new ArrayList<>();
            add(nearest, k, in, inputSize, 1, 1, false, 0, batchFirst);
            return Solutions.impossible(question, "the output has D·H_out features with hidden_size ≥ 1, so at least 1.",
                    nearest.stream().map(p -> p.withNote("the fewest features")).toList());
        }
        List<Proposal> found = new ArrayList<>();
        add(found, k, in, inputSize, outFeatures, 1, false, 0, batchFirst);
        if (outFeatures % 2 == 0) add(found, k, in, inputSize, outFeatures / 2, 1, true, 0, batchFirst);
        if (k.equals("LSTM")) add(found, k, in, inputSize, 2 * outFeatures, 1, false, outFeatures, batchFirst);
        add(found, k, in, inputSize, outFeatures, 2, false, 0, batchFirst);
        found.removeIf(p -> p.output()[p.output().length - 1] != outFeatures);
        return Solutions.found(question, found);
    }

    private static void add(List<Proposal> list, String kind, int[] in, int inputSize, int hidden, int layers,
                            boolean bidirectional, int proj, boolean batchFirst) {
        list.add(Quietly.build(() -> {
            RNNOptions o = RNNBase.options().numLayers(layers).bidirectional(bidirectional).batchFirst(batchFirst);
            if (proj > 0) o.projSize(proj);
            RNNBase m = kind.equals("LSTM") ? new LSTM(inputSize, hidden, o) : kind.equals("GRU") ? new GRU(inputSize, hidden, o)
                    : new RNN(inputSize, hidden, o);
            // One sequence of the batch: the batch size N passes through to the output and the states.
            int batchDim = batchFirst ? 0 : 1;
            boolean batched = in.length == 3;
            int[] one = batched ? OneSample.of(in, batchDim) : in;
            RNNOutput r = Walk.recurrent(m, Tensor.zeros(one));
            int[] out = batched ? OneSample.withBatch(r.output().shape(), batchDim, in[batchDim]) : r.output().shape();
            int[] hN = batched ? OneSample.withBatch(r.hN().shape(), 1, in[batchDim]) : r.hN().shape();
            int[] cN = r.cN() == null ? null : batched ? OneSample.withBatch(r.cN().shape(), 1, in[batchDim]) : r.cN().shape();
            int d = bidirectional ? 2 : 1;
            int hOut = proj > 0 ? proj : hidden;
            List<String> derivation = new ArrayList<>();
            derivation.add("output features D·H_out = " + d + "·" + hOut + " = " + d * hOut
                    + (proj > 0 ? " (H_out = proj_size; any hidden_size > proj_size works)" : "")
                    + (layers > 1 ? " (num_layers stacks layers: more states, same output size)" : ""));
            derivation.add("h0, h_n (D·num_layers, N, H_out) = " + Names.shape(hN)
                    + (cN == null ? "" : "; c0, c_n (D·num_layers, N, hidden_size) = " + Names.shape(cN)));
            return Proposal.checkedOn(code(kind, inputSize, hidden, layers, bidirectional, proj, batchFirst), m, derivation, in,
                    out, OneSample.checked(one, r.output().shape(), in));
        }));
    }

    private static String code(String kind, int inputSize, int hidden, int layers, boolean bidirectional, int proj,
                               boolean batchFirst) {
        StringBuilder o = new StringBuilder();
        if (layers != 1) o.append(".numLayers(").append(layers).append(')');
        if (batchFirst) o.append(".batchFirst(true)");
        if (bidirectional) o.append(".bidirectional(true)");
        if (proj > 0) o.append(".projSize(").append(proj).append(')');
        return "new " + kind + "(" + inputSize + ", " + hidden + (o.length() == 0 ? "" : ", " + kind + ".options()" + o) + ")";
    }
}
