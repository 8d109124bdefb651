package layerwise.plot;

/**
 * A histogram as numbers: {@code bins} equal-width bins from {@code lo} to {@code hi}, their counts, and
 * the density count / (n · width), which integrates to 1 over the bins, so a probability density can be
 * drawn on the same axes. Values outside [lo, hi] are counted in {@code outside}, not in a bin.
 */
public record Bins(double lo, double hi, int[] counts, int total, int outside) {

    /** Bins the values into {@code bins} bins over [lo, hi]; the last bin includes hi. */
    public static Bins of(float[] values, int bins, double lo, double hi) {
        if (bins < 1) throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        if (!(hi > lo)) {   // every value the same (a constant fill): give the one value a unit-wide bin
            lo = lo - 0.5;
            hi = hi + 0.5;
        }
        int[] counts = new int[bins];
        int outside = 0;
        double width = (hi - lo) / bins;
        for (float v : values) {
            if (!(v >= lo && v <= hi)) {
                outside++;
                continue;
            }
            counts[Math.min((int) ((v - lo) / width), bins - 1)]++;
        }
        return new Bins(lo, hi, counts, values.length, outside);
    }

    /** Bins over the values' own range. */
    public static Bins of(float[] values, int bins) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            if (Float.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (lo > hi) lo = hi = 0;
        return of(values, bins, lo, hi);
    }

    public int size() {
        return counts.length;
    }

    public double width() {
        return (hi - lo) / counts.length;
    }

    /** The left edge of bin i (i = size() gives hi). */
    public double edge(int i) {
        return i == counts.length ? hi : lo + i * width();
    }

    /** count / (total · width): the height that makes the bars' area 1. */
    public double density(int i) {
        return total == 0 ? 0 : counts[i] / (total * width());
    }
}
