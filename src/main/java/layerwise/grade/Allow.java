package layerwise.grade;

/**
 * What an exercise's answer may use besides plain Java, declared on its {@link Exercise}. Whatever the
 * exercise, answers never reach files, sockets, processes, threads, reflection or the grader ({@link Sandbox}).
 */
public enum Allow {
    /** Arithmetic, {@code Math}, arrays, strings and the java.util collections: the formula or the loops, written out. */
    PLAIN_JAVA("plain Java only (arithmetic, Math, arrays, String, the java.util collections), no workbook class"),
    /** Also {@code Tensor} and its own operations (matmul, reshape, permute, ...), but no layer and no {@code Functional}. */
    TENSOR_OPS("Tensor and its own operations (matmul, reshape, permute, ...), but not Functional, Init or a layer from layerwise.nn"),
    /** Any computing part of the workbook: tensors, layers, init, optimizers, shapes. */
    WORKBOOK("the workbook's tensors, layers, init, optimizers and shape tools");

    private final String rule;

    Allow(String rule) {
        this.rule = rule;
    }

    /** The rule in words, for a refusal's message. */
    public String rule() {
        return rule;
    }
}
