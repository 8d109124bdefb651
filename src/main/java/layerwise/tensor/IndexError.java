package layerwise.tensor;

/**
 * A dim or index out of range, where PyTorch raises IndexError: an IndexOutOfBoundsException, with the
 * same three-part message as {@link ShapeError}.
 */
public class IndexError extends IndexOutOfBoundsException implements TorchError {
    private static final long serialVersionUID = 1L;

    private final String torchMessage;

    public IndexError(String torchMessage, String explanation, String fix) {
        super(TorchError.compose(torchMessage, explanation, fix));
        this.torchMessage = torchMessage;
    }

    @Override
    public String torchMessage() {
        return torchMessage;
    }
}
