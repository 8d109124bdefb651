package layerwise.nn;

import layerwise.tensor.TorchText;
import layerwise.tensor.TorchFormat;
import layerwise.tensor.Functional;
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
public final class Linear extends Module implements TensorModule {

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
        if (input.dim() == 0) {
            throw new ShapeError("both arguments to matmul need to be at least 1D, but they are 0D and 2D",
                    this + " maps a vector of " + inFeatures + " features; the input is a single number (0-D).",
                    inFeatures == 1 ? "pass x.reshape(1), a vector holding the one feature"
                            : "pass a tensor whose last dim is " + inFeatures + ", e.g. of shape [1, " + inFeatures + "]");
        }
        int last = input.size(-1);
        if (last != inFeatures) {
            int rows = 1;                                        // the leading dims, flattened as torch prints mat1
            for (int d = 0; d < input.dim() - 1; d++) rows *= input.size(d);
            throw new ShapeError("mat1 and mat2 shapes cannot be multiplied (" + rows + "x" + last + " and "
                            + inFeatures + "x" + outFeatures + ")",
                    "Linear(in_features=" + inFeatures + ", out_features=" + outFeatures + ") expects the last input dim to be "
                            + inFeatures + ", got " + last + " (input " + TorchFormat.shapeString(input.shape()) + ").",
                    "build Linear(" + last + ", " + outFeatures + (bias == null ? ", false" : "")
                            + "), or reshape the input so its last dim is " + inFeatures + ".");
        }
        return Functional.linear(input, weight, bias);
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
