package layerwise.nn;

import layerwise.tensor.TorchText;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.Functional;
import layerwise.tensor.LayerDescription;
import layerwise.tensor.ShapeError;
import layerwise.tensor.Tensor;

/**
 * A fully connected layer, like {@code torch.nn.Linear}: y = x W^T + b.
 * <pre>
 *   input  (*, in_features)          any number of leading dims, including none
 *   weight (out_features, in_features)   one row per output: row o holds the weights feeding output o
 *   bias   (out_features)            or null with bias=false
 *   output (*, out_features)
 * </pre>
 * Default initialisation is PyTorch's, bit for bit under the same seed: weight ~ U(-1/sqrt(in), 1/sqrt(in))
 * (kaiming_uniform_ with a=sqrt(5)), then bias from the same range.
 */
public final class Linear extends Module implements TensorModule, LayerDescription {

    public final Tensor weight;
    /** The bias, or null when built with bias=false. */
    public final Tensor bias;
    private final int inFeatures;
    private final int outFeatures;

    public Linear(int inFeatures, int outFeatures) {
        this(inFeatures, outFeatures, true);
    }

    public Linear(int inFeatures, int outFeatures, boolean bias) {
        if (inFeatures < 0 || outFeatures < 0) {
            throw new ShapeError(TorchText.negativeDimension(Math.min(inFeatures, outFeatures), outFeatures, inFeatures),
                    "The weight of Linear(" + inFeatures + ", " + outFeatures + ") would have shape (out_features, in_features) = "
                            + TorchFormat.shapeString(outFeatures, inFeatures) + "; sizes can't be negative.",
                    "pass in_features and out_features of 0 or more, e.g. Linear(" + Math.abs(inFeatures) + ", "
                            + Math.abs(outFeatures) + ")");
        }
        this.inFeatures = inFeatures;
        this.outFeatures = outFeatures;
        this.weight = registerParameter("weight", Tensor.empty(outFeatures, inFeatures));
        this.bias = registerParameter("bias", bias ? Tensor.empty(outFeatures) : null);
        DefaultInit.kaimingUniformWithBias(weight, this.bias, true);
    }

    @Override
    public Tensor forward(Tensor input) {
        return Functional.linear(input, weight, bias, this);
    }

    /** How messages name the layer: its sizes, as in {@code Linear(in_features=20, out_features=5)}. */
    @Override
    public String describe() {
        return "Linear(in_features=" + inFeatures + ", out_features=" + outFeatures + ")";
    }

    @Override
    public String rebuiltFor(int inputs) {
        return "Linear(" + inputs + ", " + outFeatures + (bias == null ? ", false" : "") + ")";
    }

    public int inFeatures() {
        return inFeatures;
    }

    public int outFeatures() {
        return outFeatures;
    }

    @Override
    public String extraRepr() {
        return "in_features=" + inFeatures + ", out_features=" + outFeatures + ", bias=" + py(bias != null);
    }
}
