package layerwise.plot;

/** One named image in an image grid: a (rows, cols) array of values, row 0 at the top. */
public record ImagePanel(String title, float[][] values) {
    public int rows() {
        return values.length;
    }

    public int cols() {
        return values[0].length;
    }

    @Override
    public String toString() {
        return title + " (" + rows() + "x" + cols() + ")";
    }
}
