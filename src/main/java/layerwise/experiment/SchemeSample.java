package layerwise.experiment;

import layerwise.init.Theory;
import layerwise.tensor.Tensor;
import layerwise.nn.Conv2d;
import layerwise.nn.Linear;

import java.util.ArrayList;
import java.util.List;

/**
 * One weight drawn by one scheme, with the theory of that draw and the sample's statistics.
 */
public record SchemeSample(Scheme scheme, Tensor weight, Theory theory, Stats stats) {

    /**
     * Draws a weight of the given shape with each scheme, each after {@code Tensor.manualSeed(seed)}. The
     * PyTorch default is drawn by building the layer (Linear for 2-D shapes, Conv2d for 4-D), so it is the
     * layer's own weight.
     */
    public static List<SchemeSample> drawAll(int[] shape, long seed, List<Scheme> schemes) {
        List<SchemeSample> out = new ArrayList<>();
        for (Scheme s : schemes) {
            Tensor.manualSeed(seed);
            Tensor w;
            if (s.init() == null) {
                w = defaultWeight(shape);
            } else {
                w = s.init().apply(Tensor.empty(shape));
            }
            out.add(new SchemeSample(s, w, s.theory().apply(w), Stats.of(w)));
        }
        return out;
    }

    /** {@link #drawAll} with {@link Scheme#classic()} and seed 0. */
    public static List<SchemeSample> classic(int... shape) {
        return drawAll(shape, 0, Scheme.classic());
    }

    private static Tensor defaultWeight(int[] shape) {
        if (shape.length == 2) return new Linear(shape[1], shape[0]).weight;
        if (shape.length == 4 && shape[2] == shape[3]) return new Conv2d(shape[1], shape[0], shape[2]).weight;
        throw new IllegalArgumentException("The PyTorch default is drawn by building the layer, so the shape must be "
                + "a Linear weight (out, in) or a square-kernel Conv2d weight (out, in, k, k); got "
                + java.util.Arrays.toString(shape) + ".\n  Fix: pass e.g. new int[]{256, 128} or new int[]{16, 8, 3, 3}.");
    }
}
