/**
 * Module and the layers (Linear, Conv2d, RNN, LSTM, GRU, ...), with PyTorch 1.13 shapes, names, default
 * initialization and errors.
 *
 * <h2>Reaching a parameter</h2>
 * One rule, with PyTorch's names:
 * <ul>
 *   <li>A parameter every instance of a module has is a public final field named exactly as in PyTorch:
 *       {@code lin.weight}, {@code conv.bias}, {@code cell.weight_ih}, {@code cell.bias_hh}. A parameter
 *       switched off ({@code bias=false}) is null.</li>
 *   <li>Every module answers {@link layerwise.nn.Module#getParameter(String)} for every key of its
 *       {@link layerwise.nn.Module#stateDict()}, PyTorch's {@code get_parameter}: {@code "weight"},
 *       {@code "0.weight"} in a {@link layerwise.nn.Sequential}, and the numbered parameters of the
 *       recurrent layers, whose count depends on num_layers and bidirectional:
 *       {@code rnn.getParameter("weight_ih_l0")}, {@code lstm.getParameter("weight_hh_l1_reverse")}.</li>
 * </ul>
 * Sizes and flags are methods in camelCase: {@code lin.inFeatures()}, {@code conv.kernelSize()},
 * {@code lstm.hiddenSize()}.
 */
package layerwise.nn;
