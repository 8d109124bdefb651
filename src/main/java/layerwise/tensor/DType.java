package layerwise.tensor;

/**
 * A tensor's element type, as {@code x.dtype}: every workbook tensor is float32, so there is one, printed
 * as PyTorch prints it ({@code torch.float32}).
 */
public enum DType {
    FLOAT32;

    @Override
    public String toString() {
        return "torch.float32";
    }
}
