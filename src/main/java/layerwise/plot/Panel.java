package layerwise.plot;

import java.util.List;

/**
 * One chart of a row of charts that share an x axis ({@link Plots#panels}): its title, its y axis and its
 * curves. {@code logY} puts the y axis on a log scale (a loss that falls from 2.3 to 0.01); values that are not
 * above zero are then left out of the line.
 */
public record Panel(String title, String yTitle, boolean logY, List<Curve> curves) {
    public Panel {
        curves = List.copyOf(curves);
    }

    /** A panel on a linear y axis. */
    public static Panel of(String title, String yTitle, List<Curve> curves) {
        return new Panel(title, yTitle, false, curves);
    }

    /** A panel on a log y axis. */
    public static Panel log(String title, String yTitle, List<Curve> curves) {
        return new Panel(title, yTitle, true, curves);
    }
}
