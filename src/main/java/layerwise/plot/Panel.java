package layerwise.plot;

import java.util.List;

/**
 * One chart of a row of charts that share an x axis ({@link Plots#panels}): its title, its y axis and its
 * curves. {@code logY} puts the y axis on a log scale (a loss that falls from 2.3 to 0.01); values that are not
 * above zero are then left out of the line. Values above {@code yMax} are left out too (a run that blew up to
 * 1e30 would squash every other line flat); the title should say so.
 */
public record Panel(String title, String yTitle, boolean logY, double yMax, List<Curve> curves) {
    public Panel {
        curves = List.copyOf(curves);
    }

    /** A panel on a linear y axis. */
    public static Panel of(String title, String yTitle, List<Curve> curves) {
        return new Panel(title, yTitle, false, Double.POSITIVE_INFINITY, curves);
    }

    /** A panel on a log y axis. */
    public static Panel log(String title, String yTitle, List<Curve> curves) {
        return new Panel(title, yTitle, true, Double.POSITIVE_INFINITY, curves);
    }

    /** The same panel, leaving out values above {@code max}. */
    public Panel upTo(double max) {
        return new Panel(title, yTitle, logY, max, curves);
    }
}
