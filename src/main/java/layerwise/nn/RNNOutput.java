package layerwise.nn;

import layerwise.tensor.TorchFormat;
import layerwise.tensor.Tensor;

/**
 * What a recurrent layer returns, like PyTorch's {@code (output, h_n)} or {@code (output, (h_n, c_n))}.
 *
 * <ul>
 *   <li>{@code output}: every time step's last-layer hidden state, {@code (T, N, D*Hout)}
 *       ({@code (N, T, D*Hout)} with {@code batch_first}, {@code (T, D*Hout)} unbatched). Forward
 *       direction in {@code [..., :Hout]}, reverse direction in {@code [..., Hout:]}.</li>
 *   <li>{@code hN}: every layer's and direction's final hidden state, {@code (D*num_layers, N, Hout)}
 *       (never batch-first), row {@code layer*D + direction}.</li>
 *   <li>{@code cN}: the LSTM's final cell states, {@code (D*num_layers, N, hidden_size)}; null for RNN
 *       and GRU.</li>
 * </ul>
 * The states can be passed straight back as the next call's initial state:
 * {@code lstm.forward(x2, out.hN(), out.cN())}.
 */
public record RNNOutput(Tensor output, Tensor hN, Tensor cN) {

    /** The output and state shapes, then the tensors, so a REPL line shows what came back. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RNNOutput(output ").append(shape(output))
                .append(", hN ").append(shape(hN));
        if (cN != null) sb.append(", cN ").append(shape(cN));
        sb.append(")\noutput = ").append(output).append("\nhN = ").append(hN);
        if (cN != null) sb.append("\ncN = ").append(cN);
        return sb.toString();
    }

    private static String shape(Tensor t) {
        return layerwise.tensor.TorchFormat.shapeString(t.shape());
    }
}
