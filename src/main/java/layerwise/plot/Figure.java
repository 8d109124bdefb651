package layerwise.plot;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code Plots} call drew: its title, the PNG it wrote and its parts (the XChart charts, or the
 * panels of an image grid). At the JShell prompt it shows as the file it wrote, so
 * {@code Plots.histogram(w, "w")} answers {@code $3 ==> out/w.png (histogram of w)}.
 */
public final class Figure<T> {
    private final String title;
    private final Path file;
    private final List<T> parts;

    Figure(String title, Path file, List<T> parts) {
        this.title = title;
        this.file = file;
        this.parts = List.copyOf(parts);
    }

    /** The title drawn at the top (for a grid, the picture's caption). */
    public String title() {
        return title;
    }

    /** The PNG written, or null when Java found no fonts to draw with. */
    public Path file() {
        return file;
    }

    /** The charts (or image panels), in drawing order. */
    public List<T> parts() {
        return parts;
    }

    /** Part i: {@code Plots.histogram(...).get(0)} is the XChart chart, to restyle and {@code Plots.show}. */
    public T get(int i) {
        return parts.get(i);
    }

    public int size() {
        return parts.size();
    }

    @Override
    public String toString() {
        return (file == null ? "not saved (no fonts)" : file.toString()) + " (" + title + ")";
    }
}
