package layerwise.io;

import java.io.IOException;
import java.nio.file.Path;
import layerwise.tensor.Tensor;

/**
 * Reads and writes numpy {@code .npy} files, so arrays move between this workbook and numpy:
 * {@code np.save("x.npy", arr)} here is {@code Npy.read(Path.of("x.npy"))}, and {@code Npy.write(...)}
 * there is {@code np.load("x.npy")}.
 *
 * <p>Reads format versions 1.0, 2.0 and 3.0 with dtype float32 ({@code <f4}) or float64 ({@code <f8},
 * rounded to float32), C order. Writes version 1.0 float32, byte for byte what {@code np.save} writes.
 * A file that cannot be read gives one {@link TensorFileException} saying what is wrong and how to save
 * it from numpy instead.
 */
public final class Npy {

    private Npy() {
    }

    /** Reads an array as a float32 tensor of the same shape (a 0-d array gives a 0-d tensor). */
    public static Tensor read(Path file) throws IOException {
        return SafeTensors.toTensor(NpyFormat.read(file));
    }

    /** Writes a tensor as a float32, C-order, version 1.0 .npy file (replaced atomically). */
    public static void write(Path file, Tensor tensor) throws IOException {
        NpyFormat.write(file, SafeTensors.fromTensor(tensor));
    }
}
