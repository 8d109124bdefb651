package layerwise.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Images drawn cell by cell with Java2D, so every cell is square (an 8×8 square stays square) and every
 * panel shares one colour scale: blue for negative, white for 0, red for positive, symmetric around 0,
 * with one colour bar per picture. A 1/9 blur then looks as faint next to Sobel's ±2 as it is. With
 * {@code ownScales} each panel has its own symmetric scale and its own colour bar beside it instead, so a
 * weak panel shows its pattern (and the bars say how different the strengths are).
 */
final class ImageGrid {
    /** The longer side of an image, in pixels. */
    static final int IMAGE = 200;
    private static final int GAP = 18, HEADER = 44, PANEL_TITLE = 24, MIN_COLUMN = 130;
    /** Room for row and column numbers and the axis titles when the image is numbered. */
    private static final int LEFT_AXIS = 44, BOTTOM_AXIS = 40;
    private static final int BAR_WIDTH = 18, BAR_AREA = 100, PANEL_BAR_AREA = 80;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font PANEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    final String title;
    final List<ImagePanel> panels;
    final int cols;
    final boolean numbered;
    final String valueLabel;
    /** The shared colour scale runs from -scale (blue) through 0 (white) to +scale (red); the largest of the panels' own. */
    final double scale;
    /** Whether each panel has its own scale and colour bar. */
    final boolean ownScales;
    /** Each panel's scale: {@link #scale} for every panel unless {@link #ownScales}. */
    private final double[] scales;
    /** The side of one cell in pixels. */
    final int cell;
    private final int imageRows, imageCols, columnWidth, rowHeight;

    ImageGrid(String title, List<ImagePanel> panels, int cols, boolean numbered, String valueLabel) {
        this(title, panels, cols, numbered, valueLabel, false);
    }

    ImageGrid(String title, List<ImagePanel> panels, int cols, boolean numbered, String valueLabel, boolean ownScales) {
        if (panels.isEmpty()) throw new IllegalArgumentException("an image grid needs at least one image");
        this.title = title;
        this.panels = panels;
        this.cols = Math.max(1, Math.min(cols, panels.size()));
        this.numbered = numbered;
        this.valueLabel = valueLabel;
        imageRows = panels.stream().mapToInt(ImagePanel::rows).max().orElseThrow();
        imageCols = panels.stream().mapToInt(ImagePanel::cols).max().orElseThrow();
        cell = Math.max(2, IMAGE / Math.max(imageRows, imageCols));
        this.ownScales = ownScales;
        double maxAbs = 0;
        scales = new double[panels.size()];
        for (int i = 0; i < panels.size(); i++) {
            double own = 0;
            for (float[] row : panels.get(i).values()) for (float v : row) {
                if (Float.isFinite(v)) own = Math.max(own, Math.abs(v));
            }
            scales[i] = Charts.roundUp(own);
            maxAbs = Math.max(maxAbs, own);
        }
        scale = Charts.roundUp(maxAbs);
        if (!ownScales) java.util.Arrays.fill(scales, scale);
        columnWidth = Math.max(MIN_COLUMN, imageCols * cell) + (numbered ? LEFT_AXIS : 0) + (ownScales ? PANEL_BAR_AREA : 0);
        rowHeight = PANEL_TITLE + imageRows * cell + (numbered ? BOTTOM_AXIS : 0);
    }

    int rowsOfPanels() {
        return (panels.size() + cols - 1) / cols;
    }

    int width() {
        return GAP + cols * (columnWidth + GAP) + (ownScales ? 0 : BAR_AREA);
    }

    /** Panel i's colour scale: the shared one, or its own. */
    double scale(int i) {
        return scales[i];
    }

    int height() {
        return HEADER + rowsOfPanels() * (rowHeight + GAP);
    }

    /** Where image i is drawn: its cells, not its title or numbers. */
    Rectangle imageArea(int i) {
        ImagePanel p = panels.get(i);
        int w = p.cols() * cell, h = p.rows() * cell;
        int left = GAP + (i % cols) * (columnWidth + GAP) + (numbered ? LEFT_AXIS : 0);
        int inner = columnWidth - (numbered ? LEFT_AXIS : 0) - (ownScales ? PANEL_BAR_AREA : 0);
        int top = HEADER + (i / cols) * (rowHeight + GAP) + PANEL_TITLE;
        return new Rectangle(left + (inner - w) / 2, top, w, h);
    }

    /** The shared colour bar, at the right of the picture. */
    Rectangle colourBar() {
        int h = Math.min(IMAGE, Math.max(120, rowsOfPanels() * (rowHeight + GAP) - GAP - PANEL_TITLE));
        return new Rectangle(width() - BAR_AREA + 16, HEADER + PANEL_TITLE, BAR_WIDTH, h);
    }

