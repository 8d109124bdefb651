package layerwise.tensor;

import java.util.Locale;

/**
 * Where every new tensor's {@code float[]} comes from. A shape that fits the 2^31-1 element limit may still
 * not fit the Java heap (2 billion floats are 8 GB); that is refused here with the shape, the bytes and the
 * heap, instead of a bare {@code OutOfMemoryError} from deep inside a kernel.
 */
final class Storage {
    private Storage() {
    }

    /** Below this many elements (4 MB) the heap is not asked first: the allocation is small, the check noise. */
    private static final int CHECK_FROM = 1 << 20;
    private static final long GIB = 1L << 30;

    /** A zero-filled storage for a tensor of this shape (element limit and heap checked). */
    static float[] allocate(int... shape) {
        int n = Shapes.numel(shape);
        if (n >= CHECK_FROM) checkHeap(shape, n);
        try {
            return new float[n];
        } catch (OutOfMemoryError e) {
            // The estimate said it fits, but the heap could not give one block this large (or filled up meanwhile).
            Runtime rt = Runtime.getRuntime();
            throw tooBig(shape, bytes(n), rt.maxMemory(), used(rt));
        }
    }

    private static void checkHeap(int[] shape, int n) {
        Runtime rt = Runtime.getRuntime();
        long needed = bytes(n);
        long max = rt.maxMemory();
        if (needed <= max - used(rt)) return;
        if (needed <= max) {
            // "Used" counts garbage not yet collected: collect once before refusing something that may fit.
            System.gc();
            if (needed <= max - used(rt)) return;
        }
        throw tooBig(shape, needed, max, used(rt));
    }

    /** 4 bytes a float32 (the array's few header bytes aside). */
    private static long bytes(int n) {
        return 4L * n;
    }

    private static long used(Runtime rt) {
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * The error for a storage the heap cannot hold. The first line is the message of PyTorch's CPU allocator
     * when the system refuses memory (without its source-location prefix); the bytes are the float32 count.
     */
    static ShapeError tooBig(int[] shape, long needed, long maxHeap, long usedHeap) {
        return tooBig("A tensor of shape " + Shapes.str(shape) + " holds", needed, maxHeap, usedHeap, null);
    }

    /**
     * Refuses, before anything is allocated, {@code floats} float32 values that together cannot fit the heap
     * (a module's parameters, say); {@code what} names them in the message, e.g. "LSTM(3, 4, num_layers=...)'s
     * parameters are"; {@code fix} replaces the general advice when not null. The count is a long: more than an
     * int holds is refused too.
     */
    static void requireHeapFor(long floats, String what, String fix) {
        Runtime rt = Runtime.getRuntime();
        long needed = floats > Long.MAX_VALUE / 4 ? Long.MAX_VALUE : 4 * floats;
        long max = rt.maxMemory();
        if (needed <= max - used(rt)) return;
        if (needed <= max) {
            System.gc();
            if (needed <= max - used(rt)) return;
        }
        throw tooBig(what, needed, max, used(rt), fix);
    }

    private static ShapeError tooBig(String what, long needed, long maxHeap, long usedHeap, String fix) {
        long free = Math.max(0, maxHeap - usedHeap);
        long suggestGiB = Math.max(1, (needed + usedHeap + GIB - 1) / GIB + 1);
        return new ShapeError("DefaultCPUAllocator: can't allocate memory: you tried to allocate " + needed
                + " bytes. Error code 12 (Cannot allocate memory)",
                what + " " + needed / 4 + " float32 values, 4 bytes each: "
                        + size(needed) + ". This Java process may use at most " + size(maxHeap)
                        + " of heap (Runtime.maxMemory()), and " + size(free) + " of it is free now.",
                (fix != null ? fix + "; or " : "") + "use smaller sizes (a smaller batch, processed in chunks, or fewer features), let go of big tensors"
                        + " you no longer need (set their variables to null), or give Java more heap if the machine"
                        + " has the memory: LAYERWISE_HEAP=" + suggestGiB + "g ./workbook for the workbook's JShell,"
                        + " java -Xmx" + suggestGiB + "g ... for a program of your own");
    }

    /** Bytes for a reader: "8000000016 bytes (7.5 GiB)", "512.0 MiB". */
    private static String size(long bytes) {
        String human = bytes >= GIB ? String.format(Locale.ROOT, "%.1f GiB", bytes / (double) GIB)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        return bytes + " bytes (" + human + ")";
    }
}
