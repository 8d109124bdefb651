package layerwise.workbook;

/** A {@code ./workbook} command: takes the arguments after its name, returns the process exit status. */
@FunctionalInterface
public interface Command {
    /**
     * @return 0 on success, 1 when what it checked failed, 2 for bad usage
     * @throws UsageError for bad arguments; {@link Main} prints the message and exits with 2
     */
    int run(String[] args) throws Exception;

    /** Bad command-line arguments: the message says what was wrong and what would work. */
    final class UsageError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsageError(String message) {
            super(message);
        }
    }
}
