package layerwise.tensor;

/** A loss's {@code reduction} argument: "none" keeps one loss per element, "mean" averages, "sum" adds. */
enum Reduction {
    NONE, MEAN, SUM;

    /** PyTorch's _Reduction.get_enum: the three names, anything else is a ValueError. */
    static Reduction of(String name) {
        Nulls.require(name, "loss", "reduction", 0, "string");
        switch (name) {
            case "none": return NONE;
            case "mean": return MEAN;
            case "sum": return SUM;
            default:
                throw new ValueError(name + " is not a valid value for reduction",
                        "reduction says how the per-element losses become the result: \"mean\" averages them (the "
                                + "default), \"sum\" adds them, \"none\" returns them all.",
                        "pass \"mean\", \"sum\" or \"none\"");
        }
    }

    /** The per-element losses reduced: themselves, their mean or their sum. */
    Tensor apply(float[] losses, int[] shape) {
        Tensor t = new Tensor(losses, shape.clone(), Shapes.contiguousStrides(shape), 0);
        switch (this) {
            case MEAN: return Reductions.all(t, Reductions::mean);
            case SUM: return Reductions.all(t, Reductions::sum);
            default: return t;
        }
    }
}
