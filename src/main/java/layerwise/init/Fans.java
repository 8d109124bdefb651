package layerwise.init;

/**
 * The fan-in and fan-out of a weight, as {@code torch.nn.init._calculate_fan_in_and_fan_out} computes them.
 *
 * <p>For a weight of shape {@code (out, in, k1, k2, ...)} the receptive field is {@code rf = k1*k2*...}
 * (1 for a Linear weight), {@code fanIn = in*rf} and {@code fanOut = out*rf}. So a Conv2d weight
 * {@code (8, 3, 3, 3)} has fan-in 27 and fan-out 72, and a grouped conv's fan-in already uses
 * {@code in_channels/groups}, because that is what the weight's second dimension holds.
 */
public record Fans(int fanIn, int fanOut) {

    /** The fans of a weight shape; the caller has already checked the shape has at least 2 dims. */
    static Fans of(int[] shape) {
        int receptiveField = 1;
        for (int d = 2; d < shape.length; d++) receptiveField *= shape[d];
        return new Fans(shape[1] * receptiveField, shape[0] * receptiveField);
    }

    /** {@code fanIn} for mode "fan_in", {@code fanOut} for "fan_out" (mode already validated). */
    int forMode(String mode) {
        return mode.equals("fan_in") ? fanIn : fanOut;
    }

    @Override
    public String toString() {
        return "Fans(fan_in=" + fanIn + ", fan_out=" + fanOut + ")";
    }
}
