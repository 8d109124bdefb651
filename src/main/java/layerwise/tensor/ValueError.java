package layerwise.tensor;

/**
 * A bad argument value that is not a shape (a dropout probability, a nonlinearity's name, a keyword the
 * module does not take), where PyTorch raises ValueError or TypeError. Same three-part message as
 * {@link ShapeError}.
 */
public class ValueError extends IllegalArgumentException implements TorchError {
    private static final long serialVersionUID = 1L;

    private final String torchMessage;

    public ValueError(String torchMessage, String explanation, String fix) {
        super(TorchError.compose(torchMessage, explanation, fix));
        this.torchMessage = torchMessage;
    }

    @Override
    public String torchMessage() {
        return torchMessage;
    }
}
