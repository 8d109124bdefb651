package layerwise.tensor;

/**
 * Where a tensor's numbers live, as {@code x.device}: always the CPU here (the workbook computes in Java),
 * printed as {@code print(x.device)} prints it: {@code cpu}.
 */
public record Device(String type) {
    /** The one device there is. */
    public static final Device CPU = new Device("cpu");

    @Override
    public String toString() {
        return type;
    }
}
