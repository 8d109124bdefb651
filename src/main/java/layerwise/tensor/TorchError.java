package layerwise.tensor;

/**
 * A mistake explained in three parts, so a learner who knows PyTorch recognises it at once and a learner
 * who does not is told what to do:
 * <pre>
 * mat1 and mat2 shapes cannot be multiplied (1x10 and 20x5)        &lt;- PyTorch 1.13's own text
 *   Linear(in_features=20, out_features=5) expects the last input dim to be 20, got 10.
 *   Fix: build Linear(10, 5), or reshape the input so its last dim is 20.
 * </pre>
 * Three types carry it, named after the Python exception PyTorch raises: {@link ShapeError} (a shape
 * mistake), {@link ValueError} (a bad argument value) and {@link IndexError} (a dim or index out of
 * range). PyTorch's first lines are written once, in {@link TorchText}.
 */
public interface TorchError {

    /** PyTorch's text for this mistake: the first line of the message. */
    String torchMessage();

    /** Joins the three parts into one message; every TorchError and any other error that reads the same way uses it. */
    static String compose(String torchMessage, String explanation, String fix) {
        StringBuilder sb = new StringBuilder(torchMessage);
        if (explanation != null && !explanation.isBlank()) sb.append("\n  ").append(explanation);
        if (fix != null && !fix.isBlank()) sb.append("\n  Fix: ").append(fix);
        return sb.toString();
    }
}
