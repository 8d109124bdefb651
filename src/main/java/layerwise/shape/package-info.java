/**
 * Shapes of a whole network, and the shape question asked backwards: {@link layerwise.shape.Summary}
 * (torchinfo-like: every layer's shapes, parameters, fans, init bounds and multiply-adds),
 * {@link layerwise.shape.Trace} (the shape after every layer with the formula that made it) and
 * {@link layerwise.shape.Solve} (the layer settings that turn one shape into another, each checked by
 * building the layer and running it on zeros). Uses only the public API of nn, init and tensor.
 */
package layerwise.shape;
