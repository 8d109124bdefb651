package layerwise.tensor;

/**
 * A shape mistake, explained: every op and layer that rejects a shape throws this type. The message has
 * the three parts of {@link TorchError}: PyTorch's line, what it means here, and "Fix: ...".
 * {@link #torchMessage()} returns the first line alone, which tests compare with PyTorch's text.
 */
public class ShapeError extends IllegalArgumentException implements TorchError {
    private static final long serialVersionUID = 1L;

    private final String torchMessage;
    private final String explanation;
    private final String fix;

    /**
     * @param torchMessage PyTorch's message for the same mistake, verbatim (the first line)
     * @param explanation  what the mistake means for these shapes; may be null
     * @param fix          how to fix it, naming the parameter and a value that works; may be null
     */
    public ShapeError(String torchMessage, String explanation, String fix) {
        super(TorchError.compose(torchMessage, explanation, fix));
        this.torchMessage = torchMessage;
        this.explanation = explanation == null ? "" : explanation;
        this.fix = fix == null ? "" : fix;
    }

    @Override
    public String torchMessage() {
        return torchMessage;
    }

    /** What the mistake means here (the second part; "" if none), for a caller that adds its own context. */
    public String explanation() {
        return explanation;
    }

    /** The fix, without the "Fix: " label ("" if none). */
    public String fix() {
        return fix;
    }
}
