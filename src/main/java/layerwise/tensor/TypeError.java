package layerwise.tensor;

/**
 * An argument of the wrong type, where PyTorch raises TypeError; here almost always a null where a tensor,
 * a shape, a model or a path is expected (see {@link Nulls}). Same three-part message as {@link ShapeError}.
 */
public class TypeError extends IllegalArgumentException implements TorchError {
    private static final long serialVersionUID = 1L;

    private final String torchMessage;

    public TypeError(String torchMessage, String explanation, String fix) {
        super(TorchError.compose(torchMessage, explanation, fix));
        this.torchMessage = torchMessage;
    }

    @Override
    public String torchMessage() {
        return torchMessage;
    }
}
