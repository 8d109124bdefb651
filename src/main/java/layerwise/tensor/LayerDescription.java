package layerwise.tensor;

/**
 * The layer an op runs for, so that the op's error messages name the layer and suggest one that fits:
 * a layer's {@code forward} passes itself to {@link Functional}, which checks the input once.
 */
public interface LayerDescription {

    /** How messages name the layer, e.g. {@code Linear(in_features=20, out_features=5)}. */
    String describe();

    /** The Java constructor of this layer changed to take {@code inputs} features or channels, e.g. {@code Linear(10, 5)}. */
    String rebuiltFor(int inputs);
}
