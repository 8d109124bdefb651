package layerwise.plot;

import layerwise.io.OutputDirectory;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.SwingWrapper;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import javax.swing.JFrame;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Where charts go: a PNG under {@link OutputDirectory}, and a window when the
 * machine has a display. Rendering text needs fontconfig and at least one font; without them the JDK
 * throws from deep inside AWT, so that one failure is turned into one sentence and the lesson goes on.
 */
final class Output {
    static final String FONT_ADVICE = "Could not draw the plot: Java found no usable fonts. "
            + "Install fontconfig and fonts-dejavu-core (e.g. sudo apt-get install -y fontconfig fonts-dejavu-core).";

    /** Draws a chart into a file; may fail the way AWT fails without fonts. */
    interface Renderer {
        void render(String pathWithoutExtension) throws IOException;
    }

    private Output() {
    }

    static Path directory() {
        return OutputDirectory.path();
    }

    /** "03 xavier/uniform" becomes "03-xavier-uniform": a file name that is safe everywhere. */
    static String fileName(String name) {
        String base = name.toLowerCase(Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        String safe = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        if (safe.isEmpty()) throw new IllegalArgumentException("a plot needs a name made of letters or digits, got '" + name + "'");
        return safe;
    }

    /** Saves one chart as name.png (and shows it when there is a display); the path, or null without fonts. */
    static <T extends Chart<?, ?>> Path save(T chart, String name) {
        Path file = saveOrExplain(name, path -> BitmapEncoder.saveBitmap(chart, path, BitmapEncoder.BitmapFormat.PNG));
        if (file != null) show(() -> new SwingWrapper<>(chart).displayChart(), name);
        return file;
    }

    /** Saves charts as one picture, row by row, cols per row (the last row may be short). */
    static <T extends Chart<?, ?>> Path saveGrid(List<T> charts, int rows, int cols, String name) {
        return saveGrid(charts, rows, cols, null, name);
    }

    /** Height of the band above a grid that holds its title. */
    static final int GRID_TITLE = 44;

    /** As above, with a title over the whole grid (null: none). */
    static <T extends Chart<?, ?>> Path saveGrid(List<T> charts, int rows, int cols, String title, String name) {
        Path file = saveOrExplain(name, path -> writeGrid(charts, rows, cols, title, path + ".png"));
        if (file != null) show(() -> new SwingWrapper<>(charts, rows, cols).displayChartMatrix(), name);
        return file;
    }

    /** Saves a picture drawn by hand (an image grid) as name.png and shows it in a window when there is a display. */
    static Path saveImage(java.util.function.Supplier<BufferedImage> drawing, String name) {
        BufferedImage[] drawn = new BufferedImage[1];
        Path file = saveOrExplain(name, path -> {
            drawn[0] = drawing.get();
            ImageIO.write(drawn[0], "png", new File(path + ".png"));
        });
        if (file != null) {
            show(() -> {
                JFrame frame = new JFrame(name);
                frame.add(new javax.swing.JLabel(new javax.swing.ImageIcon(drawn[0])));
                frame.pack();
                frame.setVisible(true);
                return frame;
            }, name);
        }
        return file;
    }

    static <T extends Chart<?, ?>> void writeGrid(List<T> charts, int rows, int cols, String title, String file)
            throws IOException {
        int w = 0, h = 0;
        for (T c : charts) {
            w = Math.max(w, c.getWidth());
            h = Math.max(h, c.getHeight());
        }
        int top = title == null ? 0 : GRID_TITLE;
        BufferedImage grid = new BufferedImage(cols * w, top + rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        if (title != null) {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.BLACK);
            g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 20));
            g.drawString(title, (grid.getWidth() - g.getFontMetrics().stringWidth(title)) / 2, 30);
        }
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), (i % cols) * w, top + (i / cols) * h, null);
        }
        g.dispose();
        ImageIO.write(grid, "png", new File(file));
    }

    /** Runs the renderer into the output directory; prints the saved path, or the font advice. */
    static Path saveOrExplain(String name, Renderer renderer) {
        Path dir = directory();
        String base = fileName(name);
        try {
            Files.createDirectories(dir);
            renderer.render(dir.resolve(base).toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + dir.resolve(base + ".png"), e);
        } catch (RuntimeException | Error e) {
            if (!isFontProblem(e)) throw e;
            System.out.println(FONT_ADVICE);
            return null;
        }
        Path file = dir.resolve(base + ".png");
        System.out.println("saved " + file);
        return file;
    }

    /**
     * True for the ways a JDK without fontconfig or fonts fails: "Fontconfig head is null" (an
     * InternalError around a RuntimeException), a missing libfontconfig (UnsatisfiedLinkError), and the
     * NoClassDefFoundError of a font class whose first initialisation failed.
     */
    static boolean isFontProblem(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsatisfiedLinkError) return true;
            if (String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("font")) return true;
        }
        return false;
    }

    /** Opens a window when there is a display; closing it disposes the window and leaves JShell running. */
    private static void show(WindowOpener opener, String name) {
        if (GraphicsEnvironment.isHeadless()) return;
        try {
            JFrame frame = opener.open();
            // SwingWrapper sets EXIT_ON_CLOSE, which would end the JShell session with the window.
            SwingUtilities.invokeAndWait(() -> frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE));
        } catch (HeadlessException e) {
            System.out.println("No display for a window; the plot is in the PNG above.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            System.out.println("Could not open a window for " + name + ": " + e.getCause());
        }
    }

    private interface WindowOpener {
        JFrame open();
    }
}
