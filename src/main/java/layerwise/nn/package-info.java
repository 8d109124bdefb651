/** Module, Parameter and the layers (Linear, Conv2d, RNN, LSTM, GRU, ...), with PyTorch 1.13 shapes, names, default initialization and errors. */
package layerwise.nn;
