package layerwise.tensor;

/**
 * The heap check of every new tensor, for callers that allocate many tensors at once: a module counts its
 * parameters in {@code long} and asks here before it creates the first one, so a size that cannot fit is
 * refused with the count, the bytes and the heap instead of an OutOfMemoryError halfway through.
 */
public final class Memory {
    private Memory() {
    }

    /**
     * Throws a {@link ShapeError} (PyTorch's allocator line, then the count, the bytes and the heap, then the
     * fix) when {@code floats} float32 values cannot fit the heap now. {@code what} is the subject of the
     * sentence with its verb ("LSTM(3, 4, num_layers=9)'s parameters are"); {@code fix}, first in the Fix
     * line, says what to change in the caller's terms (null for the general advice alone).
     */
    public static void requireHeapFor(long floats, String what, String fix) {
        Storage.requireHeapFor(floats, what, fix);
    }
}
