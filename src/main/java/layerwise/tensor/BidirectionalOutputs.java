package layerwise.tensor;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Which tensors hold a bidirectional recurrent layer's output, so that a head fed one of them (or a view of
 * it, such as its last time step) can be told what that output is: the two directions side by side, and the
 * reverse one's final state at step 0, not at the last step. The shape alone cannot say it: a (N, 2H) input is
 * also what any layer of twice the width gives. Recorded by storage, weakly: forgotten with the tensor.
 */
public final class BidirectionalOutputs {
    private BidirectionalOutputs() {
    }

    private static final Map<float[], Integer> OUTPUT_SIZE = Collections.synchronizedMap(new WeakHashMap<>());

    /** Records that {@code output} (and every view of its storage) is a bidirectional layer's output of 2·size features. */
    public static void mark(Tensor output, int sizePerDirection) {
        OUTPUT_SIZE.put(output.storage, sizePerDirection);
    }

    /** The size per direction if {@code t} views a bidirectional layer's output, else 0. */
    static int sizePerDirection(Tensor t) {
        Integer size = OUTPUT_SIZE.get(t.storage);
        return size == null ? 0 : size;
    }
}