    /** Panel i's own colour bar, right of its image and as tall. */
    Rectangle colourBar(int i) {
        Rectangle image = imageArea(i);
        return new Rectangle(image.x + image.width + 14, image.y, BAR_WIDTH, Math.max(image.height, 60));
    }

    /** The colour bar's labels, bottom to top: -scale, -scale/2, 0, scale/2, scale. */
    List<String> colourBarLabels() {
        return colourBarLabels(scale);
    }

    static List<String> colourBarLabels(double scale) {
        return List.of(Ticks.label(-scale), Ticks.label(-scale / 2), "0", Ticks.label(scale / 2), Ticks.label(scale));
    }

    /** The diverging colour of a value on this grid's shared scale (NaN is grey). */
    Color colour(double v) {
        return colour(v, scale);
    }

    /** The diverging colour of a value on a symmetric scale ±scale (NaN is grey). */
    static Color colour(double v, double scale) {
        if (Double.isNaN(v)) return Color.GRAY;
        Color[] c = Charts.DIVERGING;
        double t = Math.max(0, Math.min(1, (v + scale) / (2 * scale))) * (c.length - 1);
        int i = Math.min((int) t, c.length - 2);
        double f = t - i;
        return new Color(mix(c[i].getRed(), c[i + 1].getRed(), f), mix(c[i].getGreen(), c[i + 1].getGreen(), f),
                mix(c[i].getBlue(), c[i + 1].getBlue(), f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }

    BufferedImage draw() {
        BufferedImage img = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(TITLE_FONT);
        centred(g, title, img.getWidth() / 2, 28);
        for (int i = 0; i < panels.size(); i++) drawPanel(g, i);
        if (ownScales) {
            for (int i = 0; i < panels.size(); i++) drawColourBar(g, colourBar(i), scales[i], null);
        } else {
            drawColourBar(g, colourBar(), scale, valueLabel);
        }
        g.dispose();
        return img;
    }

    private void drawPanel(Graphics2D g, int i) {
        ImagePanel p = panels.get(i);
        Rectangle r = imageArea(i);
        for (int row = 0; row < p.rows(); row++) {
            for (int col = 0; col < p.cols(); col++) {
                g.setColor(colour(p.values()[row][col], scales[i]));
                g.fillRect(r.x + col * cell, r.y + row * cell, cell, cell);
            }
        }
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        g.setColor(Color.BLACK);
        g.setFont(PANEL_FONT);
        centred(g, p.title(), r.x + r.width / 2, r.y - 8);
        if (numbered) drawNumbers(g, p, r);
    }

    /** Row numbers on the left, column numbers below, every 1, 2 or 5, and the axis titles. */
    private void drawNumbers(Graphics2D g, ImagePanel p, Rectangle r) {
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        int colStep = Ticks.integerStep(p.cols()), rowStep = Ticks.integerStep(p.rows());
        for (int c = 0; c < p.cols(); c += colStep) centred(g, String.valueOf(c), r.x + c * cell + cell / 2, r.y + r.height + 15);
        for (int row = 0; row < p.rows(); row += rowStep) {
            String s = String.valueOf(row);
            g.drawString(s, r.x - 6 - fm.stringWidth(s), r.y + row * cell + cell / 2 + fm.getAscent() / 2 - 1);
        }
        centred(g, "column", r.x + r.width / 2, r.y + r.height + 33);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, r.x - 30, r.y + r.height / 2.0);
        centred(g, "row", r.x - 30, r.y + r.height / 2 + 4);
        g.setTransform(saved);
    }

    /** A vertical colour bar from -scale to +scale with five labels, and its title above when there is one. */
    private static void drawColourBar(Graphics2D g, Rectangle bar, double scale, String valueLabel) {
        for (int y = 0; y < bar.height; y++) {
            g.setColor(colour(scale - 2 * scale * (y + 0.5) / bar.height, scale));
            g.fillRect(bar.x, bar.y + y, bar.width, 1);
        }
        g.setColor(Color.GRAY);
        g.drawRect(bar.x, bar.y, bar.width, bar.height);
        g.setColor(Color.BLACK);
        g.setFont(LABEL_FONT);
        FontMetrics fm = g.getFontMetrics();
        List<String> labels = colourBarLabels(scale);
        for (int k = 0; k < labels.size(); k++) {
            int y = bar.y + bar.height - k * bar.height / (labels.size() - 1);
            g.drawLine(bar.x + bar.width, y, bar.x + bar.width + 4, y);
            g.drawString(labels.get(k), bar.x + bar.width + 7, y + fm.getAscent() / 2 - 1);
        }
        if (valueLabel == null) return;
        g.setFont(PANEL_FONT);
        centred(g, valueLabel, bar.x + bar.width / 2 + 10, bar.y - 8);
    }

    private static void centred(Graphics2D g, String s, int x, int baseline) {
        g.drawString(s, x - g.getFontMetrics().stringWidth(s) / 2, baseline);
    }
}
