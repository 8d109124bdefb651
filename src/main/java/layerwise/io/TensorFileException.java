package layerwise.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A safetensors or .npy file that cannot be read: missing, truncated, or malformed. The message is
 * {@code "<file>: <what is wrong>"}, one problem per exception, and nothing of the file is loaded.
 */
public class TensorFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String problem;

    public TensorFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public TensorFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, without the file name. */
    public String problem() {
        return problem;
    }
}
