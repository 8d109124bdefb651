package layerwise.plot;

/**
 * One line of a {@link Panel}: its legend label and its points. Points that cannot be drawn (a NaN y, a
 * value not recorded yet, or one a log axis cannot show) are left out of the line.
 */
public record Curve(String label, double[] x, double[] y) {
    public Curve {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Curve '" + label + "' has " + x.length + " x values and " + y.length
                    + " y values\n  Each point needs both.\n  Fix: pass arrays of the same length.");
        }
    }
}
