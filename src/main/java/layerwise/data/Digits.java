package layerwise.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import layerwise.tensor.Tensor;

/**
 * The UCI handwritten digits as scikit-learn ships them (digits.csv.gz beside this class's resources, with
 * its licence and attribution in DIGITS-LICENSE.md): 1,797 lines of 64 pixels in 0..16 and the digit.
 */
final class Digits {
    static final int COUNT = 1797;
    static final int PIXELS = 64;
    private static final String RESOURCE = "/layerwise/data/digits.csv.gz";

    private Digits() {
    }

    /** x [1797, 64] (pixels 0..16, row by row of the 8x8 image) and y [1797] (digits 0-9), both float32. */
    static TensorDataset load() {
        float[] x = new float[COUNT * PIXELS];
        float[] y = new float[COUNT];
        try (InputStream raw = Digits.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) throw new IllegalStateException(RESOURCE + " is missing from the classpath; rebuild the workbook");
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII));
            for (int row = 0; row < COUNT; row++) {
                String line = in.readLine();
                String[] cells = line == null ? new String[0] : line.split(",");
                if (cells.length != PIXELS + 1) {
                    throw new IllegalStateException(RESOURCE + " line " + (row + 1) + " has " + cells.length
                            + " values, expected " + (PIXELS + 1) + "; the file is damaged");
                }
                for (int p = 0; p < PIXELS; p++) x[row * PIXELS + p] = Float.parseFloat(cells[p]);
                y[row] = Float.parseFloat(cells[PIXELS]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
        return new TensorDataset(Tensor.of(x, COUNT, PIXELS), Tensor.of(y, COUNT));
    }
}
