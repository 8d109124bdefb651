package layerwise.grade;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The last few kilobytes the learner's VM wrote outside a call (JVM messages such as OutOfMemoryError). */
final class RecentOutput extends OutputStream {
    private static final int KEEP = 4096;
    private final byte[] ring = new byte[KEEP];
    private long written;

    @Override
    public synchronized void write(int b) {
        ring[(int) (written++ % KEEP)] = (byte) b;
    }

    synchronized String text() {
        int n = (int) Math.min(written, KEEP);
        byte[] last = new byte[n];
        for (int i = 0; i < n; i++) last[i] = ring[(int) ((written - n + i) % KEEP)];
        return new String(last, StandardCharsets.UTF_8);
    }
}
