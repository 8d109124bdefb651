package layerwise.tensor;

/**
 * How many times a storage has been written in place, shared by a tensor and all its views: PyTorch's
 * version counter. An op that saves a tensor for backward notes its version; if an in-place op bumps
 * it before backward, the gradient would use a changed value, and {@link Node} refuses.
 */
final class Version {
    int value;
}
