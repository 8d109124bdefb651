package layerwise.plot;

import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.BasicStroke;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Panels of curves that can be redrawn as they grow, such as a training run's loss and accuracy: {@link #save}
 * writes the PNG (always), {@link #update} redraws the window (only when there is a display; headless it just
 * keeps the data for the next save). The window is opened by the first {@link #show()} and closing it
 * disposes it, leaving JShell running; later updates then do nothing on screen.
 */
public final class LivePanels {
    /** Lines without markers (a curve has a point per step), told apart by dash and colour. */
    private static final BasicStroke[] DASHES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT,
        SeriesLines.DASH_DOT};
    /** Eight colours that stay apart (blue, orange, green, red, purple, brown, pink, grey), so six inits are six colours. */
    private static final java.awt.Color[] COLOURS = {new java.awt.Color(31, 119, 180), new java.awt.Color(255, 127, 14),
        new java.awt.Color(44, 160, 44), new java.awt.Color(214, 39, 40), new java.awt.Color(148, 103, 189),
        new java.awt.Color(140, 86, 75), new java.awt.Color(227, 119, 194), new java.awt.Color(127, 127, 127)};

    private final String title;
    private final String xTitle;
    private final List<XYChart> charts = new ArrayList<>();
    private List<Panel> panels;
    private JFrame frame;

    LivePanels(String title, String xTitle, List<Panel> panels) {
        this.title = title;
        this.xTitle = xTitle;
        this.panels = List.copyOf(panels);
        for (Panel p : this.panels) charts.add(chart(p));
    }

    /** The picture's title. */
    public String title() {
        return title;
    }

    /** The charts, one per panel: to restyle before a save. */
    public List<XYChart> charts() {
        return List.copyOf(charts);
    }

    /** Writes the panels side by side as name.png under the output directory; returns the figure. */
    public Figure<XYChart> save(String name) {
        Path file = Output.saveOrExplain(name, path -> Output.writeGrid(charts, 1, charts.size(), title, path + ".png"));
        return new Figure<>(title, file, charts);
    }

    /** Opens the window when there is a display and none is open yet; headless, nothing. */
    public LivePanels show() {
        if (frame != null || GraphicsEnvironment.isHeadless()) return this;
        try {
            JFrame f = new SwingWrapper<>(charts, 1, charts.size()).displayChartMatrix();
            // SwingWrapper sets EXIT_ON_CLOSE, which would end the JShell session with the window.
            SwingUtilities.invokeAndWait(() -> {
                f.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
                f.setTitle(title);
            });
            frame = f;
        } catch (HeadlessException e) {
            System.out.println("No display for a window; the plot is in the PNG.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            System.out.println("Could not open a window for " + title + ": " + e.getCause());
        }
        return this;
    }

    /** Whether a window is open (false headless). */
    public boolean showing() {
        return frame != null && frame.isDisplayable();
    }

    /**
     * Replaces the curves (the same panels, grown) and redraws the window if one is open. The charts are
     * changed on Swing's thread when a window shows them, directly otherwise.
     */
    public void update(List<Panel> newPanels) {
        if (newPanels.size() != charts.size()) {
            throw new IllegalArgumentException("LivePanels has " + charts.size() + " panels, the update " + newPanels.size()
                    + "\n  An update redraws the same panels.\n  Fix: pass " + charts.size() + " panels, in the same order.");
        }
        panels = List.copyOf(newPanels);
        if (!showing()) {
            refill();
            return;
        }
        SwingUtilities.invokeLater(() -> {
            refill();
            frame.repaint();
        });
    }

    private void refill() {
        for (int i = 0; i < charts.size(); i++) fill(charts.get(i), panels.get(i));
    }

    private XYChart chart(Panel p) {
        XYChart chart = Charts.xy(p.title(), xTitle, p.yTitle());
        chart.getStyler().setMarkerSize(0);
        // With a formatting function XChart puts a tick on every equally spaced x (1, 19, 37, ... for steps);
        // its own labels fall on round numbers (100, 200, ...)
        chart.getStyler().setxAxisTickLabelsFormattingFunction(null);
        if (p.logY()) {
            chart.getStyler().setYAxisLogarithmic(true);
            // XChart's log axis labels its powers of ten itself; a formatting function would make it linear
            chart.getStyler().setyAxisTickLabelsFormattingFunction(null);
        }
        fill(chart, p);
        return chart;
    }

    /**
     * The name of a series that is never drawn. When every x of a chart is equally spaced (a point per step),
     * XChart puts a tick on every n-th point from the first ("0 18 36 54", labels that run together past a few
     * hundred steps); one more x half a step in breaks the spacing, and XChart picks round ticks (0, 100, 200).
     */
    private static final String ROUND_TICKS = " ";

    /** Adds or updates one series per curve; a curve with no point to show yet gets a NaN placeholder. */
    private static void fill(XYChart chart, Panel p) {
        double[] anchor = anchor(p);
        if (anchor != null) {
            if (chart.getSeriesMap().containsKey(ROUND_TICKS)) {
                chart.updateXYSeries(ROUND_TICKS, new double[] {anchor[0]}, new double[] {anchor[1]}, null);
            } else {
                XYSeries s = chart.addSeries(ROUND_TICKS, new double[] {anchor[0]}, new double[] {anchor[1]});
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(SeriesLines.NONE);
                s.setShowInLegend(false);
            }
        }
        int run = 0;
        for (Curve c : p.curves()) {
            double[][] xy = shown(c, p.logY(), p.yMax());
            if (chart.getSeriesMap().containsKey(c.label())) {
                chart.updateXYSeries(c.label(), xy[0], xy[1], null);
            } else {
                XYSeries s = chart.addSeries(c.label(), xy[0], xy[1]);
                s.setMarker(SeriesMarkers.NONE);
                s.setLineStyle(DASHES[run % DASHES.length]);
                s.setLineColor(COLOURS[run % COLOURS.length]);
            }
            run++;
        }
    }

    /** Half a step after the first point of the longest curve, at a y it already shows; null for short curves. */
    private static double[] anchor(Panel p) {
        double[][] longest = null;
        for (Curve c : p.curves()) {
            double[][] xy = shown(c, p.logY(), p.yMax());
            if (longest == null || xy[0].length > longest[0].length) longest = xy;
        }
        if (longest == null || longest[0].length < 20) return null;
        return new double[] {(longest[0][0] + longest[0][1]) / 2, longest[1][0]};
    }

    /** The points a chart can draw: finite, at most yMax, above zero on a log axis; at least one (XChart needs one). */
    private static double[][] shown(Curve c, boolean logY, double yMax) {
        int n = 0;
        for (int i = 0; i < c.y().length; i++) if (fits(c.y()[i], logY, yMax) && Double.isFinite(c.x()[i])) n++;
        if (n == 0) return new double[][] {{0}, {logY ? 1 : 0}};
        double[] x = new double[n], y = new double[n];
        int k = 0;
        for (int i = 0; i < c.y().length; i++) {
            if (fits(c.y()[i], logY, yMax) && Double.isFinite(c.x()[i])) {
                x[k] = c.x()[i];
                y[k++] = c.y()[i];
            }
        }
        return new double[][] {x, y};
    }

    private static boolean fits(double v, boolean logY, double yMax) {
        return Double.isFinite(v) && (!logY || v > 0) && v <= yMax;
    }
}
